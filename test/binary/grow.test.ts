import { describe, expect, it } from 'vitest';
import { enlarged } from '../../lib/binary';

describe('enlarged', () => {
  it('keeps the kind and the values, fills the rest (0, or the value given)', () => {
    const f = enlarged(new Float64Array([1.5, 2]), 4, Number.NaN);
    expect(f).toBeInstanceOf(Float64Array);
    expect(Array.from(f)).toEqual([1.5, 2, Number.NaN, Number.NaN]);
    const i = enlarged(new Int32Array([-7]), 3);
    expect(i).toBeInstanceOf(Int32Array);
    expect(Array.from(i)).toEqual([-7, 0, 0]);
    expect(Array.from(enlarged(new Uint8Array([255]), 2))).toEqual([255, 0]);
  });
});
