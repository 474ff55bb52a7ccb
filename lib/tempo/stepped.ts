/**
 * Model 1 (timing.md): the tempo is sampled at grid lines g_k = k·step from beat 0 and held
 * until the next one. seconds(b) = Σ_{k=0}^{K-1} step·60/bpm(g_k) + (b − g_K)·60/bpm(g_K),
 * K = floor(b/step). For negative beats the same cells count backwards (negative seconds).
 * O(n) build and O(log n) per query: closed forms over straight ramps (harmonic.ts) and a
 * bounded Euler–Maclaurin sum over curves, never one term per step.
 */
import { curveBpm, curveSeconds, curveSlope, solveU, type CurveSegment } from './bezier';
import type { Envelope } from './envelope';
import { harmonicSum } from './harmonic';
import { fillFromAnchor } from './prefix';
import { curveSegment, segmentBpm } from './segment';

/** Curves with more cells than this sum HEAD cells at each end directly, the middle by Euler–Maclaurin. */
const CURVE_DIRECT = 64;
const HEAD = 16;

/** Σ_{m=0}^{count-1} step·60/bpm((k0+m)·step) over a curved segment. */
function curvedCells(seg: CurveSegment, k0: number, count: number, step: number): number {
  const cell = (m: number): number => (60 * step) / curveBpm(seg, (k0 + m) * step);
  let sum = 0;
  if (count <= CURVE_DIRECT) {
    for (let m = 0; m < count; m++) sum += cell(m);
    return sum;
  }
  for (let m = 0; m < HEAD; m++) sum += cell(m) + cell(count - 1 - m);
  const a = HEAD;
  const b = count - 1 - HEAD;
  const span = seg.b1 - seg.b0;
  const ua = solveU(seg.curve, ((k0 + a) * step - seg.b0) / span);
  const ub = solveU(seg.curve, ((k0 + b) * step - seg.b0) / span);
  // d(cell)/dm = −60·step²·bpm′/bpm²
  const slope = (m: number): number => {
    const x = (k0 + m) * step;
    const v = curveBpm(seg, x);
    const d = (-60 * step * step * curveSlope(seg, x)) / (v * v);
    return Number.isFinite(d) ? d : 0;
  };
  return sum + curveSeconds(seg, ua, ub) + (cell(a) + cell(b)) / 2 + (slope(b) - slope(a)) / 12;
}

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
  const firstCell = new Float64Array(last + 1); // first grid index at or after each breakpoint beat
  for (let j = 0; j <= last; j++) firstCell[j] = ceilGrid(env.beats[j]!);
  const leftCell = (60 * step) / env.leftBpm;
  const rightCell = (60 * step) / env.from[last]!;

  /** Cells k0 .. k1-1 of segment j. */
  const cells = (j: number, k0: number, k1: number): number => {
    if (k1 <= k0) return 0;
    const curve = curveSegment(env, j);
    if (curve) return curvedCells(curve, k0, k1 - k0, step);
    const b0 = env.beats[j]!;
    const v0 = env.from[j]!;
    const slope = (env.to[j]! - v0) / (env.beats[j + 1]! - b0);
    return 60 * step * harmonicSum(v0 + slope * (k0 * step - b0), slope * step, k1 - k0);
  };
  /** The last region j with firstCell[j] ≤ k: -1 left hold, `last` right hold. */
  const regionOf = (k: number): number => {
    let lo = 0;
    let hi = firstCell.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (firstCell[mid]! <= k) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  };

  const widths = new Float64Array(last);
  for (let j = 0; j < last; j++) widths[j] = cells(j, firstCell[j]!, firstCell[j + 1]!);
  const at = new Float64Array(last + 1); // seconds at grid line firstCell[j]; 0 at grid line 0
  const r0 = regionOf(0);
  if (r0 < 0) fillFromAnchor(at, widths, 0, firstCell[0]! * leftCell);
  else if (r0 >= last) fillFromAnchor(at, widths, last, firstCell[last]! * rightCell);
  else fillFromAnchor(at, widths, r0, -cells(r0, firstCell[r0]!, 0));

  return (beat: number): number => {
    const k = floorGrid(beat);
    const j = regionOf(k);
    const rest = beat - k * step;
    if (j < 0) return at[0]! - (firstCell[0]! - k) * leftCell + rest * (leftCell / step);
    if (j >= last) return at[last]! + (k - firstCell[last]!) * rightCell + rest * (rightCell / step);
    const bpm = segmentBpm(env, j, k * step);
    return at[j]! + cells(j, firstCell[j]!, k) + (rest * 60) / bpm;
  };
}
