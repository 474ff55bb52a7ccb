/**
 * The tempo envelope as segments between distinct beats (docs/timing.md): jumps
 * (several breakpoints at one beat, in file order) collapse into one boundary whose value is
 * the last breakpoint's (right-continuous); the BPM holds before the first and after the last.
 */
import { DawstampsError } from '../errors';
import { TempoColumns } from './columns';

/** Beats further out than this are not arrangement positions (Live's far-left point is -6.3e7). */
export const MAX_ABS_BEAT = 1e12;

/** Struct-of-arrays segments: segment j runs from beats[j] to beats[j+1]. */
export interface Envelope {
  /** Distinct breakpoint beats, ascending; at least one. */
  beats: Float64Array;
  /** The value from beats[j] on (right-continuous); from[last] holds to the right. */
  from: Float64Array;
  /**
   * The value a segment reaches at its end (the first breakpoint at beats[j+1]). Without jumps
   * this is from[j+1], and `to` is a view of `from` (no array of its own).
   */
  to: Float64Array;
  /**
   * For a curved segment j, the index in `points` of the breakpoint that starts it and carries
   * its handles (read when needed, never copied); -1 for a straight ramp.
   */
  curveOf: Int32Array;
  /** The breakpoints, sorted stably by beat. */
  points: TempoColumns;
  /** How many segments are curved. */
  curves: number;
  /** The value before beats[0]. */
  leftBpm: number;
}

function check(beat: number, bpm: number, index: number): void {
  if (!Number.isFinite(beat) || Math.abs(beat) > MAX_ABS_BEAT) {
    throw new DawstampsError('corrupt-file', `Tempo breakpoint ${index + 1} lies at beat ${beat}, outside any arrangement.`);
  }
  if (!Number.isFinite(bpm) || bpm <= 0) {
    throw new DawstampsError('corrupt-file', `Tempo breakpoint ${index + 1} has the tempo ${bpm} BPM.`);
  }
}

/** The columns sorted stably by beat (the columns themselves when they are sorted already). */
function sortedStably(points: TempoColumns, ordered: boolean): TempoColumns {
  if (ordered) return points;
  const order = Array.from({ length: points.length }, (_, k) => k).sort((a, b) => points.beat[a]! - points.beat[b]! || a - b);
  const beat = new Float64Array(order.length);
  const bpm = new Float64Array(order.length);
  const curve = points.curve ? new Float64Array(4 * order.length) : null;
  for (let i = 0; i < order.length; i++) {
    const k = order[i]!;
    beat[i] = points.beat[k]!;
    bpm[i] = points.bpm[k]!;
    if (curve) curve.set(points.curve!.subarray(4 * k, 4 * k + 4), 4 * i);
  }
  const objects = points.objects;
  return new TempoColumns(order.length, beat, bpm, curve, objects ? order.map((k) => objects[k]!) : null);
}

const unit = (v: number): boolean => v >= 0 && v <= 1; // false for NaN

/** Handles that bend the segment: valid, and off the diagonal (on it the curve is a straight line). NaN (no curve) does not. */
function bends(c1x: number, c1y: number, c2x: number, c2y: number): boolean {
  return unit(c1x) && unit(c1y) && unit(c2x) && unit(c2y) && !(c1x === c1y && c2x === c2y);
}

/** True when breakpoint i's handles bend its segment. */
function bendsAt(points: TempoColumns, i: number): boolean {
  const c = points.curve;
  if (c !== null) return bends(c[4 * i]!, c[4 * i + 1]!, c[4 * i + 2]!, c[4 * i + 3]!);
  const h = points.objects === null ? undefined : points.objects[i]!.curve;
  return h !== undefined && h !== null && bends(h.c1x, h.c1y, h.c2x, h.c2y);
}

/** Builds the segments; a static tempo when there is at most one breakpoint. O(n). */
export function buildEnvelope(points: TempoColumns, staticBpm: number): Envelope {
  const n = points.length;
  if (n <= 1) {
    check(0, staticBpm, 0);
    const one = new Float64Array([staticBpm]);
    return { beats: new Float64Array([0]), from: one, to: new Float64Array(0), curveOf: new Int32Array(0), points: new TempoColumns(0, new Float64Array(0), new Float64Array(0), null), curves: 0, leftBpm: staticBpm };
  }
  let ordered = true;
  {
    const beatOf = points.beat;
    const bpmOf = points.bpm;
    let prev = -Infinity;
    for (let i = 0; i < n; i++) {
      const b = beatOf[i]!;
      const v = bpmOf[i]!;
      // the checks inline (the usual case, in the interpreter: one call per breakpoint is measurable)
      if (!(b - b === 0 && b <= MAX_ABS_BEAT && b >= -MAX_ABS_BEAT && v - v === 0 && v > 0)) check(b, v, i);
      if (b < prev) ordered = false;
      prev = b;
    }
  }
  const sorted = sortedStably(points, ordered);
  const sortedBeat = sorted.beat;
  const sortedBpm = sorted.bpm;
  const curved = sorted.curved;
  // one slot per breakpoint; jumps (several at one beat) leave some unused (cut off at the end)
  const beats = new Float64Array(n);
  const from = new Float64Array(n);
  const curveOf = new Int32Array(n - 1);
  let curves = 0;
  let jumps = false;
  let j = 0;
  let beat = sortedBeat[0]!;
  let bpm = sortedBpm[0]!;
  beats[0] = beat;
  for (let i = 1; i < n; i++) {
    const b = sortedBeat[i]!;
    if (b !== beat) {
      // segment j ends here; the breakpoint before this one starts it and carries its handles
      if (curved && bpm !== sortedBpm[i]! && bendsAt(sorted, i - 1)) {
        curveOf[j] = i - 1;
        curves++;
      } else {
        curveOf[j] = -1;
      }
      from[j] = bpm;
      j++;
      beat = b;
      beats[j] = beat;
    } else {
      jumps = true;
    }
    bpm = sortedBpm[i]!;
  }
  from[j] = bpm;
  const distinct = j + 1;
  const usedFrom = distinct === n ? from : from.subarray(0, distinct);
  return {
    beats: distinct === n ? beats : beats.subarray(0, distinct),
    from: usedFrom,
    to: jumps ? segmentEnds(sorted, distinct) : usedFrom.subarray(1),
    curveOf: distinct === n ? curveOf : curveOf.subarray(0, distinct - 1),
    points: sorted,
    curves,
    leftBpm: sortedBpm[0]!,
  };
}

/** `to` of an envelope with jumps: the first breakpoint's value at each distinct beat after the first. */
function segmentEnds(sorted: TempoColumns, distinct: number): Float64Array {
  const to = new Float64Array(distinct - 1);
  const beat = sorted.beat;
  let j = 0;
  for (let i = 1; i < sorted.length; i++) if (beat[i]! !== beat[i - 1]!) to[j++] = sorted.bpm[i]!;
  return to;
}

/** The last j with beats[j] ≤ x (-1 when x is left of every breakpoint). O(log n). */
export function segmentAt(beats: Float64Array, x: number): number {
  let lo = 0;
  let hi = beats.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (beats[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
