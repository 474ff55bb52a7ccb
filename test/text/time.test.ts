import { describe, expect, it } from 'vitest';
import { fixedSeconds, formatClock, formatCueFrames, formatVttMillis, needsHours, toUnits } from '../../lib/text';

describe('toUnits', () => {
  it('rounds down, to nearest and up', () => {
    expect(toUnits(59.5, 1, 'down')).toBe(59);
    expect(toUnits(59.5, 1, 'nearest')).toBe(60);
    expect(toUnits(59.1, 1, 'up')).toBe(60);
    expect(toUnits(-4.5, 1, 'down')).toBe(-5);
  });
  it('treats floating-point noise at a boundary as the boundary', () => {
    expect(1.001 * 1000).toBeLessThan(1001);
    expect(toUnits(1.001, 1000, 'down')).toBe(1001);
    expect(toUnits(200.0000001, 1, 'up')).toBe(200);
    expect(toUnits(-0.0000001, 1, 'down')).toBe(0);
    expect(Object.is(toUnits(-0.2, 1, 'nearest'), 0)).toBe(true);
  });
  it('refuses NaN and infinities', () => {
    expect(() => toUnits(Number.NaN, 1)).toThrow(expect.objectContaining({ code: 'export-failed' }));
    expect(() => toUnits(Infinity, 1)).toThrow(expect.objectContaining({ code: 'export-failed', message: expect.stringMatching(/cannot be written/) }));
  });
});

describe('formatClock', () => {
  it('formats mm:ss, m:ss and h:mm:ss', () => {
    expect(formatClock(200, { padMinutes: true })).toBe('03:20');
    expect(formatClock(200)).toBe('3:20');
    expect(formatClock(3904.00026, { hours: true })).toBe('1:05:04');
    expect(formatClock(200, { hours: true })).toBe('0:03:20');
    expect(formatClock(6000)).toBe('100:00');
  });
  it('never prints 60 seconds or 60 minutes after rounding', () => {
    expect(formatClock(3599.9996, { precision: 'ms', rounding: 'nearest' })).toBe('60:00.000');
    expect(formatClock(3599.9996, { precision: 'ms', rounding: 'nearest', hours: true })).toBe('1:00:00.000');
    expect(formatClock(3599.9996, { rounding: 'down', hours: true })).toBe('0:59:59');
    expect(formatClock(59.9996, { precision: 'ms', rounding: 'nearest', padMinutes: true })).toBe('01:00.000');
    expect(formatClock(119.6, { rounding: 'nearest' })).toBe('2:00');
  });
  it('shows milliseconds and signs', () => {
    expect(formatClock(1.001, { precision: 'ms' })).toBe('0:01.001');
    expect(formatClock(-5.25, { precision: 'ms', padMinutes: true })).toBe('-00:05.250');
    expect(formatClock(-5.25, { rounding: 'down' })).toBe('-0:06');
  });
});

describe('needsHours', () => {
  it('decides by the largest time after rounding', () => {
    expect(needsHours([0, 3599.4])).toBe(false);
    expect(needsHours([0, 3599.6], 's', 'nearest')).toBe(true);
    expect(needsHours([0, 3599.9996], 'ms', 'nearest')).toBe(true);
    expect(needsHours([0, 3599.9996], 'ms', 'down')).toBe(false);
    expect(needsHours([-3600])).toBe(true);
  });
});

describe('CUE and WebVTT times', () => {
  it('formats mm:ss:ff at 75 frames a second, minutes past 99', () => {
    expect(formatCueFrames(0)).toBe('00:00:00');
    expect(formatCueFrames(74)).toBe('00:00:74');
    expect(formatCueFrames(75 * 65 + 3)).toBe('01:05:03');
    expect(formatCueFrames(75 * 60 * 120)).toBe('120:00:00');
    expect(() => formatCueFrames(-1)).toThrow(RangeError);
  });
  it('formats hh:mm:ss.ttt', () => {
    expect(formatVttMillis(0)).toBe('00:00:00.000');
    expect(formatVttMillis(3_904_000)).toBe('01:05:04.000');
    expect(formatVttMillis(360_000_001)).toBe('100:00:00.001');
  });
  it('prints fixed decimals without a negative zero', () => {
    expect(fixedSeconds(-0.0000001, 6)).toBe('0.000000');
    expect(fixedSeconds(-1.5, 3)).toBe('-1.500');
  });
});
