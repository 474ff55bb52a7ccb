/**
 * Hand-built Ableton Live sets for tests and benchmarks.
 *
 *   buildAls({ live: 11, locators: [{ time: 8, name: 'Intro' }] })            // gzip bytes
 *   buildAls({ live: 12, tempoEvents: [...], audioTracks: [...] }, { gzip: false })
 *   alsXml(options)                                                            // the XML text
 *   await writeAls('/tmp/big.als', bigSetOptions())                            // streamed to disk
 *
 * Layouts follow docs/ableton.md: Live 8 (MasterChain, inline events, no Manual),
 * Live 9 (inline ArrangerAutomation events), Live 10/11 (MasterTrack + AutomationEnvelopes),
 * Live 12 (MainTrack, attributes on container tags). Everything not asked for is left out, except
 * what a real set always has around the elements the reader wants.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { gzipSync, createGzip } from 'node:zlib';
import { junkDevices, junkEnvelopes, junkMidiClips, makeRandom, type Random } from './als-junk';
import { audioTrack, groupTrack, junkTrack, locatorsXml, masterTrack, midiTrack, transport } from './als-parts';

export type LiveLayout = 8 | 9 | 10 | 11 | 12;

/** A tempo breakpoint; `curve` = [CurveControl1X, 1Y, 2X, 2Y] (Live 11+ Bezier handles). */
export interface AlsTempoEvent {
  beat: number;
  bpm: number;
  curve?: [number, number, number, number];
}

export interface AlsMeterEvent {
  beat: number;
  numerator: number;
  denominator: number;
}

export interface AlsLocator {
  time: number;
  name: string;
  isSongStart?: boolean;
}

/** An arrangement audio clip (beats). `file` is the sample's file name. */
export interface AlsClip {
  start: number;
  end: number;
  name?: string;
  file?: string;
  disabled?: boolean;
}

export interface AlsAudioTrack {
  name?: string;
  /** Track activator off (Speaker). */
  muted?: boolean;
  /** Arrangement clips. */
  clips?: AlsClip[];
  /** Session-view clips (ClipSlots): never part of the arrangement. */
  sessionClips?: AlsClip[];
  /** Put the track in a group track: the group's index in `groups`. */
  group?: number;
}

/** A MIDI track with arrangement clips (beats): the reader reads only where they end. */
export interface AlsMidiTrack {
  name?: string;
  muted?: boolean;
  clips?: Array<{ start: number; end: number; name?: string }>;
}

/** A group track (listed before the audio tracks). */
export interface AlsGroupTrack {
  name?: string;
  muted?: boolean;
}

/** Bulk that a reader must skip: sizes for benchmarks and memory tests. */
export interface AlsJunk {
  /** Extra MIDI tracks full of devices, envelopes and notes. */
  tracks?: number;
  devicesPerTrack?: number;
  parametersPerDevice?: number;
  envelopesPerTrack?: number;
  pointsPerEnvelope?: number;
  notesPerTrack?: number;
  /** Extra automation envelopes on the master track (not tempo). */
  masterEnvelopes?: number;
  seed?: number;
}

export interface AlsOptions {
  /** Which Live's layout to write (default 11). */
  live?: LiveLayout;
  /** Root `Creator`; default "Ableton Live <live>.x.y"; null leaves the attribute out. */
  creator?: string | null;
  /** Root `MinorVersion`, default per layout ("11.0_11300"). */
  minorVersion?: string;
  majorVersion?: string;
  /** Master track element; default MainTrack for Live 12, MasterTrack before. */
  master?: 'MasterTrack' | 'MainTrack';
  /** Live 12.1+ writes attributes on container tags that had none; default true for Live 12. */
  tagAttributes?: boolean;
  /** Tempo/Manual (default 120; Live 8 has no Manual). */
  tempo?: number;
  /** Tempo breakpoints, written in this order (add the -63072000 point yourself when wanted). */
  tempoEvents?: AlsTempoEvent[];
  /** AutomationTarget Id of the tempo (default 8). */
  tempoTargetId?: number;
  /** Live 10+: write the master's AutomationEnvelopes (default true). */
  automationEnvelopes?: boolean;
  /** TimeSignature/Manual as [numerator, denominator] (default 4/4). */
  meter?: [number, number];
  meterEvents?: AlsMeterEvent[];
  meterTargetId?: number;
  locators?: AlsLocator[];
  loop?: { start: number; length: number; on?: boolean };
  groups?: AlsGroupTrack[];
  audioTracks?: AlsAudioTrack[];
  /** MIDI tracks with arrangement clips (after the audio tracks). */
  midiTracks?: AlsMidiTrack[];
  junk?: AlsJunk;
  /** Same-named elements deeper in the tree, "MasterTrack" in attributes, CDATA and comments. */
  decoys?: boolean;
}

/** Ableton's time signature enum: 99·log2(den) + num − 1. */
export function meterValue(numerator: number, denominator: number): number {
  return 99 * Math.log2(denominator) + numerator - 1;
}

/** XML attribute escaping. */
export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;').replace(/>/g, '&gt;');
}

/** The whole set as XML text (small sets). */
export function alsXml(options: AlsOptions = {}): string {
  return [...alsXmlParts(options)].join('');
}

/** The set as gzip (default) or plain UTF-8 bytes. */
export function buildAls(options: AlsOptions = {}, output: { gzip?: boolean } = {}): Uint8Array {
  const xml = Buffer.from(alsXml(options), 'utf8');
  return new Uint8Array(output.gzip === false ? xml : gzipSync(xml));
}

/** Streams a (large) set to a gzip file without holding it; returns the XML and file sizes. */
export async function writeAls(path: string, options: AlsOptions, level = 6): Promise<{ xmlBytes: number; fileBytes: number }> {
  const gzip = createGzip({ level });
  const out = createWriteStream(path);
  gzip.pipe(out);
  let xmlBytes = 0;
  for (const part of alsXmlParts(options)) {
    const buf = Buffer.from(part, 'utf8');
    xmlBytes += buf.length;
    if (!gzip.write(buf)) await once(gzip, 'drain');
  }
  gzip.end();
  await once(out, 'finish');
  return { xmlBytes, fileBytes: out.bytesWritten };
}

/**
 * A big, realistic set for speed and memory runs: `scale` 1 gives about 200 MB of XML
 * (hundreds of tracks, dense automation, tempo automation, a few hundred locators).
 */
export function bigSetOptions(scale = 1, seed = 7): AlsOptions {
  const r = makeRandom(seed);
  const tempoEvents: AlsTempoEvent[] = [{ beat: -63072000, bpm: 124 }];
  for (let b = 0; b < 12_000; b += 2) tempoEvents.push({ beat: b, bpm: 118 + Math.round(r() * 1200) / 100 });
  const locators: AlsLocator[] = [];
  for (let i = 0; i < 300; i++) locators.push({ time: Math.round(r() * 12_000), name: `Artist ${i} - Title ${i}` });
  return {
    live: 11,
    tempoEvents,
    locators,
    loop: { start: 16, length: 64, on: true },
    audioTracks: [0, 1].map((t) => ({
      name: `Deck ${t + 1}`,
      clips: Array.from({ length: 60 }, (_, i) => ({ start: (2 * i + t) * 96, end: (2 * i + t) * 96 + 104, name: `Song ${2 * i + t}`, file: `Song ${2 * i + t}.wav` })),
    })),
    junk: { tracks: Math.round(540 * scale), devicesPerTrack: 6, parametersPerDevice: 40, envelopesPerTrack: 6, pointsPerEnvelope: 800, notesPerTrack: 300, masterEnvelopes: 4, seed },
    decoys: true,
  };
}

/** The set as a sequence of XML pieces (one per track or section), for streaming. */
export function* alsXmlParts(o: AlsOptions): Generator<string> {
  const live = o.live ?? 11;
  const ctx = context(o, live);
  yield `<?xml version="1.0" encoding="UTF-8"?>\n<Ableton MajorVersion="${o.majorVersion ?? (live >= 10 ? '5' : '4')}" MinorVersion="${esc(ctx.minorVersion)}"${ctx.creator === null ? '' : ` Creator="${esc(ctx.creator)}"`} Revision="0">\n<LiveSet${ctx.a}>\n<NextPointeeId Value="99999" />\n`;
  if (o.decoys) yield `<!-- <Locators><Locators><Locator><Time Value="0" /><Name Value="COMMENT DECOY" /></Locator></Locators></Locators> -->\n<Annotation Value="&lt;MasterTrack&gt; &amp; MainTrack decoy" />\n`;
  yield `<Tracks${ctx.a}>\n`;
  const groupIds = (o.groups ?? []).map((_, i) => 1000 + i);
  for (const [i, g] of (o.groups ?? []).entries()) yield groupTrack(ctx, g, groupIds[i]!);
  for (const [i, t] of (o.audioTracks ?? []).entries()) yield audioTrack(ctx, t, 100 + i, t.group === undefined ? -1 : (groupIds[t.group] ?? -1));
  for (const [i, t] of (o.midiTracks ?? []).entries()) yield midiTrack(ctx, t, 300 + i);
  const junk = o.junk;
  if (junk?.tracks) {
    const r = makeRandom(junk.seed ?? 1);
    for (let i = 0; i < junk.tracks; i++) yield junkTrack(ctx, junk, r, 5000 + i);
  }
  yield `</Tracks>\n`;
  yield masterTrack(ctx, o, live);
  yield transport(o, ctx);
  yield locatorsXml(o.locators ?? [], live, ctx);
  yield `<ViewStates${ctx.a}><Tempo Value="1" /></ViewStates>\n</LiveSet>\n</Ableton>\n`;
}

export interface BuildContext {
  live: LiveLayout;
  /** ` Attr="…"` for container tags (Live 12.1+), else ''. */
  a: string;
  creator: string | null;
  minorVersion: string;
  decoys: boolean;
}

function context(o: AlsOptions, live: LiveLayout): BuildContext {
  const defaults: Record<LiveLayout, [string, string]> = {
    8: ['Ableton Live 8.1.4', '8.1_226'],
    9: ['Ableton Live 9.7.1', '9.5_327'],
    10: ['Ableton Live 10.1.7', '10.0_377'],
    11: ['Ableton Live 11.3.4', '11.0_11300'],
    12: ['Ableton Live 12.3.2', '12.0_12300'],
  };
  const [creator, minorVersion] = defaults[live];
  const tagAttributes = o.tagAttributes ?? live === 12;
  return { live, a: tagAttributes ? ' Lom="0" Flags="1"' : '', creator: o.creator === undefined ? creator : o.creator, minorVersion: o.minorVersion ?? minorVersion, decoys: o.decoys === true };
}

export { junkDevices, junkEnvelopes, junkMidiClips, makeRandom };
export type { Random };
