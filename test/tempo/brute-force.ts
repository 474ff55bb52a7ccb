/**
 * Slow, obvious reference implementations of timing.md, written independently of lib/tempo:
 * one term per grid step, composite Simpson integration, bisection for curves.
 */
import type { TempoPoint } from '../../lib/model';

function bezier(p1: number, p2: number, u: number): number {
  return 3 * u * (1 - u) ** 2 * p1 + 3 * u * u * (1 - u) * p2 + u ** 3;
}

/** d/du of the Bernstein form 3u(1−u)²·p1 + 3u²(1−u)·p2 + u³, expanded by the product rule. */
function bezierSlope(p1: number, p2: number, u: number): number {
  return 3 * (1 - u) ** 2 * p1 - 6 * u * (1 - u) * p1 + 6 * u * (1 - u) * p2 - 3 * u * u * p2 + 3 * u * u;
}

function sortStably(points: readonly TempoPoint[]): TempoPoint[] {
  return points.map((p, i) => ({ p, i })).sort((a, b) => a.p.beat - b.p.beat || a.i - b.i).map((e) => e.p);
}

/** Index of the last breakpoint at or before x (-1 before the first). */
function lastAtOrBefore(sorted: readonly TempoPoint[], x: number): number {
  let i = -1;
  while (i + 1 < sorted.length && sorted[i + 1]!.beat <= x) i++;
  return i;
}

function solve(p1: number, p2: number, t: number): number {
  let lo = 0;
  let hi = 1;
  for (let k = 0; k < 200; k++) {
    const mid = (lo + hi) / 2;
    if (bezier(p1, p2, mid) < t) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** The envelope's BPM at x: hold outside, right-continuous at jumps, straight or Bezier between. */
export function referenceBpm(points: readonly TempoPoint[], x: number, presorted = false): number {
  const sorted = presorted ? points : sortStably(points);
  if (x < sorted[0]!.beat) return sorted[0]!.bpm;
  const i = lastAtOrBefore(sorted, x);
  const a = sorted[i]!;
  const b = sorted[i + 1];
  if (!b) return a.bpm;
  const t = (x - a.beat) / (b.beat - a.beat);
  const c = a.curve;
  if (!c || a.bpm === b.bpm) return a.bpm + (b.bpm - a.bpm) * t;
  return a.bpm + (b.bpm - a.bpm) * bezier(c.c1y, c.c2y, solve(c.c1x, c.c2x, t));
}

/** Stepped seconds, one grid step at a time (b ≥ 0). */
export function referenceStepped(points: readonly TempoPoint[], b: number, step = 0.25): number {
  const sorted = sortStably(points);
  const K = Math.floor(b / step + 1e-12);
  let sum = 0;
  for (let k = 0; k < K; k++) sum += (step * 60) / referenceBpm(sorted, k * step, true);
  return sum + ((b - K * step) * 60) / referenceBpm(sorted, K * step, true);
}

function simpson(f: (x: number) => number, x0: number, x1: number, pieces: number): number {
  const h = (x1 - x0) / pieces;
  let s = f(x0) + f(x1);
  for (let k = 1; k < pieces; k++) s += (k % 2 ? 4 : 2) * f(x0 + k * h);
  return (s * h) / 3;
}

/**
 * Continuous seconds (b ≥ 0): composite Simpson between breakpoints, in beats for straight
 * ramps and in the curve parameter u for curves (dx = X′(u)·Δb du, smooth even where a curve
 * stands vertical).
 */
export function referenceContinuous(points: readonly TempoPoint[], b: number, pieces = 2000): number {
  const sorted = sortStably(points);
  const cuts = [0, ...sorted.map((p) => p.beat).filter((x) => x > 0 && x < b), b];
  let total = 0;
  for (let i = 0; i + 1 < cuts.length; i++) {
    const x0 = cuts[i]!;
    const x1 = cuts[i + 1]!;
    if (x1 <= x0) continue;
    const j = lastAtOrBefore(sorted, x0);
    const a = sorted[j];
    const next = sorted[j + 1];
    const c = a?.curve;
    if (a && next && c && a.bpm !== next.bpm) {
      const span = next.beat - a.beat;
      const u0 = solve(c.c1x, c.c2x, (x0 - a.beat) / span);
      const u1 = solve(c.c1x, c.c2x, (x1 - a.beat) / span);
      const f = (u: number): number => (60 * span * bezierSlope(c.c1x, c.c2x, u)) / (a.bpm + (next.bpm - a.bpm) * bezier(c.c1y, c.c2y, u));
      total += simpson(f, u0, u1, pieces);
    } else {
      // just inside the piece: a jump at x0 takes its right value, one at x1 its left
      total += simpson((x) => 60 / referenceBpm(sorted, Math.min(Math.max(x, x0), x1 - (x1 - x0) * 1e-13), true), x0, x1, pieces);
    }
  }
  return total;
}

/** Gauss–Legendre nodes and weights on [-1, 1] (Newton on the Legendre recurrence). */
function gaussLegendre(n: number): { x: number[]; w: number[] } {
  const x: number[] = [];
  const w: number[] = [];
  for (let i = 1; i <= n; i++) {
    let z = Math.cos((Math.PI * (i - 0.25)) / (n + 0.5));
    let dp = 1;
    for (let it = 0; it < 100; it++) {
      let p = 1;
      let prev = 0;
      for (let j = 1; j <= n; j++) {
        const older = prev;
        prev = p;
        p = ((2 * j - 1) * z * prev - (j - 1) * older) / j;
      }
      dp = (n * (z * p - prev)) / (z * z - 1);
      const step = p / dp;
      z -= step;
      if (Math.abs(step) < 1e-17) break;
    }
    x.push(z);
    w.push(2 / ((1 - z * z) * dp * dp));
  }
  return { x, w };
}

const GL20 = gaussLegendre(20);

/** Composite 20-point Gauss–Legendre of f over [a, b] in `panels` equal panels, compensated sum. */
function compositeGauss(f: (u: number) => number, a: number, b: number, panels: number): number {
  let sum = 0;
  let comp = 0;
  const h = (b - a) / panels;
  for (let k = 0; k < panels; k++) {
    const mid = a + (k + 0.5) * h;
    for (let i = 0; i < 20; i++) {
      const term = ((GL20.w[i]! * h) / 2) * f(mid + (h / 2) * GL20.x[i]!);
      const t = sum + term;
      comp += Math.abs(sum) >= Math.abs(term) ? sum - t + term : term - t + sum;
      sum = t;
    }
  }
  return sum + comp;
}

/**
 * High-precision seconds over one curved segment from beat xa to beat xb (inside it): composite
 * Gauss–Legendre in the curve parameter u on a mesh graded geometrically towards u = 0 and
 * u = 1 (where a huge BPM ratio puts a pole of 1/bpm just outside the segment), with `panels`
 * and then twice as many panels per mesh interval. Above u = ½ the nodes are placed in
 * w = 1 − u, so that w keeps its digits near the end. The two sums must agree to 1e-14
 * relative or 1e-18 s (a self-check: the reference has converged); the finer one is returned.
 */
export function referenceCurveSeconds(from: TempoPoint & { curve: NonNullable<TempoPoint['curve']> }, to: TempoPoint, xa: number, xb: number, panels = 4): number {
  const c = from.curve;
  const span = to.beat - from.beat;
  const ua = solve(c.c1x, c.c2x, (xa - from.beat) / span);
  const ub = solve(c.c1x, c.c2x, (xb - from.beat) / span);
  // the BPM as a Bezier over its four control values: positive terms only, no cancellation
  const [q0, q1, q2, q3] = [from.bpm, from.bpm + (to.bpm - from.bpm) * c.c1y, from.bpm + (to.bpm - from.bpm) * c.c2y, to.bpm];
  const integrand = (u: number, w: number): number => {
    const slope = 3 * (w * w * c.c1x + 2 * u * w * (c.c2x - c.c1x) + u * u * (1 - c.c2x));
    return (60 * span * slope) / (w * w * w * q0 + 3 * u * w * w * q1 + 3 * u * u * w * q2 + u * u * u * q3);
  };
  const cuts = [ua, ub, 0.5];
  for (let k = 2; k <= 60; k++) cuts.push(2 ** -k, 1 - 2 ** -k);
  const mesh = [...new Set(cuts.filter((u) => u >= ua && u <= ub))].sort((p, q) => p - q);
  const total = (perInterval: number): number => {
    let sum = 0;
    for (let i = 0; i + 1 < mesh.length; i++) {
      const [a, b] = [mesh[i]!, mesh[i + 1]!];
      sum += a >= 0.5 ? compositeGauss((w) => integrand(1 - w, w), 1 - b, 1 - a, perInterval) : compositeGauss((u) => integrand(u, 1 - u), a, b, perInterval);
    }
    return sum;
  };
  const coarse = total(panels);
  const fine = total(2 * panels);
  if (Math.abs(fine - coarse) > 1e-14 * Math.abs(fine) + 1e-18) throw new Error(`reference not converged: ${coarse} vs ${fine}`);
  return fine;
}
