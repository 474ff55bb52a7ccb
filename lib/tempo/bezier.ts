/**
 * A curved tempo segment (Ableton CurveControl1X/1Y/2X/2Y): a cubic Bezier in (beat, bpm)
 * space whose handles are normalised to the segment's box (docs/timing.md).
 * X(u) and Y(u) are the normalised beat and bpm along the curve, u in [0, 1].
 *
 * Everything here works on a `CurveSegment` that the caller loads in place (`load`), so a
 * tempo map with a million curves allocates nothing per segment. The hot calls are methods, so a
 * loop over segments makes no cross-module calls.
 */
import type { Envelope } from './envelope';

/** One curved segment's box and handles; mutable, loaded with `set` (no object per segment). */
export class CurveSegment {
  b0 = 0;
  b1 = 0;
  v0 = 0;
  v1 = 0;
  c1x = 0;
  c1y = 0;
  c2x = 0;
  c2y = 0;
  // The integrand's constants: X′(u) = x0·(1−u)² + x1·u(1−u) + x2·u², and the BPM in Bernstein
  // form (1−u)³·v0 + 3u(1−u)²·p1 + 3u²(1−u)·p2 + u³·v1 with p1, p2 the handles' BPM: a sum of
  // positive terms, so a BPM falling 999 → 0.5 keeps its digits near the end (v0 + Δv·Y(u) cancels).
  private x0 = 0;
  private x1 = 0;
  private x2 = 0;
  private p1 = 0;
  private p2 = 0;

  set(b0: number, b1: number, v0: number, v1: number, c1x: number, c1y: number, c2x: number, c2y: number): this {
    this.b0 = b0;
    this.b1 = b1;
    this.v0 = v0;
    this.v1 = v1;
    this.c1x = c1x;
    this.c1y = c1y;
    this.c2x = c2x;
    this.c2y = c2y;
    this.x0 = 3 * c1x;
    this.x1 = 6 * (c2x - c1x);
    this.x2 = 3 * (1 - c2x);
    this.p1 = 3 * (v0 + (v1 - v0) * c1y);
    this.p2 = 3 * (v0 + (v1 - v0) * c2y);
    return this;
  }

  /** Loads segment j of the envelope when it is curved (true); leaves this alone when it is straight (false). */
  load(env: Envelope, j: number): boolean {
    const at = env.curveOf[j]!;
    if (at < 0) return false;
    const c = env.points.curve;
    if (c !== null) {
      this.set(env.beats[j]!, env.beats[j + 1]!, env.from[j]!, env.to[j]!, c[4 * at]!, c[4 * at + 1]!, c[4 * at + 2]!, c[4 * at + 3]!);
    } else {
      const h = env.points.objects![at]!.curve!;
      this.set(env.beats[j]!, env.beats[j + 1]!, env.from[j]!, env.to[j]!, h.c1x, h.c1y, h.c2x, h.c2y);
    }
    return true;
  }

  /** The parameter u at beat x (see solveU). */
  uAt(x: number): number {
    return solveU(this, (x - this.b0) / (this.b1 - this.b0));
  }

  /** Seconds from parameter ua to ub (see curveSeconds). */
  seconds(ua: number, ub: number): number {
    return curveSeconds(this, ua, ub);
  }

  /** dX/du divided by the BPM at u: the integrand of seconds over the curve parameter (× 60·Δb). */
  integrand(u: number): number {
    const w = 1 - u;
    const uw = u * w;
    return (this.x0 * w * w + this.x1 * uw + this.x2 * u * u) / (w * w * (w * this.v0 + u * this.p1) + u * u * (w * this.p2 + u * this.v1));
  }
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
export function solveU(seg: CurveSegment, t: number, guess = t): number {
  if (t <= 0) return 0;
  if (t >= 1) return 1;
  const c1x = seg.c1x;
  const c2x = seg.c2x;
  let lo = 0;
  let hi = 1;
  let u = guess > 0 && guess < 1 ? guess : t;
  for (let i = 0; i < 100; i++) {
    const err = bernstein(c1x, c2x, u) - t;
    if (err === 0) return u;
    if (err > 0) hi = u;
    else lo = u;
    if (hi - lo < 1e-16) break;
    const slope = bernsteinSlope(c1x, c2x, u);
    let next = slope > 0 ? u - err / slope : Number.NaN;
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - u) < 1e-17) return next;
    u = next;
  }
  return (lo + hi) / 2;
}

/** The normalised beat t = (beat − b0)/(b1 − b0) of a beat. */
function fraction(seg: CurveSegment, beat: number): number {
  return (beat - seg.b0) / (seg.b1 - seg.b0);
}

/**
 * Where the beat curve is steepest in BPM (X′(u) smallest), when that is inside (0, 1): a
 * vertical tangent there makes the BPM jump within a few steps. X′ is a quadratic in u.
 */
export function flattestU(seg: CurveSegment): number {
  const curvature = 3 * seg.c1x - 3 * seg.c2x + 1;
  if (curvature <= 0) return -1;
  const u = (2 * seg.c1x - seg.c2x) / curvature;
  // only a near-vertical tangent matters (X′ ≥ 0.1 everywhere keeps the BPM's slope bounded)
  return u > 0 && u < 1 && bernsteinSlope(seg.c1x, seg.c2x, u) < 0.1 ? u : -1;
}

/** The normalised beat X(u) (0 at the segment start, 1 at its end). */
export function beatFraction(seg: CurveSegment, u: number): number {
  return bernstein(seg.c1x, seg.c2x, u);
}

/** The BPM at parameter u. */
export function bpmAtU(seg: CurveSegment, u: number): number {
  return seg.v0 + (seg.v1 - seg.v0) * bernstein(seg.c1y, seg.c2y, u);
}

/** The BPM at a beat inside the segment. */
export function curveBpm(seg: CurveSegment, beat: number): number {
  return bpmAtU(seg, solveU(seg, fraction(seg, beat)));
}

/** d(bpm)/d(beat) at a beat inside the segment (Infinity where the beat curve is vertical). */
export function curveSlope(seg: CurveSegment, beat: number): number {
  const u = solveU(seg, fraction(seg, beat));
  const dy = (seg.v1 - seg.v0) * bernsteinSlope(seg.c1y, seg.c2y, u);
  const dx = (seg.b1 - seg.b0) * bernsteinSlope(seg.c1x, seg.c2x, u);
  return dy / dx;
}

// Gauss–Kronrod 15-point nodes on [-1, 1] (the 7-point Gauss rule is embedded at odd indices).
const XK = [0.9914553711208126, 0.9491079123427585, 0.8648644233597691, 0.7415311855993945, 0.5860872354676911, 0.4058451513773972, 0.2077849550078985];
// biome-ignore lint/correctness/noPrecisionLoss: 0.20443294007529889 is the double JavaScript prints for this weight (String() round-trips it)
const WK = [0.022935322010529224, 0.06309209262997855, 0.10479001032225019, 0.14065325971552592, 0.1690047266392679, 0.1903505780647854, 0.20443294007529889];
const WK0 = 0.20948214108472782;
const WG = [0.1294849661688697, 0.27970539148927664, 0.3818300505051189];
const WG0 = 0.4179591836734694;

/** QUADPACK's error estimate of the last `kronrod` panel (a module variable: no result object). */
let panelError = 0;
/** Splits left to the current `curveSeconds` call, so no input can make it spin. */
let splitsLeft = 0;

/** One Gauss–Kronrod 15 panel: returns the estimate and leaves its error estimate in `panelError`. */
function kronrod(seg: CurveSegment, a: number, b: number): number {
  const mid = (a + b) / 2;
  const half = (b - a) / 2;
  const center = seg.integrand(mid);
  let k = WK0 * center;
  let g = WG0 * center;
  for (let i = 0; i < 7; i++) {
    const pair = seg.integrand(mid - half * XK[i]!) + seg.integrand(mid + half * XK[i]!);
    k += WK[i]! * pair;
    if (i % 2 === 1) g += WG[i >> 1]! * pair;
  }
  const diff = Math.abs((k - g) * half);
  panelError = Math.min(diff, 200 * diff * Math.sqrt((200 * diff) / Math.max(Math.abs(k * half), 1e-300)));
  return k * half;
}

/**
 * Adaptive Gauss–Kronrod, depth first, with a bounded number of splits. On a smooth curve the
 * first panel's error estimate already meets the tolerance: one fixed 15-point rule, no split.
 */
function adaptive(seg: CurveSegment, a: number, b: number, tol: number): number {
  const value = kronrod(seg, a, b);
  if (splitsLeft <= 0 || panelError <= Math.max(tol, 1e-15 * Math.abs(value))) return value;
  splitsLeft -= 1;
  const mid = (a + b) / 2;
  return adaptive(seg, a, mid, tol / 2) + adaptive(seg, mid, b, tol / 2);
}

/** Seconds from parameter ua to ub along the curve: ∫ 60·dbeat/bpm, to about 1e-12 s. */
export function curveSeconds(seg: CurveSegment, ua: number, ub: number): number {
  if (ub <= ua) return 0;
  const scale = 60 * (seg.b1 - seg.b0);
  splitsLeft = 32;
  return scale * adaptive(seg, ua, ub, 1e-12 / scale);
}
