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
export function solveU(curve: TempoCurve, t: number, guess = t): number {
  if (t <= 0) return 0;
  if (t >= 1) return 1;
  let lo = 0;
  let hi = 1;
  let u = guess > 0 && guess < 1 ? guess : t;
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
  // only a near-vertical tangent matters (X′ ≥ 0.1 everywhere keeps the BPM's slope bounded)
  return u > 0 && u < 1 && bernsteinSlope(curve.c1x, curve.c2x, u) < 0.1 ? u : null;
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

// Gauss–Kronrod 15-point nodes on [-1, 1] (the 7-point Gauss rule is embedded at odd indices).
const XK = [0.9914553711208126, 0.9491079123427585, 0.8648644233597691, 0.7415311855993945, 0.5860872354676911, 0.4058451513773972, 0.2077849550078985];
const WK = [0.022935322010529224, 0.06309209262997855, 0.10479001032225019, 0.14065325971552592, 0.1690047266392679, 0.1903505780647854, 0.20443294007529889];
const WK0 = 0.20948214108472782;
const WG = [0.1294849661688697, 0.27970539148927664, 0.3818300505051189];
const WG0 = 0.4179591836734694;

/** dX/du divided by the BPM: the integrand of seconds over the curve parameter (× 60·Δb). */
function integrand(seg: CurveSegment, u: number): number {
  return bernsteinSlope(seg.curve.c1x, seg.curve.c2x, u) / bpmAtU(seg, u);
}

/** One Gauss–Kronrod 15 panel: the estimate and QUADPACK's error estimate. */
function kronrod(seg: CurveSegment, a: number, b: number): { value: number; error: number } {
  const mid = (a + b) / 2;
  const half = (b - a) / 2;
  const center = integrand(seg, mid);
  let k = WK0 * center;
  let g = WG0 * center;
  for (let i = 0; i < 7; i++) {
    const pair = integrand(seg, mid - half * XK[i]!) + integrand(seg, mid + half * XK[i]!);
    k += WK[i]! * pair;
    if (i % 2 === 1) g += WG[(i - 1) / 2]! * pair;
  }
  const diff = Math.abs((k - g) * half);
  return { value: k * half, error: Math.min(diff, 200 * diff * Math.sqrt(200 * diff / Math.max(Math.abs(k * half), 1e-300))) };
}

/** Adaptive Gauss–Kronrod with a bounded number of splits, so no input can make it spin. */
function adaptive(seg: CurveSegment, a: number, b: number, tol: number, budget: { left: number }): number {
  const panel = kronrod(seg, a, b);
  if (budget.left <= 0 || panel.error <= Math.max(tol, 1e-15 * Math.abs(panel.value))) return panel.value;
  budget.left -= 1;
  const mid = (a + b) / 2;
  return adaptive(seg, a, mid, tol / 2, budget) + adaptive(seg, mid, b, tol / 2, budget);
}

/** Seconds from parameter ua to ub along the curve: ∫ 60·dbeat/bpm, to about 1e-12 s. */
export function curveSeconds(seg: CurveSegment, ua: number, ub: number): number {
  if (ub <= ua) return 0;
  const scale = 60 * (seg.b1 - seg.b0);
  return scale * adaptive(seg, ua, ub, 1e-12 / scale, { left: 32 });
}

/** Seconds from the segment start to a beat inside it. */
export function curveSecondsTo(seg: CurveSegment, beat: number): number {
  return curveSeconds(seg, 0, solveU(seg.curve, (beat - seg.b0) / (seg.b1 - seg.b0)));
}
