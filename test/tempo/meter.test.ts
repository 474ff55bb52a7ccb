import { describe, expect, it } from 'vitest';
import { createMeterMap } from '../../lib/tempo';
import { isValidMeter } from '../../lib/tempo/meter';

const four = { numerator: 4, denominator: 4 };

describe('bar.beat.sixteenth positions', () => {
  it('counts 4/4 from 1.1.1 at beat 0', () => {
    const m = createMeterMap(four, []);
    expect(m.position(0)).toBe('1.1.1');
    expect(m.position(0.25)).toBe('1.1.2');
    expect(m.position(1)).toBe('1.2.1');
    expect(m.position(3.75)).toBe('1.4.4');
    expect(m.position(4)).toBe('2.1.1');
    expect(m.position(130.5)).toBe('33.3.3');
  });

  it('is robust to float noise around bar lines', () => {
    const m = createMeterMap(four, []);
    expect(m.position(3.9999999)).toBe('2.1.1');
    expect(m.position(4.0000001)).toBe('2.1.1');
    expect(m.position(0.2499999999)).toBe('1.1.2');
  });

  it('counts eighth-note beats in 6/8 (a bar of 3 quarter notes, 2 sixteenths a beat)', () => {
    const m = createMeterMap({ numerator: 6, denominator: 8 }, []);
    expect(m.position(0.5)).toBe('1.2.1');
    expect(m.position(0.75)).toBe('1.2.2');
    expect(m.position(2.5)).toBe('1.6.1');
    expect(m.position(3)).toBe('2.1.1');
  });

  it('counts 7/4 bars of 7 beats', () => {
    const m = createMeterMap({ numerator: 7, denominator: 4 }, []);
    expect(m.position(6)).toBe('1.7.1');
    expect(m.position(7)).toBe('2.1.1');
    expect(m.position(14.25)).toBe('3.1.2');
  });

  it('follows meter changes: 4/4 for two bars, then 7/4, then 6/8', () => {
    const m = createMeterMap(four, [
      { beat: 8, numerator: 7, denominator: 4 },
      { beat: 22, numerator: 6, denominator: 8 },
    ]);
    expect(m.position(7.75)).toBe('2.4.4');
    expect(m.position(8)).toBe('3.1.1');
    expect(m.position(15)).toBe('4.1.1');
    expect(m.position(21)).toBe('4.7.1');
    expect(m.position(22)).toBe('5.1.1');
    expect(m.position(25.5)).toBe('6.2.1');
  });

  it('starts a new bar at a change off the bar line, and uses a change at beat 0 or before as the initial meter', () => {
    const m = createMeterMap(four, [
      { beat: -63072000, numerator: 3, denominator: 4 },
      { beat: 5, numerator: 4, denominator: 4 },
    ]);
    expect(m.position(3)).toBe('2.1.1');
    expect(m.position(4.5)).toBe('2.2.3');
    expect(m.position(5)).toBe('3.1.1');
  });

  it('counts back into bar 0 before beat 0 and ignores impossible meters', () => {
    const m = createMeterMap({ numerator: 0, denominator: 3 }, [{ beat: 4, numerator: 5, denominator: 0 }]);
    expect(m.position(-4)).toBe('0.1.1');
    expect(m.position(-1)).toBe('0.4.1');
    expect(m.position(4)).toBe('2.1.1');
  });
});

describe('isValidMeter', () => {
  it('takes whole numbers from 1 to 1024, the denominator a power of two', () => {
    for (const [n, d] of [[4, 4], [7, 8], [1, 1], [1024, 1024], [13, 16]]) expect(isValidMeter({ numerator: n, denominator: d }), `${n}/${d}`).toBe(true);
    for (const [n, d] of [[0, 0], [4, 3], [99999999, 4], [-4, 4], [4, 2048], [4.5, 4], [4, 0.5], [NaN, 4], [null, 4], [4, undefined]]) {
      expect(isValidMeter({ numerator: n, denominator: d }), `${n}/${d}`).toBe(false);
    }
  });
});
