/**
 * The continuous model over curved segments (timing.md: integrate numerically to 1e-9 s)
 * against a converged high-precision reference on hostile curves: near-vertical tangents,
 * flat handles at the ends, tiny and huge segments, huge BPM ratios, and queries inside them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TempoCurve, TempoPoint } from '../../lib/model';
import { createTempoMap } from '../../lib/tempo';
import { referenceCurveSeconds } from './brute-force';

const continuous = (points: TempoPoint[]) => createTempoMap(points, { staticBpm: 120, model: 'continuous', step: 0.25 });

/** A segment from beat 0 to `length` (curved by `curve`), then held. */
function segment(curve: TempoCurve, v0: number, v1: number, length: number): [TempoPoint & { curve: TempoCurve }, TempoPoint] {
  return [
    { beat: 0, bpm: v0, curve },
    { beat: length, bpm: v1 },
  ];
}

/**
 * Our seconds may differ from the reference by 1e-13 relative, or by 1e-12 s absolute (what the
 * integration aims at per segment, lib/tempo/bezier.ts; a 1e-13 s floor failed by 6e-17 s on a
 * 1e-6-beat segment at 1 BPM whose handles stand the curve upright), plus what a
 * rounding of the query beat is worth: where the beat curve is flat (X′(u) → 0, e.g. handles
 * at 1 ending at 0.5 BPM) beat → u is ill-conditioned, and 1e-15 of the segment's length at
 * the slowest tempo is the resolution any solver has. Below 10⁴ s that stays within 1e-9 s.
 */
function tolerance(reference: number, points: readonly TempoPoint[]): number {
  const length = points[points.length - 1]!.beat - points[points.length - 2]!.beat;
  const slowest = Math.min(...points.map((p) => p.bpm));
  return Math.max(1e-13 * Math.abs(reference), 1e-12) + ((60 * length) / slowest) * 1e-15;
}
function expectClose(got: number, reference: number, points: readonly TempoPoint[]): void {
  expect(Math.abs(got - reference)).toBeLessThanOrEqual(tolerance(reference, points));
}

// handles at the extremes (0, 1, -0, a hair inside) as well as anywhere in between
const hostileUnit = fc.oneof(fc.constantFrom(0, 1, -0, 1e-9, 1 - 1e-9, 0.5), fc.double({ min: 0, max: 1, noNaN: true }));
const hostileCurve: fc.Arbitrary<TempoCurve> = fc.record({ c1x: hostileUnit, c1y: hostileUnit, c2x: hostileUnit, c2y: hostileUnit });
const hostileBpm = fc.oneof(fc.constantFrom(20, 999, 1, 0.5), fc.double({ min: 20, max: 999, noNaN: true }));
const hostileLength = fc.oneof(fc.constantFrom(1e-9, 1e-6, 0.02, 1, 64, 1e5), fc.double({ min: 1e-6, max: 1e4, noNaN: true }));

describe('curved segments against a high-precision reference', () => {
  it('near-vertical tangents: handles (1, ·, 0, ·) stand the BPM curve upright mid-segment', () => {
    for (const [c1y, c2y] of [[0, 1], [1, 0], [0.3, 0.7], [1, 1], [0, 0]] as const) {
      for (const [c1x, c2x] of [[1, 0], [1 - 1e-9, 1e-9], [0.9, 0.1]] as const) {
        for (const [v0, v1] of [[60, 180], [180, 60], [20, 999], [999, 20]] as const) {
          const [a, b] = segment({ c1x, c1y, c2x, c2y }, v0, v1, 32);
          const map = continuous([a, b]);
          for (const x of [32, 16, 16 + 1e-7, 3, 31.999]) expectClose(map.seconds(x), referenceCurveSeconds(a, b, 0, x), [a, b]);
        }
      }
    }
  });

  it('huge BPM ratios with flat ends: 0.5 → 999 BPM and back, handles at 0 and 1', () => {
    for (const c of [
      { c1x: 0, c1y: 0, c2x: 1, c2y: 0 },
      { c1x: 1, c1y: 0, c2x: 1, c2y: 0 },
      { c1x: 0, c1y: 1, c2x: 0, c2y: 1 },
      { c1x: 0.5, c1y: 0, c2x: 0.5, c2y: 0 },
    ]) {
      for (const [v0, v1] of [[0.5, 999], [999, 0.5], [1, 998]] as const) {
        const [a, b] = segment(c, v0, v1, 8);
        const map = continuous([a, b]);
        for (const x of [8, 4, 0.001, 7.999]) expectClose(map.seconds(x), referenceCurveSeconds(a, b, 0, x), [a, b]);
      }
    }
  });

  it('tiny and huge segments: 1e-9 beats to 1e5 beats', () => {
    for (const length of [1e-9, 1e-6, 0.02, 1e5]) {
      const [a, b] = segment({ c1x: 0.9, c1y: 0.05, c2x: 0.2, c2y: 0.95 }, 35, 870, length);
      const map = continuous([a, b]);
      for (const t of [1, 0.5, 0.1]) expectClose(map.seconds(length * t), referenceCurveSeconds(a, b, 0, length * t), [a, b]);
    }
  });

  it('any hostile curve, at any beat inside it and between two beats inside it', () => {
    fc.assert(
      fc.property(hostileCurve, hostileBpm, hostileBpm, hostileLength, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (curve, v0, v1, length, s, t) => {
        fc.pre(v0 !== v1 && !(curve.c1x === curve.c1y && curve.c2x === curve.c2y));
        const [a, b] = segment(curve, v0, v1, length);
        const map = continuous([{ beat: -8, bpm: v0 }, a, b]);
        const lo = length * Math.min(s, t);
        const hi = length * Math.max(s, t);
        // the map counts from beat 0 = the segment start: its seconds are the integral from there
        expectClose(map.seconds(hi), referenceCurveSeconds(a, b, 0, hi), [a, b]);
        expect(Math.abs(map.seconds(hi) - map.seconds(lo) - referenceCurveSeconds(a, b, lo, hi))).toBeLessThanOrEqual(2 * tolerance(map.seconds(hi), [a, b]));
      }),
      { numRuns: 150 },
    );
  });

  it('a chain of 1,000 short random curves (bench case 4 in small) sums to the reference', () => {
    let seed = 7;
    const random = (): number => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
    const points: TempoPoint[] = [];
    for (let i = 0; i < 1000; i++) points.push({ beat: i * 0.02, bpm: 60 + random() * 140, curve: { c1x: random(), c1y: random(), c2x: random(), c2y: random() } });
    let reference = 0;
    let comp = 0;
    for (let i = 0; i + 1 < points.length; i++) {
      const term = referenceCurveSeconds(points[i] as TempoPoint & { curve: TempoCurve }, points[i + 1]!, points[i]!.beat, points[i + 1]!.beat, 1);
      const t = reference + term;
      comp += Math.abs(reference) >= Math.abs(term) ? reference - t + term : term - t + reference;
      reference = t;
    }
    reference += comp;
    expect(Math.abs(continuous(points).seconds(points[points.length - 1]!.beat) - reference)).toBeLessThan(1e-11);
  });
});
