import { describe, expect, it } from 'vitest';
import { ByteReader } from '../../lib/binary';
import { isDawstampsError } from '../../lib/errors';

function corruptAt(fn: () => unknown): number {
  try {
    fn();
  } catch (e) {
    if (isDawstampsError(e) && e.code === 'corrupt-file') return e.details?.offset as number;
    throw e;
  }
  throw new Error('expected a corrupt-file error');
}

describe('ByteReader', () => {
  const bytes = Uint8Array.from([0x01, 0x34, 0x12, 0x78, 0x56, 0x34, 0x12, 0xff, 0xff, 0xff, 0xff, 0x00, 0x00, 0xc0, 0x3f]);

  it('reads little-endian integers and floats in order', () => {
    const r = new ByteReader(bytes);
    expect(r.u8()).toBe(1);
    expect(r.u16le()).toBe(0x1234);
    expect(r.u32le()).toBe(0x12345678);
    expect(r.i32le()).toBe(-1);
    expect(r.f32le()).toBe(1.5);
    expect(r.remaining).toBe(0);
  });

  it('reads f64 and varints of several bytes', () => {
    const f = new DataView(new ArrayBuffer(8));
    f.setFloat64(0, -2.25, true);
    expect(new ByteReader(new Uint8Array(f.buffer)).f64le()).toBe(-2.25);
    expect(new ByteReader(Uint8Array.from([0xe5, 0x8e, 0x26])).varint()).toBe(624485);
    expect(new ByteReader(Uint8Array.from([0x7f])).varint()).toBe(127);
  });

  it('decodes UTF-16LE and single-byte text up to the first NUL', () => {
    const utf16 = Uint8Array.from([0x48, 0, 0xe9, 0, 0x3a, 0xd8, 0x00, 0xdf, 0, 0, 0x41, 0]);
    expect(new ByteReader(utf16).utf16le(utf16.length)).toBe('Hé\u{1e700}'.slice(0, 2) + '\ud83a\udf00');
    expect(new ByteReader(Uint8Array.from([0x43, 0x61, 0x66, 0xe9, 0, 0x58])).latin1(6)).toBe('Café');
  });

  it('throws corrupt-file with the byte offset on every overrun, and never reads past end', () => {
    expect(corruptAt(() => new ByteReader(bytes, 0, 3).u32le())).toBe(0);
    const r = new ByteReader(bytes, 5, 9);
    r.u16le();
    expect(corruptAt(() => r.u32le())).toBe(7);
    expect(corruptAt(() => new ByteReader(bytes, 14).f64le())).toBe(14);
    expect(corruptAt(() => new ByteReader(bytes, 0, 2).slice(3))).toBe(0);
    expect(corruptAt(() => new ByteReader(Uint8Array.from([0x80, 0x80])).varint())).toBe(0);
    expect(corruptAt(() => new ByteReader(Uint8Array.from([0x80, 0x80, 0x80, 0x80, 0x80, 0x80])).varint())).toBe(0);
    expect(corruptAt(() => new ByteReader(bytes, 4, 20))).toBe(4);
  });
});
