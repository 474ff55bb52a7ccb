import { DawstampsError } from '../errors';

const utf16 = new TextDecoder('utf-16le');
const latin1 = new TextDecoder('latin1');

/** When a read runs past the end of the file: most often a file cut off while copying or saving. */
const ENDS_EARLY = 'The project is damaged: the file ends too early (was it cut off while copying or saving?).';
/** When a read runs past the end of one part of the file. */
const SHORTER = 'The project is damaged: one of its parts is shorter than it says.';

/**
 * A cursor over bytes in which every read is bounds-checked: reading past `end` throws a
 * DawstampsError 'corrupt-file' with a sentence for the person holding the file; what was read and
 * at which byte offset go in its `detail` (shown with the CLI's --debug). Offsets are absolute
 * positions in `bytes` (so details point into the file).
 */
export class ByteReader {
  readonly bytes: Uint8Array;
  /** The next byte to read. */
  offset: number;
  /** One past the last readable byte. */
  readonly end: number;
  private readonly view: DataView;

  constructor(bytes: Uint8Array, start = 0, end = bytes.length) {
    if (start < 0 || end > bytes.length || start > end) {
      throw new DawstampsError('corrupt-file', SHORTER, { offset: start, detail: `the byte range ${start}…${end} lies outside the ${bytes.length} bytes read` });
    }
    this.bytes = bytes;
    this.offset = start;
    this.end = end;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** Bytes left before `end`. */
  get remaining(): number {
    return this.end - this.offset;
  }

  /** Throws 'corrupt-file' unless `size` more bytes can be read; returns the current offset. */
  need(size: number, what: string): number {
    const at = this.offset;
    if (size < 0 || size > this.end - at) {
      throw new DawstampsError('corrupt-file', this.end === this.bytes.length ? ENDS_EARLY : SHORTER, { offset: at, detail: `${what} at byte ${at} needs ${size} bytes but only ${Math.max(0, this.end - at)} are left` });
    }
    this.offset = at + size;
    return at;
  }

  /** Moves the cursor forward by `size` bytes. */
  skip(size: number, what = 'data'): void {
    this.need(size, what);
  }

  /** Reads one unsigned byte. */
  u8(what = 'a byte'): number {
    return this.bytes[this.need(1, what)] as number;
  }

  /** Reads a little-endian u16. */
  u16le(what = 'a 16-bit number'): number {
    return this.view.getUint16(this.need(2, what), true);
  }

  /** Reads a little-endian i16. */
  i16le(what = 'a 16-bit number'): number {
    return this.view.getInt16(this.need(2, what), true);
  }

  /** Reads a little-endian u32. */
  u32le(what = 'a 32-bit number'): number {
    return this.view.getUint32(this.need(4, what), true);
  }

  /** Reads a little-endian i32. */
  i32le(what = 'a 32-bit number'): number {
    return this.view.getInt32(this.need(4, what), true);
  }

  /** Reads a little-endian f32. */
  f32le(what = 'a 32-bit float'): number {
    return this.view.getFloat32(this.need(4, what), true);
  }

  /** Reads a little-endian f64. */
  f64le(what = 'a 64-bit float'): number {
    return this.view.getFloat64(this.need(8, what), true);
  }

  /** Reads an unsigned LEB128 varint (7 bits a byte, low first); at most 5 bytes (32 bits). */
  varint(what = 'a length'): number {
    const start = this.offset;
    let value = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      if (this.offset >= this.end) {
        throw new DawstampsError('corrupt-file', this.end === this.bytes.length ? ENDS_EARLY : SHORTER, { offset: start, detail: `${what} at byte ${start} is a varint cut off by the end of the data` });
      }
      const b = this.bytes[this.offset++] as number;
      value += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return value;
    }
    throw new DawstampsError('corrupt-file', 'The project is damaged: part of it has a size that cannot be read.', { offset: start, detail: `${what} at byte ${start} is a varint that does not end within 5 bytes` });
  }

  /** Returns the next `size` bytes as a view (no copy). */
  slice(size: number, what = 'data'): Uint8Array {
    const at = this.need(size, what);
    return this.bytes.subarray(at, at + size);
  }

  /** Reads `size` bytes of UTF-16LE text, cut at the first NUL character. */
  utf16le(size: number, what = 'a text'): string {
    const raw = this.slice(size, what);
    return cutAtNul(utf16.decode(raw.subarray(0, raw.length - (raw.length % 2))));
  }

  /** Reads `size` bytes of single-byte (Latin-1 / Windows-1252) text, cut at the first NUL byte. */
  latin1(size: number, what = 'a text'): string {
    return cutAtNul(latin1.decode(this.slice(size, what)));
  }
}

function cutAtNul(text: string): string {
  const nul = text.indexOf('\0');
  return nul < 0 ? text : text.slice(0, nul);
}
