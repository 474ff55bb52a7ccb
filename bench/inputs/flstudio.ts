/**
 * Generated FL Studio projects for the bench, built from test/helpers/flp-builder events.
 * A big project is a header, a run of channel and pattern "units" (plugin state blobs, names,
 * automation clips, notes: the bulk a reader skips) copied until the size is reached, then the
 * arrangement the tracklist comes from (tempo clip, playlist, markers).
 */
import { FlpBuilder, type PointSpec } from '../../test/helpers/flp-builder';
import { makeRandom, type Random } from '../../test/helpers/als-junk';
import type { Expected } from './ableton';

const PPQ = 96;
/** FLhd (14 bytes) + FLdt id and length (8): where the events start. */
const HEADER = 22;
/** The tempo automation clip's channel id: below 20480 (above are patterns); the bulk channels stay below it. */
const TEMPO_CHANNEL = 20_000;
const BULK_CHANNELS = 19_000;
/** Event ids the reader skips (docs/flstudio.md): u8, u16, u32, data. */
const FILLER = { u8: [0, 1, 3, 32], u16: [65, 67, 80], u32: [128, 129, 145], data: [201, 212, 213, 215, 228] };

/** A generated project and what reading it must give. */
export interface FlpInput {
  bytes: Uint8Array;
  expected: Expected;
}

const eventsOf = (b: FlpBuilder): Uint8Array => b.build().subarray(HEADER);
const pick = <T>(r: Random, list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;
const blob = (r: Random, n: number): Uint8Array => Uint8Array.from({ length: n }, () => Math.floor(r() * 256));

function points(r: Random, count: number, delta: number): PointSpec[] {
  let v = 0.5;
  return Array.from({ length: count }, (_, i) => {
    v = Math.min(1, Math.max(0, v + (r() - 0.5) * 0.05));
    return { delta: i === 0 ? 0 : delta, value: v };
  });
}

/** One unit of bulk: a plugin channel (every 8th an automation clip), then a pattern. Starts with event 64 + u16 id. */
function unit(r: Random, i: number): Uint8Array {
  const b = new FlpBuilder();
  if (i % 8 === 7) b.automationClip(0, points(r, 20 + Math.floor(r() * 180), 0.5), { min: 0, max: 12800 }, `Cutoff ${i}`);
  else b.word(64, 0).byte(21, 2).text(203, `Synth ${i}`).text(201, pick(r, ['Sytrus', 'FLEX', 'Fruity Reeverb 2', 'Serum']));
  b.data(212, blob(r, 52)).data(213, blob(r, 200 + Math.floor(r() * 6000))).data(215, blob(r, 168)).data(219, blob(r, 24));
  for (let k = 0; k < 12; k++) {
    const kind = pick(r, ['u8', 'u16', 'u32'] as const);
    const id = pick(r, FILLER[kind]);
    if (kind === 'u8') b.byte(id, Math.floor(r() * 256));
    else if (kind === 'u16') b.word(id, Math.floor(r() * 65536));
    else b.dword(id, Math.floor(r() * 2 ** 32));
  }
  b.word(65, i).data(224, blob(r, 24 * (10 + Math.floor(r() * 400)))).data(pick(r, FILLER.data), blob(r, 16));
  return eventsOf(b);
}

function tail(tempoPoints: PointSpec[], markers: number, lengthBeats: number, seed: number): Uint8Array {
  const r = makeRandom(seed);
  const b = new FlpBuilder().link(TEMPO_CHANNEL).automationClip(TEMPO_CHANNEL, tempoPoints);
  const items = Array.from({ length: 500 }, (_, i) => ({ position: i * PPQ * 16, length: PPQ * 16, item: 20480 + (i % 50), track: 1 + (i % 20) }));
  b.arrangement(0, 'Arrangement').playlist([{ position: 0, length: lengthBeats * PPQ, item: TEMPO_CHANNEL }, ...items]);
  for (let m = 0; m < markers; m++) b.marker({ ticks: Math.round((m + r() * 0.5) * (lengthBeats / markers) * PPQ), name: `Artist ${m} - Title ${m}` });
  return eventsOf(b.currentArrangement(0));
}

function assemble(parts: Uint8Array[], bulk: { units: Uint8Array[]; bytes: number } | null): Uint8Array {
  const head = new FlpBuilder({ ppq: PPQ }).version('20.8.4.2576').tempo(128).meter(4, 4).build();
  const fixed = parts.reduce((n, p) => n + p.length, head.length);
  let bulkBytes = 0;
  const order: Uint8Array[] = [];
  for (let i = 0; bulk && bulkBytes + fixed < bulk.bytes; i++) {
    const u = bulk.units[i % bulk.units.length] as Uint8Array;
    order.push(u);
    bulkBytes += u.length;
  }
  const out = new Uint8Array(fixed + bulkBytes);
  out.set(head);
  let at = head.length;
  for (const [i, u] of order.entries()) {
    out.set(u, at);
    out[at + 1] = (i % BULK_CHANNELS) & 0xff; // a fresh channel id for each copy
    out[at + 2] = (i % BULK_CHANNELS) >> 8;
    at += u.length;
  }
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  new DataView(out.buffer).setUint32(HEADER - 4, out.length - HEADER, true);
  return out;
}

/** About `bytes` of project: bulk units, then a 1,000-point tempo clip, 500 playlist items and 300 markers. */
export function bigFlp(bytes: number, seed = 5): FlpInput {
  const r = makeRandom(seed);
  const units = Array.from({ length: 64 }, (_, i) => unit(r, i));
  const lengthBeats = 24_000;
  const tempo = points(r, 1000, lengthBeats / 1000);
  return { bytes: assemble([tail(tempo, 300, lengthBeats, seed)], { units, bytes }), expected: { markers: 300, tempoPoints: 1000 } };
}

/** A small project whose tempo clip has `count` points a quarter beat apart, and 100 markers. */
export function tempoFlp(count: number, seed = 9): FlpInput {
  const r = makeRandom(seed);
  const lengthBeats = count / 4;
  return { bytes: assemble([tail(points(r, count, 0.25), 100, lengthBeats, seed)], null), expected: { markers: 100, tempoPoints: count } };
}
