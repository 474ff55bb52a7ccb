/**
 * A curved tempo segment (Ableton CurveControl1X/1Y/2X/2Y): a cubic Bezier in (beat, bpm)
 * space whose handles are normalised to the segment's box (shared/spec/timing.md).
 * X(u) and Y(u) are the normalised beat and bpm along the curve, u in [0, 1].
 */
import type { TempoCurve } from '../model';

/** One curved segment's box and handles. */
export interface CurveSegment {
  b0: number;
  b1: number;
  v0: number;
  v1: number;
  curve: TempoCurve;
}

function bernstein(p1: number, p2: number, u: number): number {
  const w = 1 - u;
  return 3 * u * w * w * p1 + 3 * u * u * w * p2 + u * u * u;
}

function bernsteinSlope(p1: number, p2: number, u: number): number {
  const w = 1 - u;
  return 3 * (w * w * p1 + 2 * u * w * (p2 - p1) + u * u * (1 - p2));
}

/** The curve parameter u at which the normalised beat X(u) equals t (Newton, bisection fallback). */
export function solveU(curve: TempoCurve, t: number): number {
  if (t <= 0) return 0;
  if (t >= 1) return 1;
  let lo = 0;
  let hi = 1;
  let u = t;
  for (let i = 0; i < 100; i++) {
    const err = bernstein(curve.c1x, curve.c2x, u) - t;
    if (err === 0) return u;
    if (err > 0) hi = u;
    else lo = u;
    if (hi - lo < 1e-16) break;
    const slope = bernsteinSlope(curve.c1x, curve.c2x, u);
    let next = slope > 0 ? u - err / slope : Number.NaN;
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - u) < 1e-17) return next;
    u = next;
  }
  return (lo + hi) / 2;
}

/**
 * Where the beat curve is steepest in BPM (X′(u) smallest), when that is inside (0, 1): a
 * vertical tangent there makes the BPM jump within a few steps. X′ is a quadratic in u.
 */
export function flattestU(curve: TempoCurve): number | null {
  const curvature = 3 * curve.c1x - 3 * curve.c2x + 1;
  if (curvature <= 0) return null;
  const u = (2 * curve.c1x - curve.c2x) / curvature;
  return u > 0 && u < 1 ? u : null;
}

/** The normalised beat X(u) (0 at the segment start, 1 at its end). */
export function beatFraction(curve: TempoCurve, u: number): number {
  return bernstein(curve.c1x, curve.c2x, u);
}

/** The BPM at parameter u. */
export function bpmAtU(seg: CurveSegment, u: number): number {
  return seg.v0 + (seg.v1 - seg.v0) * bernstein(seg.curve.c1y, seg.curve.c2y, u);
}

/** The BPM at a beat inside the segment. */
export function curveBpm(seg: CurveSegment, beat: number): number {
  return bpmAtU(seg, solveU(seg.curve, (beat - seg.b0) / (seg.b1 - seg.b0)));
}

/** d(bpm)/d(beat) at a beat inside the segment (Infinity where the beat curve is vertical). */
export function curveSlope(seg: CurveSegment, beat: number): number {
  const u = solveU(seg.curve, (beat - seg.b0) / (seg.b1 - seg.b0));
  const dy = (seg.v1 - seg.v0) * bernsteinSlope(seg.curve.c1y, seg.curve.c2y, u);
  const dx = (seg.b1 - seg.b0) * bernsteinSlope(seg.curve.c1x, seg.curve.c2x, u);
  return dy / dx;
}

// 10-point Gauss–Legendre nodes and weights on [-1, 1] (symmetric halves).
const GL_X = [0.1488743389816312, 0.4333953941292472, 0.6794095682990244, 0.8650633666889845, 0.9739065285171717];
const GL_W = [0.2955242247147529, 0.2692667193099963, 0.219086362515982, 0.1494513491505806, 0.0666713443086881];

function gauss(seg: CurveSegment, a: number, b: number): number {
  const mid = (a + b) / 2;
  const half = (b - a) / 2;
  const { c1x, c2x } = seg.curve;
  let sum = 0;
  for (let i = 0; i < 5; i++) {
    const d = half * GL_X[i]!;
    const w = GL_W[i]!;
    sum += w * (bernsteinSlope(c1x, c2x, mid - d) / bpmAtU(seg, mid - d) + bernsteinSlope(c1x, c2x, mid + d) / bpmAtU(seg, mid + d));
  }
  return sum * half;
}

/** Adaptive Gauss–Legendre with a bounded number of splits, so no input can make it spin. */
function adaptive(seg: CurveSegment, a: number, b: number, whole: number, tol: number, budget: { left: number }): number {
  const mid = (a + b) / 2;
  const left = gauss(seg, a, mid);
  const right = gauss(seg, mid, b);
  const sum = left + right;
  if (budget.left <= 0 || Math.abs(sum - whole) <= Math.max(tol, 1e-15 * Math.abs(sum))) return sum;
  budget.left -= 1;
  return adaptive(seg, a, mid, left, tol / 2, budget) + adaptive(seg, mid, b, right, tol / 2, budget);
}

/** Seconds from parameter ua to ub along the curve: ∫ 60·dbeat/bpm, to about 1e-12 s. */
export function curveSeconds(seg: CurveSegment, ua: number, ub: number): number {
  if (ub <= ua) return 0;
  const scale = 60 * (seg.b1 - seg.b0);
  return scale * adaptive(seg, ua, ub, gauss(seg, ua, ub), 1e-12 / scale, { left: 64 });
}

/** Seconds from the segment start to a beat inside it. */
export function curveSecondsTo(seg: CurveSegment, beat: number): number {
  return curveSeconds(seg, 0, solveU(seg.curve, (beat - seg.b0) / (seg.b1 - seg.b0)));
}
