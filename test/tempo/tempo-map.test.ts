import { describe, expect, it } from 'vitest';
import type { TempoPoint } from '../../lib/model';
import { createTempoMap } from '../../lib/tempo';
import { isDawstampsError } from '../../lib/errors';
import { referenceContinuous, referenceStepped } from './brute-force';

const FAR_LEFT = -63072000;
const stepped = (points: TempoPoint[], staticBpm = 120, step = 0.25) => createTempoMap(points, { staticBpm, model: 'stepped', step });
const continuous = (points: TempoPoint[], staticBpm = 120) => createTempoMap(points, { staticBpm, model: 'continuous', step: 0.25 });

describe('the published 150 → 50 BPM ramp over 16 beats', () => {
  const ramp: TempoPoint[] = [
    { beat: FAR_LEFT, bpm: 150 },
    { beat: 0, bpm: 150 },
    { beat: 16, bpm: 50 },
  ];

  it('steps like Live at beats 4/8/12/16', () => {
    const map = stepped(ramp);
    // published to the millisecond (Live's own display truncates)
    const published = [1.74, 3.867, 6.604, 10.447];
    [4, 8, 12, 16].forEach((b, i) => expect(Math.abs(map.seconds(b) - published[i]!)).toBeLessThan(1e-3));
  });

  it('integrates continuously to 1.750/3.892/6.654/10.547', () => {
    const map = continuous(ramp);
    expect([4, 8, 12, 16].map((b) => map.seconds(b).toFixed(3))).toEqual(['1.750', '3.892', '6.654', '10.547']);
    expect(map.seconds(16)).toBeCloseTo(((60 * 16) / (50 - 150)) * Math.log(50 / 150), 12);
  });

  it('matches the one-step-at-a-time sum and numeric integration everywhere', () => {
    for (let b = 0; b <= 24; b += 0.37) {
      expect(stepped(ramp).seconds(b)).toBeCloseTo(referenceStepped(ramp, b), 10);
      expect(continuous(ramp).seconds(b)).toBeCloseTo(referenceContinuous(ramp, b), 9);
    }
  });

  it('treats the far-left breakpoint as an ordinary point, not as beat 0', () => {
    const map = stepped(ramp);
    expect(map.seconds(0)).toBe(0);
    expect(map.seconds(-1)).toBeCloseTo(-0.4, 12);
    expect(map.bpmAt(-1e6)).toBe(150);
    expect(map.bpmAt(100)).toBe(50);
  });
});

describe('envelope shapes', () => {
  it('plays a static tempo with no envelope or a single breakpoint', () => {
    expect(stepped([], 128).seconds(128)).toBeCloseTo(60, 12);
    expect(continuous([{ beat: FAR_LEFT, bpm: 119.999992 }], 120).seconds(120)).toBe(60);
    expect(stepped([], 128).automated).toBe(false);
    expect(stepped([], 128).points()).toEqual([[0, 128]]);
  });

  it('jumps at a beat with several breakpoints, in file order, right-continuous', () => {
    const jump: TempoPoint[] = [
      { beat: 0, bpm: 120 },
      { beat: 8, bpm: 120 },
      { beat: 8, bpm: 90 },
      { beat: 8, bpm: 60 },
      { beat: 16, bpm: 60 },
    ];
    for (const map of [stepped(jump), continuous(jump)]) {
      expect(map.bpmAt(8)).toBe(60);
      expect(map.bpmAt(7.999)).toBeCloseTo(120, 9);
      expect(map.seconds(8)).toBeCloseTo(4, 12);
      expect(map.seconds(16)).toBeCloseTo(12, 12);
    }
  });

  it('samples breakpoints off the sixteenth grid only at grid lines (stepped)', () => {
    const off: TempoPoint[] = [
      { beat: 0, bpm: 100 },
      { beat: 1.1, bpm: 100 },
      { beat: 1.1, bpm: 200 },
      { beat: 3.3, bpm: 80 },
    ];
    // the jump at 1.1 is first sampled at grid line 1.25: cells 0..4 play at 100 BPM
    expect(stepped(off).seconds(1.25)).toBeCloseTo(0.75, 12);
    for (const b of [0.3, 1.1, 1.2, 1.25, 2, 3.3, 3.31, 7]) {
      expect(stepped(off).seconds(b)).toBeCloseTo(referenceStepped(off, b), 10);
      expect(continuous(off).seconds(b)).toBeCloseTo(referenceContinuous(off, b), 9);
    }
  });

  it('holds the first value before the first breakpoint and the last after the last', () => {
    const late: TempoPoint[] = [
      { beat: 10, bpm: 60 },
      { beat: 20, bpm: 120 },
    ];
    expect(continuous(late).seconds(10)).toBeCloseTo(10, 12);
    expect(continuous(late).seconds(30)).toBeCloseTo(10 + 10 * Math.log(2) + 5, 10);
    expect(stepped(late).seconds(-4)).toBeCloseTo(-4, 12);
  });

  it('uses the FL Studio step of 1/128 beat when asked', () => {
    const ramp: TempoPoint[] = [
      { beat: 0, bpm: 150 },
      { beat: 16, bpm: 50 },
    ];
    const fl = stepped(ramp, 120, 1 / 128);
    expect(fl.seconds(16)).toBeCloseTo(referenceStepped(ramp, 16, 1 / 128), 10);
    expect(fl.seconds(16)).toBeGreaterThan(stepped(ramp).seconds(16));
    expect(fl.seconds(16)).toBeLessThan(continuous(ramp).seconds(16));
  });

  it('gives negative seconds before beat 0, counting the same cells backwards', () => {
    const down: TempoPoint[] = [
      { beat: -8, bpm: 60 },
      { beat: 8, bpm: 180 },
    ];
    const map = stepped(down);
    // cells -4..-1 (beats -1 … -0.25): minus their sum
    let cells = 0;
    for (let k = -4; k < 0; k++) cells += 15 / map.bpmAt(k / 4);
    expect(map.seconds(-1)).toBeCloseTo(-cells, 12);
    expect(map.seconds(-0.1)).toBeLessThan(0);
    expect(continuous(down).seconds(-8)).toBeCloseTo(-(60 * 8) / (120 - 60) * Math.log(120 / 60), 10);
  });
});

describe('hostile envelopes', () => {
  it('sums a ramp reaching beat 1e9 in closed form (a 4e9-step loop would time out)', () => {
    const far: TempoPoint[] = [
      { beat: 0, bpm: 120 },
      { beat: 1e9, bpm: 60 },
    ];
    const s = stepped(far).seconds(1e9);
    const c = continuous(far).seconds(1e9);
    expect(c).toBeCloseTo(((60 * 1e9) / (60 - 120)) * Math.log(60 / 120), 3);
    // Euler–Maclaurin: the left sum over cells of ¼ beat is the integral − (¼/2)·(60/60 − 60/120)
    expect(s - c).toBeCloseTo(-0.0625, 5);
  });

  it('rejects breakpoints that are not numbers or not positive tempos', () => {
    for (const bad of [
      [{ beat: 0, bpm: 0 }, { beat: 4, bpm: 120 }],
      [{ beat: Number.NaN, bpm: 120 }, { beat: 4, bpm: 120 }],
      [{ beat: 0, bpm: 120 }, { beat: 1e300, bpm: 120 }],
    ]) {
      const error = (() => {
        try {
          stepped(bad);
        } catch (e) {
          return e;
        }
        return null;
      })();
      expect(isDawstampsError(error) && error.code).toBe('corrupt-file');
    }
  });

  it('answers for markers far outside the envelope without looping', () => {
    const map = stepped([{ beat: 0, bpm: 120 }, { beat: 4, bpm: 60 }]);
    expect(Number.isFinite(map.seconds(1e15))).toBe(true);
    expect(map.seconds(1e300)).toBeGreaterThan(0);
  });
});
