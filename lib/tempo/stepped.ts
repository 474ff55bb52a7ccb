/**
 * Model 1 (timing.md): the tempo is sampled at grid lines g_k = k·step from beat 0 and held
 * until the next one. seconds(b) = Σ_{k=0}^{K-1} step·60/bpm(g_k) + (b − g_K)·60/bpm(g_K),
 * K = floor(b/step). For negative beats the same cells count backwards (negative seconds).
 * O(n) build and O(log n) per query: closed forms over straight ramps (harmonic.ts) and a
 * bounded Euler–Maclaurin sum over curves, never one term per step.
 */
import { CurveSegment } from './bezier';
import { curvedCells } from './curved-cells';
import type { Envelope } from './envelope';
import { harmonicSum } from './harmonic';
import { fillFromAnchor } from './prefix';
import { segmentBpm } from './segment';

/** A stepped timeline over an envelope with the given grid step (beats). */
export function steppedSeconds(env: Envelope, step: number): (beat: number) => number {
  const last = env.beats.length - 1;
  const ceilGrid = (b: number): number => {
    let k = Math.ceil(b / step);
    if (!Number.isSafeInteger(k)) return k;
    while ((k - 1) * step >= b) k--;
    while (k * step < b) k++;
    return k;
  };
  const floorGrid = (b: number): number => {
    let k = Math.floor(b / step);
    if (!Number.isSafeInteger(k)) return k;
    while (k * step > b) k--;
    while ((k + 1) * step <= b) k++;
    return k;
  };
  /** The first grid index at or after breakpoint beat j (computed, not stored: no array per map). */
  const firstCell = (j: number): number => ceilGrid(env.beats[j]!);
  const leftCell = (60 * step) / env.leftBpm;
  const rightCell = (60 * step) / env.from[last]!;
  const curve = new CurveSegment();

  /** Cells k0 .. k1-1 of segment j. */
  const cells = (j: number, k0: number, k1: number): number => {
    if (k1 <= k0) return 0;
    if (curve.load(env, j)) return curvedCells(curve, k0, k1 - k0, step);
    const b0 = env.beats[j]!;
    const span = env.beats[j + 1]! - b0;
    const v0 = env.from[j]!;
    const dv = env.to[j]! - v0;
    // a segment narrower than a step holds one cell at most: its slope never multiplies a count
    const first = v0 + dv * ((k0 * step - b0) / span);
    return 60 * step * harmonicSum(first, k1 - k0 > 1 ? (dv / span) * step : 0, k1 - k0);
  };
  /** The last region j with firstCell[j] ≤ k: -1 left hold, `last` right hold. */
  const regionOf = (k: number): number => {
    let lo = 0;
    let hi = last + 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (firstCell(mid) <= k) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  };

  const width = (j: number): number => cells(j, firstCell(j), firstCell(j + 1));
  const at = new Float64Array(last + 1); // seconds at grid line firstCell(j); 0 at grid line 0
  const r0 = regionOf(0);
  if (r0 < 0) fillFromAnchor(at, width, 0, firstCell(0) * leftCell);
  else if (r0 >= last) fillFromAnchor(at, width, last, firstCell(last) * rightCell);
  else fillFromAnchor(at, width, r0, -cells(r0, firstCell(r0), 0));

  return (beat: number): number => {
    const k = floorGrid(beat);
    const j = regionOf(k);
    const rest = beat - k * step;
    if (j === r0) {
      // the region holding grid line 0: count from there, no cancellation against a far-left start
      const cell = j < 0 ? leftCell : j >= last ? rightCell : (60 * step) / segmentBpm(env, j, k * step);
      if (j < 0 || j >= last) return k * cell + rest * (cell / step);
      return (k >= 0 ? cells(j, 0, k) : -cells(j, k, 0)) + rest * (cell / step);
    }
    if (j < 0) return at[0]! - (firstCell(0) - k) * leftCell + rest * (leftCell / step);
    if (j >= last) return at[last]! + (k - firstCell(last)) * rightCell + rest * (rightCell / step);
    const bpm = segmentBpm(env, j, k * step);
    if (j < r0) return at[j + 1]! - cells(j, k, firstCell(j + 1)) + (rest * 60) / bpm;
    return at[j]! + cells(j, firstCell(j), k) + (rest * 60) / bpm;
  };
}
