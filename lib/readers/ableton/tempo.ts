/** The master track's tempo: static value and envelope (docs/ableton.md). */
import type { Warning } from '../../model';
import { TempoColumns } from '../../tempo/columns';
import { warning } from '../warning';
import { EventList, type RawParam, type RawSet } from './raw';

const MIN_BPM = 20;
const MAX_BPM = 999;

/** The events automating a parameter: the envelope whose PointeeId is its target (Live 10+), else inline (Live 8/9). */
export function paramEvents(raw: RawSet, param: RawParam | null): EventList {
  if (!param) return new EventList();
  if (param.targetId !== undefined) {
    const env = raw.envelopes.find((e) => e.pointeeId === param.targetId);
    if (env && env.events.length > 0) return env.events;
  }
  return param.inline;
}

/**
 * Static BPM and the sorted envelope (no breakpoints when the tempo is static), as columns: a set
 * may hold 100,000 breakpoints, and an object each costs more than reading them (bench case 3b).
 */
export function readTempo(raw: RawSet, warnings: Warning[]): { staticBpm: number; tempo: TempoColumns } {
  if (!raw.tempo) warnings.push(warning('no-tempo', 'The set does not say its tempo, so the times assume 120 BPM.'));
  const events = paramEvents(raw, raw.tempo);
  const { time, value } = events;
  const beats = new Float64Array(events.length);
  const bpms = new Float64Array(events.length);
  const from = events.curve;
  const curves = from ? new Float64Array(4 * events.length).fill(NaN) : null;
  let n = 0;
  let clamped = 0;
  let firstBpm: number | undefined;
  let sorted = true;
  let last = -Infinity;
  for (let i = 0; i < events.length; i++) {
    const v = value[i]!;
    if (!(v > 0)) {
      clamped++;
      continue;
    }
    firstBpm ??= v;
    const bpm = Math.min(MAX_BPM, Math.max(MIN_BPM, v));
    if (bpm !== v) clamped++;
    const beat = time[i]!;
    if (beat < last) sorted = false;
    last = beat;
    beats[n] = beat;
    bpms[n] = bpm;
    // a curve's handles lie in 0…1 (NaN: none)
    if (curves && from![4 * i] === from![4 * i]) for (let k = 0; k < 4; k++) curves[4 * n + k] = Math.min(1, Math.max(0, from![4 * i + k]!));
    n++;
  }
  if (clamped > 0) {
    const which = clamped === 1 ? 'One tempo change lies' : `${clamped} tempo changes lie`;
    warnings.push(warning('tempo-out-of-range', `${which} outside Live's ${MIN_BPM}–${MAX_BPM} BPM; ${clamped === 1 ? 'it was' : 'they were'} brought to the nearest tempo Live allows (or skipped, at 0 BPM or below).`));
  }
  const manual = raw.tempo?.manual;
  // Live 8 writes no Manual: the static tempo is the first event's value.
  let staticBpm = manual !== undefined && manual > 0 ? manual : (firstBpm ?? 120);
  staticBpm = Math.min(MAX_BPM, Math.max(MIN_BPM, staticBpm));
  if (n <= 1) return { staticBpm, tempo: new TempoColumns(0, beats, bpms, null) };
  const tempo = new TempoColumns(n, beats, bpms, curves);
  // stable: breakpoints at one beat keep their file order (a jump); Live writes them in order
  return { staticBpm, tempo: sorted ? tempo : sortedByBeat(tempo) };
}

/** The columns sorted stably by beat. */
function sortedByBeat(c: TempoColumns): TempoColumns {
  const order = Array.from({ length: c.length }, (_, k) => k).sort((a, b) => c.beat[a]! - c.beat[b]! || a - b);
  const beat = new Float64Array(order.map((k) => c.beat[k]!));
  const bpm = new Float64Array(order.map((k) => c.bpm[k]!));
  const curve = c.curve ? new Float64Array(order.flatMap((k) => [...c.curve!.subarray(4 * k, 4 * k + 4)])) : null;
  return new TempoColumns(c.length, beat, bpm, curve);
}
