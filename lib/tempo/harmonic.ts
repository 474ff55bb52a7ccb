/**
 * Closed forms for Σ 1/(a + b·m): the stepped model over a linear tempo ramp samples the BPM
 * at evenly spaced grid lines, so a run of steps is a harmonic-like sum. Σ_{m=0}^{M-1} 1/(z + m)
 * is ψ(z + M) − ψ(z) (digamma), evaluated here without cancellation, in O(1) for any M.
 */

const DIRECT = 64;
const SHIFT = 16;

/** ψ(x) − ln(x) for x ≥ 16 (asymptotic series; truncation error < 1e-16). */
function digammaTail(x: number): number {
  const r = 1 / (x * x);
  return -1 / (2 * x) - r * (1 / 12 - r * (1 / 120 - r * (1 / 252 - r * (1 / 240 - r / 132))));
}

/** Σ_{m=0}^{M-1} 1/(z + m) for z > 0 and a whole M ≥ 0: ψ(z + M) − ψ(z). */
export function digammaDifference(z: number, count: number): number {
  let sum = 0;
  let m = count;
  let x = z;
  if (m <= DIRECT) {
    for (let i = m - 1; i >= 0; i--) sum += 1 / (x + i);
    return sum;
  }
  while (x < SHIFT) {
    sum += 1 / x;
    x += 1;
    m -= 1;
  }
  const end = x + m;
  // ln(end) − ln(x) + tail(end) − tail(x); the 1/(2x) parts as one positive product.
  const tails = digammaTail(end) + 1 / (2 * end) - (digammaTail(x) + 1 / (2 * x));
  return sum + Math.log1p(m / x) + m / (2 * x * end) + tails;
}

/**
 * Σ_{m=0}^{M-1} 1/(a + b·m), where every term's denominator is positive (a > 0 and
 * a + b·(M−1) > 0). O(1) for any M; relative error near machine precision.
 */
export function harmonicSum(a: number, b: number, count: number): number {
  if (count <= 0) return 0;
  if (b === 0 || count === 1) return count / a;
  const last = a + b * (count - 1);
  const rel = Math.abs(b * (count - 1)) / Math.min(a, last);
  if (rel < 1e-5) {
    // Taylor in b/a: Σ 1/a · (1 − q·m + q²m² − q³m³), q = b/a; the next term is below 1e-20.
    const q = b / a;
    const n = count;
    const s1 = (n * (n - 1)) / 2;
    const s2 = ((n - 1) * n * (2 * n - 1)) / 6;
    const s3 = s1 * s1;
    return (n - q * s1 + q * q * s2 - q * q * q * s3) / a;
  }
  // Count upwards from the smaller denominator so the digamma argument is positive.
  const start = b > 0 ? a : last;
  const step = Math.abs(b);
  return digammaDifference(start / step, count) / step;
}
