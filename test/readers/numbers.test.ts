// The one way the XML readers (Ableton, DAWproject) read a number or a boolean from attribute text.
import { describe, expect, it } from 'vitest';
import { bool, num, readable, within } from '../../lib/readers/numbers';

describe('num', () => {
  it('reads decimals, signs, exponents and the blanks xs:double allows', () => {
    expect([num('0'), num('-12.25'), num('+4'), num('.5'), num('5.'), num('1e-3'), num('2E+3'), num(' 5 ')]).toEqual([0, -12.25, 4, 0.5, 5, 0.001, 2000, 5]);
    expect(Object.is(num('-0'), 0)).toBe(true);
  });

  it('refuses what Number() would read but a file never means: hex, octal, binary, Infinity, blanks', () => {
    for (const text of ['0x10', '0o7', '0b1', 'Infinity', '-Infinity', 'NaN', 'INF', '', '  ', '1,5', '5 5', 'true', undefined]) expect(num(text), String(text)).toBeUndefined();
  });

  it('refuses magnitudes past 10^12 (no position is that far out, and 1e308 + a length is Infinity)', () => {
    expect(num('1e12')).toBe(1e12);
    expect(num('-1e12')).toBe(-1e12);
    for (const text of ['1e308', '-1e308', '1e999', '1.0000001e12']) expect(num(text), text).toBeUndefined();
  });
});

describe('readable and within', () => {
  it('keeps a number within the bound, makes anything else NaN', () => {
    expect(readable(16)).toBe(16);
    expect(Object.is(readable(-0), 0)).toBe(true);
    for (const n of [NaN, Infinity, -Infinity, 1e308, 2e12]) expect(readable(n), String(n)).toBeNaN();
    expect([within(1e12), within(1e12 + 1e12), within(NaN)]).toEqual([true, false, false]);
  });
});

describe('bool', () => {
  it('reads xs:boolean', () => {
    expect([bool('true'), bool(' 1 '), bool('false'), bool('0'), bool('yes'), bool(undefined)]).toEqual([true, true, false, false, undefined, undefined]);
  });
});
