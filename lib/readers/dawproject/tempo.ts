/**
 * The tempo of a DAWproject (docs/dawproject.md#tempo): the Transport's Tempo, and the
 * arrangement's TempoAutomation as breakpoints of the shared envelope (docs/timing.md). A `hold`
 * point keeps its value until the next point, where it jumps (two breakpoints at one beat); a
 * `linear` one ramps, linearly in beats, to the next. Points timed in seconds are placed in beats
 * exactly, segment by segment, by inverting the integral of 60/bpm in closed form.
 */
import { echoValue } from '../../errors';
import type { Warning } from '../../model';
import { TempoColumns } from '../../tempo/columns';
import { meanInverse } from '../../tempo/linear-ramp';
import { warning } from '../warning';
import { LINEAR, PointList, type RawProject } from './raw';

/** Tempos outside this range are clamped (the format gives none; this keeps every time finite). */
const MIN_BPM = 1;
const MAX_BPM = 9999;
const DEFAULT_BPM = 120;

function clamp(bpm: number): number {
  return Math.min(MAX_BPM, Math.max(MIN_BPM, bpm));
}

/** The static tempo and the envelope (no breakpoints when the tempo does not change). */
export function readTempo(raw: RawProject, warnings: Warning[]): { staticBpm: number; tempo: TempoColumns } {
  let staticBpm = DEFAULT_BPM;
  const t = raw.tempo;
  if (t === null || t.value === undefined || !(t.value > 0)) {
    warnings.push(warning('no-tempo', `The project has no readable Transport tempo; ${DEFAULT_BPM} BPM is assumed where no tempo automation applies.`));
  } else {
    if (t.unit !== undefined && t.unit !== 'bpm') warnings.push(warning('tempo-unit', `The Transport tempo's unit is "${echoValue(t.unit, 40)}", not bpm; its value is read as BPM.`));
    staticBpm = t.value;
  }
  if (clamp(staticBpm) !== staticBpm) warnings.push(warning('tempo-out-of-range', `The tempo ${staticBpm} BPM is outside ${MIN_BPM}–${MAX_BPM} BPM and was clamped.`));
  staticBpm = clamp(staticBpm);

  const automation = raw.tempoAutomation;
  if (automation === null || automation.points.length === 0) return { staticBpm, tempo: TempoColumns.empty() };
  const toBpm = valueToBpm(automation.valueUnit, t, warnings);
  if (toBpm === null) return { staticBpm, tempo: TempoColumns.empty() };
  const points = validPoints(automation.points, toBpm, warnings);
  if (points.length === 0) return { staticBpm, tempo: TempoColumns.empty() };
  // one point: the automation is that tempo everywhere
  if (points.length === 1) return { staticBpm: points.value[0]!, tempo: TempoColumns.empty() };
  const beats = automation.unit === 'seconds' ? secondsToBeats(points) : points.time;
  return { staticBpm, tempo: envelope(points, beats) };
}

/** How a point's value becomes BPM, from the automation's `unit`; null when it cannot. */
function valueToBpm(unit: string | undefined, transport: RawProject['tempo'], warnings: Warning[]): ((v: number) => number) | null {
  if (unit === undefined || unit === 'bpm') return (v) => v;
  const min = transport?.min;
  const max = transport?.max;
  if (unit === 'normalized' && min !== undefined && max !== undefined && max > min) {
    warnings.push(warning('tempo-unit', `The tempo automation is normalized; its values are mapped onto the Transport tempo's range ${min}–${max} BPM.`));
    return (v) => min + v * (max - min);
  }
  warnings.push(warning('tempo-unit', `The tempo automation's unit is "${echoValue(unit, 40)}", which cannot be read as BPM; the automation was ignored and the Transport tempo is used.`));
  return null;
}

/** The points with a usable tempo, in time order (stable), their values in BPM and clamped. */
function validPoints(list: PointList, toBpm: (v: number) => number, warnings: Warning[]): PointList {
  const order: number[] = [];
  let dropped = 0;
  let clamped = 0;
  let sorted = true;
  for (let i = 0; i < list.length; i++) {
    const bpm = toBpm(list.value[i]!);
    if (!(bpm > 0) || !Number.isFinite(bpm)) {
      dropped++;
      continue;
    }
    if (clamp(bpm) !== bpm) clamped++;
    if (order.length > 0 && list.time[i]! < list.time[order.at(-1)!]!) sorted = false;
    order.push(i);
  }
  if (dropped > 0) warnings.push(warning('bad-tempo-point', `${dropped} tempo point(s) without a positive tempo were ignored.`));
  if (clamped > 0) warnings.push(warning('tempo-out-of-range', `${clamped} tempo point(s) outside ${MIN_BPM}–${MAX_BPM} BPM were clamped.`));
  if (!sorted) {
    warnings.push(warning('tempo-points-out-of-order', 'The tempo automation points are not in time order; they were sorted (points at one time keep their order).'));
    order.sort((a, b) => list.time[a]! - list.time[b]! || a - b);
  }
  const out = new PointList();
  for (const i of order) out.push(list.time[i]!, clamp(toBpm(list.value[i]!)), list.interpolation[i]!);
  return out;
}

/**
 * The beat of each point of an automation timed in seconds. Before the first point its tempo
 * holds; a hold segment covers Δt·v/60 beats; a linear one (linear in beats) Δt/(60·meanInverse).
 */
function secondsToBeats(p: PointList): Float64Array {
  const beats = new Float64Array(p.length);
  beats[0] = (p.time[0]! * p.value[0]!) / 60;
  for (let i = 1; i < p.length; i++) {
    const dt = p.time[i]! - p.time[i - 1]!;
    const v0 = p.value[i - 1]!;
    beats[i] = beats[i - 1]! + (p.interpolation[i - 1] === LINEAR ? dt / (60 * meanInverse(v0, p.value[i]!)) : (dt * v0) / 60);
  }
  return beats;
}

/** The breakpoints: each point, and before a point that ends a hold segment the held value again (a jump). */
function envelope(p: PointList, beats: Float64Array): TempoColumns {
  const beat: number[] = [];
  const bpm: number[] = [];
  for (let i = 0; i < p.length; i++) {
    const previous = i - 1;
    if (previous >= 0 && p.interpolation[previous] !== LINEAR && beats[i]! > beats[previous]! && p.value[previous] !== p.value[i]) {
      beat.push(beats[i]!);
      bpm.push(p.value[previous]!);
    }
    beat.push(beats[i]!);
    bpm.push(p.value[i]!);
  }
  return new TempoColumns(beat.length, new Float64Array(beat), new Float64Array(bpm), null);
}
