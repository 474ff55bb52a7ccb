// The one formula for a tempo ramp linear in beats, checked where it is hardest: nearly flat ramps,
// against the series ln(1+r)/r = Σ (−r)^k/(k+1) (exact to the last bits for |r| ≤ 0.01), and
// against Simpson's rule for steep ones.
import { describe, expect, it } from 'vitest';
import { meanInverse } from '../../lib/tempo/linear-ramp';

/** ln(v1/v0)/(v1 − v0) by the series in r = (v1 − v0)/v0, smallest terms first; |r| ≤ 0.01. */
function bySeries(v0: number, v1: number): number {
  const r = (v1 - v0) / v0;
  let sum = 0;
  for (let k = 40; k >= 0; k--) sum = 1 / (k + 1) - r * sum;
  return sum / v0;
}

/** The mean of 1/bpm over the beats of the ramp, by Simpson's rule. */
function bySimpson(v0: number, v1: number, n = 20_000): number {
  const f = (x: number): number => 1 / (v0 + (v1 - v0) * x);
  let sum = f(0) + f(1);
  for (let k = 1; k < n; k++) sum += (k % 2 === 1 ? 4 : 2) * f(k / n);
  return sum / (3 * n);
}

describe('meanInverse (lib/tempo/linear-ramp.ts)', () => {
  it('is 1/v0 for a flat ramp', () => {
    expect(meanInverse(120, 120)).toBe(1 / 120);
  });

  it('loses nothing on nearly flat ramps: within 1e-15 of the series for |r| from 1e-16 to 1e-2', () => {
    let worst = 0;
    for (let e = -16; e <= -2; e += 0.125) {
      for (const sign of [-1, 1]) {
        for (const v0 of [20, 93.7, 120, 174.25, 999]) {
          const v1 = v0 * (1 + sign * 10 ** e);
          if (v1 === v0) continue;
          const reference = bySeries(v0, v1);
          worst = Math.max(worst, Math.abs(meanInverse(v0, v1) - reference) / reference);
        }
      }
    }
    // treating |r| < 1e-12 as flat (as the DAWproject reader did) is up to 4e-13 off here
    expect(worst).toBeLessThan(1e-15);
  });

  it('agrees with numeric integration on steep ramps, up and down', () => {
    for (const [v0, v1] of [[60, 180], [180, 60], [1, 960], [120, 128], [9999, 1]]) {
      const reference = bySimpson(v0!, v1!, v0! / v1! > 100 || v1! / v0! > 100 ? 2_000_000 : 20_000);
      expect(Math.abs(meanInverse(v0!, v1!) - reference) / reference, `${v0} → ${v1}`).toBeLessThan(1e-9);
    }
  });
});
