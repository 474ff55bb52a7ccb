/**
 * The tempo envelope as segments between distinct beats (shared/spec/timing.md): jumps
 * (several breakpoints at one beat, in file order) collapse into one boundary whose value is
 * the last breakpoint's (right-continuous); the BPM holds before the first and after the last.
 */
import { DawstampsError } from '../errors';
import type { TempoCurve, TempoPoint } from '../model';

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
  points: readonly TempoPoint[];
  /** How many segments are curved. */
  curves: number;
  /** The value before beats[0]. */
  leftBpm: number;
}

function check(point: TempoPoint, index: number): void {
  if (!Number.isFinite(point.beat) || Math.abs(point.beat) > MAX_ABS_BEAT) {
    throw new DawstampsError('corrupt-file', `Tempo breakpoint ${index + 1} lies at beat ${point.beat}, outside any arrangement.`);
  }
  if (!Number.isFinite(point.bpm) || point.bpm <= 0) {
    throw new DawstampsError('corrupt-file', `Tempo breakpoint ${index + 1} has the tempo ${point.bpm} BPM.`);
  }
}

/** The points sorted stably by beat (the array itself when it is sorted already). */
function sortedStably(points: readonly TempoPoint[], ordered: boolean): readonly TempoPoint[] {
  if (ordered) return points;
  return points.map((p, k) => ({ p, k })).sort((a, b) => a.p.beat - b.p.beat || a.k - b.k).map((x) => x.p);
}

const unit = (v: number): boolean => v >= 0 && v <= 1; // false for NaN

/** Handles that bend the segment: valid, and off the diagonal (on it the curve is a straight line). */
function bends(c: TempoCurve): boolean {
  return unit(c.c1x) && unit(c.c1y) && unit(c.c2x) && unit(c.c2y) && !(c.c1x === c.c1y && c.c2x === c.c2y);
}

/** Builds the segments; a static tempo when there is at most one breakpoint. O(n). */
export function buildEnvelope(points: readonly TempoPoint[], staticBpm: number): Envelope {
  if (points.length <= 1) {
    check({ beat: 0, bpm: staticBpm }, 0);
    const one = new Float64Array([staticBpm]);
    return { beats: new Float64Array([0]), from: one, to: new Float64Array(0), curveOf: new Int32Array(0), points: [], curves: 0, leftBpm: staticBpm };
  }
  let ordered = true;
  for (let i = 0; i < points.length; i++) {
    check(points[i]!, i);
    if (i > 0 && points[i]!.beat < points[i - 1]!.beat) ordered = false;
  }
  const sorted = sortedStably(points, ordered);
  // one slot per breakpoint; jumps (several at one beat) leave some unused (cut off at the end)
  const n = sorted.length;
  const beats = new Float64Array(n);
  const from = new Float64Array(n);
  const curveOf = new Int32Array(n - 1);
  let curves = 0;
  let jumps = false;
  let j = 0;
  let beat = sorted[0]!.beat;
  let bpm = sorted[0]!.bpm;
  beats[0] = beat;
  for (let i = 1; i < sorted.length; i++) {
    const p = sorted[i]!;
    if (p.beat !== beat) {
      // segment j ends here; the breakpoint before this one starts it and carries its handles
      const c = sorted[i - 1]!.curve;
      if (c !== undefined && c !== null && bpm !== p.bpm && bends(c)) {
        curveOf[j] = i - 1;
        curves++;
      } else {
        curveOf[j] = -1;
      }
      from[j] = bpm;
      j++;
      beat = p.beat;
      beats[j] = beat;
    } else {
      jumps = true;
    }
    bpm = p.bpm;
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
    leftBpm: sorted[0]!.bpm,
  };
}

/** `to` of an envelope with jumps: the first breakpoint's value at each distinct beat after the first. */
function segmentEnds(sorted: readonly TempoPoint[], distinct: number): Float64Array {
  const to = new Float64Array(distinct - 1);
  let j = 0;
  for (let i = 1; i < sorted.length; i++) if (sorted[i]!.beat !== sorted[i - 1]!.beat) to[j++] = sorted[i]!.bpm;
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
