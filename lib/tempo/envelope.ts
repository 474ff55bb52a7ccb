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
  /** The value a segment reaches at its end (the first breakpoint at beats[j+1]). */
  to: Float64Array;
  /** Index into `curves` of segment j's handles, or -1 for a straight ramp. */
  curveOf: Int32Array;
  curves: TempoCurve[];
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

function sortedStably(points: readonly TempoPoint[]): readonly TempoPoint[] {
  for (let i = 1; i < points.length; i++) {
    if (points[i]!.beat < points[i - 1]!.beat) {
      return points.map((p, k) => ({ p, k })).sort((a, b) => a.p.beat - b.p.beat || a.k - b.k).map((x) => x.p);
    }
  }
  return points;
}

/** A straight line in shape: handles on the diagonal (or no change in tempo). */
function isStraight(c: TempoCurve): boolean {
  return c.c1x === c.c1y && c.c2x === c.c2y;
}

const unit = (v: number): boolean => v >= 0 && v <= 1; // false for NaN

function validCurve(c: TempoCurve): boolean {
  return unit(c.c1x) && unit(c.c1y) && unit(c.c2x) && unit(c.c2y);
}

/** Builds the segments; a static tempo when there is at most one breakpoint. O(n). */
export function buildEnvelope(points: readonly TempoPoint[], staticBpm: number): Envelope {
  if (points.length <= 1) {
    check({ beat: 0, bpm: staticBpm }, 0);
    const one = new Float64Array([staticBpm]);
    return { beats: new Float64Array([0]), from: one, to: new Float64Array(0), curveOf: new Int32Array(0), curves: [], leftBpm: staticBpm };
  }
  for (let i = 0; i < points.length; i++) check(points[i]!, i);
  const sorted = sortedStably(points);
  let distinct = 1;
  for (let i = 1; i < sorted.length; i++) if (sorted[i]!.beat !== sorted[i - 1]!.beat) distinct++;
  const beats = new Float64Array(distinct);
  const from = new Float64Array(distinct);
  const to = new Float64Array(distinct - 1);
  const curveOf = new Int32Array(distinct - 1).fill(-1);
  const curves: TempoCurve[] = [];
  let j = 0;
  beats[0] = sorted[0]!.beat;
  for (let i = 0; i < sorted.length; i++) {
    const p = sorted[i]!;
    if (p.beat !== beats[j]) {
      to[j] = p.bpm;
      const starter = sorted[i - 1]!;
      if (starter.curve && validCurve(starter.curve) && !isStraight(starter.curve) && starter.bpm !== p.bpm) {
        curveOf[j] = curves.length;
        curves.push(starter.curve);
      }
      j++;
      beats[j] = p.beat;
    }
    from[j] = p.bpm;
  }
  return { beats, from, to, curveOf, curves, leftBpm: sorted[0]!.bpm };
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
