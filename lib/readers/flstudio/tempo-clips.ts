import { ByteReader } from '../../binary';
import { DawstampsError, isDawstampsError } from '../../errors';
import type { Limits } from '../../limits';
import type { FlpScan, RawChannel } from './scan';
import { AutomationPointsHeaderToken, AutomationPointToken, AutomationRangeToken, DEFAULT_TEMPO_RANGE, MAIN_GROUP, TEMPO_CONTROL } from './tokens';

/** A tempo automation clip: points at clip beats with their BPM. */
export interface TempoClip {
  channel: number;
  /** Clip beats, non-decreasing. */
  beats: number[];
  bpms: number[];
  /** True when a point has a tension ≠ 0 (a curved segment). */
  curved: boolean;
  /** True when a BPM had to be clamped into 10–522. */
  clamped: boolean;
  /** True when the clip has no event 219 and the default 60–180 range was used. */
  defaultRange: boolean;
}

/** A tempo clip, or why it could not be read (an error only if the clip is used). */
export type TempoClipResult = TempoClip | DawstampsError;

/** Reads every clip linked to the tempo control (event 227: control 5, group 0x4000). */
export function readTempoClips(bytes: Uint8Array, scan: FlpScan, limits: Limits): Map<number, TempoClipResult> {
  const clips = new Map<number, TempoClipResult>();
  for (const link of scan.links) {
    if (link.control !== TEMPO_CONTROL || link.group !== MAIN_GROUP || clips.has(link.channel)) continue;
    const channel = scan.channels.get(link.channel);
    if (!channel) continue;
    try {
      clips.set(link.channel, readClip(bytes, channel, limits));
    } catch (e) {
      if (!isDawstampsError(e)) throw e;
      clips.set(link.channel, e);
    }
  }
  return clips;
}

function readClip(bytes: Uint8Array, channel: RawChannel, limits: Limits): TempoClip {
  let range = DEFAULT_TEMPO_RANGE;
  if (channel.range) {
    range = AutomationRangeToken.get(new ByteReader(bytes, channel.range.start, channel.range.start + channel.range.length));
  }
  const clip: TempoClip = { channel: channel.id, beats: [], bpms: [], curved: false, clamped: false, defaultRange: !channel.range };
  const span = channel.points;
  if (!span) return clip;
  const r = new ByteReader(bytes, span.start, span.start + span.length);
  const count = AutomationPointsHeaderToken.get(r);
  if (count > limits.maxBreakpoints) {
    throw new DawstampsError('too-many-breakpoints', `A tempo automation clip has ${count} points, more than dawstamps' limit of ${limits.maxBreakpoints}.`, { offset: span.offset, limit: limits.maxBreakpoints, detail: `channel ${channel.id}` });
  }
  if (count * AutomationPointToken.size > r.remaining) {
    throw new DawstampsError('corrupt-file', `The project is damaged: a tempo automation clip says it has ${count} points but holds fewer, so the tempo cannot be worked out.`, {
      offset: span.offset,
      detail: `channel ${channel.id}, event 234 at byte ${span.offset}: room for ${Math.floor(r.remaining / AutomationPointToken.size)} points`,
    });
  }
  // The points are AutomationPointToken records (24 bytes: f64 delta, f64 value, f32 tension,
  // u16 mode, 2 spare), read straight from a view: their room was checked above, and 100,000
  // points through the token's checked reads cost a CLI start-up's worth of time.
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const beats = new Array<number>(count);
  const bpms = new Array<number>(count);
  const spread = range.max - range.min;
  let beat = 0;
  let at = r.offset;
  for (let i = 0; i < count; i++, at += AutomationPointToken.size) {
    const delta = view.getFloat64(at, true);
    const value = view.getFloat64(at + 8, true);
    if (!Number.isFinite(delta) || delta < 0 || !Number.isFinite(value)) {
      throw new DawstampsError('corrupt-file', `The project is damaged: point ${i + 1} of a tempo automation clip has an impossible position or value.`, { offset: at, detail: `channel ${channel.id}, byte ${at}` });
    }
    beat += delta;
    if (!Number.isFinite(beat)) {
      throw new DawstampsError('corrupt-file', `The project is damaged: point ${i + 1} of a tempo automation clip lies impossibly far into the song.`, { offset: at, detail: `channel ${channel.id}, byte ${at}` });
    }
    // the BPM of the value over the clip's range (docs/flstudio.md#tempo-automation)
    let bpm = 10 + (512 * (range.min + spread * Math.min(1, Math.max(0, value)))) / 12800;
    if (!(bpm >= 10 && bpm <= 522)) {
      bpm = Number.isFinite(bpm) ? Math.min(522, Math.max(10, bpm)) : 120;
      clip.clamped = true;
    }
    if (view.getFloat32(at + 16, true) !== 0 && count > 1) clip.curved = true;
    beats[i] = beat;
    bpms[i] = bpm;
  }
  clip.beats = beats;
  clip.bpms = bpms;
  return clip;
}
