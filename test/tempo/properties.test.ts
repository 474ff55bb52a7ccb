import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TempoCurve, TempoPoint } from '../../lib/model';
import { createTempoMap, digammaDifference, harmonicSum } from '../../lib/tempo';
import { referenceBpm, referenceContinuous, referenceStepped } from './brute-force';

const bpm = fc.double({ min: 20, max: 999, noNaN: true });
// beats on the grid, off it, and repeated (jumps)
const beat = fc.oneof(fc.integer({ min: -32, max: 256 }).map((k) => k / 4), fc.double({ min: -8, max: 64, noNaN: true }).map((x) => Math.round(x * 1e6) / 1e6));
const unit = fc.oneof(fc.constant(0), fc.constant(1), fc.constant(-0), fc.double({ min: 0, max: 1, noNaN: true }));
const curve: fc.Arbitrary<TempoCurve> = fc.record({ c1x: unit, c1y: unit, c2x: unit, c2y: unit });
const point = (curved: boolean): fc.Arbitrary<TempoPoint> =>
  fc.record({ beat, bpm, curve: curved ? fc.option(curve, { nil: undefined }) : fc.constant(undefined) }).map((p) => (p.curve ? p : { beat: p.beat, bpm: p.bpm }));
const envelope = (curved: boolean) => fc.array(point(curved), { minLength: 2, maxLength: 8 }).map((ps) => [...ps].sort((a, b) => a.beat - b.beat));
const query = fc.double({ min: 0, max: 80, noNaN: true });

describe('closed forms against one-term-at-a-time sums', () => {
  it('harmonicSum equals the direct sum of 1/(a + b·m)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 1000, noNaN: true }), fc.double({ min: -1, max: 1, noNaN: true }), fc.integer({ min: 0, max: 20000 }), (a, b, n) => {
        fc.pre(a + b * (n - 1) > 0.5);
        let direct = 0;
        for (let m = n - 1; m >= 0; m--) direct += 1 / (a + b * m);
        expect(Math.abs(harmonicSum(a, b, n) - direct)).toBeLessThanOrEqual(1e-12 * Math.max(1, direct));
      }),
      { numRuns: 300 },
    );
  });

  it('digammaDifference is accurate for small and huge arguments', () => {
    expect(digammaDifference(1, 1_000_000)).toBeCloseTo(14.392726722865772, 12); // H(10⁶)
    expect(digammaDifference(1e12, 1000)).toBeCloseTo(1000 / 1e12 - 499500 / 1e24, 24);
    expect(digammaDifference(0.001, 100)).toBeCloseTo(1000 + (digammaDifference(1.001, 99) as number), 9);
  });
});

describe('the tempo map against brute force on random envelopes', () => {
  it('stepped: equals the step-by-step sum (straight ramps, jumps, off-grid points)', () => {
    fc.assert(
      fc.property(envelope(false), query, (points, b) => {
        const map = createTempoMap(points, { staticBpm: 120, model: 'stepped', step: 0.25 });
        expect(map.seconds(b)).toBeCloseTo(referenceStepped(points, b), 9);
      }),
      { numRuns: 300 },
    );
  });

  it('stepped with curves: equals the step-by-step sum', () => {
    fc.assert(
      fc.property(envelope(true), query, (points, b) => {
        const map = createTempoMap(points, { staticBpm: 120, model: 'stepped', step: 0.25 });
        // long curves sum their middle by Euler–Maclaurin; see the next suite for the tolerance
        expect(Math.abs(map.seconds(b) - referenceStepped(points, b))).toBeLessThan(1e-5);
        // near a vertical tangent the BPM is ill-conditioned in the beat: bisection stops ~1e-5 short
        expect(map.bpmAt(b)).toBeCloseTo(referenceBpm(points, b), 2);
      }),
      { numRuns: 200 },
    );
  });

  it('continuous: equals numeric integration (straight ramps)', () => {
    fc.assert(
      fc.property(envelope(false), query, (points, b) => {
        const map = createTempoMap(points, { staticBpm: 120, model: 'continuous', step: 0.25 });
        expect(Math.abs(map.seconds(b) - referenceContinuous(points, b, 4000))).toBeLessThan(1e-7);
      }),
      { numRuns: 200 },
    );
  });

  it('continuous with curves: equals numeric integration (to 1e-7 s)', () => {
    fc.assert(
      fc.property(envelope(true), query, (points, b) => {
        const map = createTempoMap(points, { staticBpm: 120, model: 'continuous', step: 0.25 });
        expect(Math.abs(map.seconds(b) - referenceContinuous(points, b, 4000))).toBeLessThan(1e-7);
      }),
      { numRuns: 60 },
    );
  });
});

describe('long curved segments (Euler–Maclaurin middle)', () => {
  // Typically within 1e-8 s. Where a curve stands vertical (handles 1,·,0,·) the BPM at that
  // beat is itself ill-conditioned (X(u) − t ~ (u − u*)³): both sides agree to ~2e-6 s only.
  it('stays within 1e-5 s of the step-by-step sum over hundreds of steps', () => {
    fc.assert(
      fc.property(curve, bpm, bpm, fc.double({ min: 40, max: 300, noNaN: true }), fc.double({ min: 0.2, max: 1.2, noNaN: true }), (c, v0, v1, length, at) => {
        const points: TempoPoint[] = [
          { beat: 0, bpm: v0, curve: c },
          { beat: length, bpm: v1 },
        ];
        const map = createTempoMap(points, { staticBpm: 120, model: 'stepped', step: 0.25 });
        expect(Math.abs(map.seconds(length * at) - referenceStepped(points, length * at))).toBeLessThan(1e-5);
      }),
      { numRuns: 80 },
    );
  });
});
