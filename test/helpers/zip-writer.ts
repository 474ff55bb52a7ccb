/**
 * A small ZIP writer for tests (APPNOTE.TXT 6.3.x, section 4.3): local headers, data, optional
 * data descriptors (as Java's ZipOutputStream writes them for deflated entries), the central
 * directory and its end record. It writes what a test asks for, lies included (a declared size or
 * CRC that does not match, a flag bit), so hostile archives can be made; the reader under test
 * uses zip.js, never this.
 */
import { constants, deflateRawSync } from 'node:zlib';

export interface ZipEntrySpec {
  name: string;
  /** The content (text is UTF-8); deflated unless `method` is 0. */
  data?: Uint8Array | string;
  /** 0 stored, 8 deflated (default), or any number to claim another method. */
  method?: number;
  /** Raw deflate data to store as the entry's compressed bytes (a bomb); `data` is then ignored. */
  deflated?: Uint8Array;
  /** The uncompressed size to declare (default: the data's length). */
  size?: number;
  /** The CRC-32 to declare (default: the data's). */
  crc?: number;
  /** Sizes and CRC in a data descriptor after the data, zeros in the local header (general purpose bit 3). */
  descriptor?: boolean;
  /** Extra general purpose flag bits (1 = encrypted). */
  flags?: number;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (ISO-HDLC), as ZIP uses it. */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const utf8 = (s: string | Uint8Array): Uint8Array => (typeof s === 'string' ? new TextEncoder().encode(s) : s);

/** The archive's bytes. */
export function zip(entries: readonly ZipEntrySpec[]): Uint8Array {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = utf8(e.name);
    const data = utf8(e.data ?? new Uint8Array(0));
    const method = e.method ?? 8;
    const body = e.deflated ?? (method === 8 ? new Uint8Array(deflateRawSync(data, { level: 9 })) : data);
    const crc = e.crc ?? crc32(data);
    const size = e.size ?? data.length;
    const flags = 0x0800 | (e.descriptor ? 0x0008 : 0) | (e.flags ?? 0);
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(6, flags, true);
    local.setUint16(8, method, true);
    local.setUint32(14, e.descriptor ? 0 : crc, true);
    local.setUint32(18, e.descriptor ? 0 : body.length, true);
    local.setUint32(22, e.descriptor ? 0 : size, true);
    local.setUint16(26, name.length, true);
    parts.push(new Uint8Array(local.buffer), name, body);
    let written = 30 + name.length + body.length;
    if (e.descriptor) {
      const dd = new DataView(new ArrayBuffer(16));
      dd.setUint32(0, 0x08074b50, true);
      dd.setUint32(4, crc, true);
      dd.setUint32(8, body.length, true);
      dd.setUint32(12, size, true);
      parts.push(new Uint8Array(dd.buffer));
      written += 16;
    }
    const c = new DataView(new ArrayBuffer(46));
    c.setUint32(0, 0x02014b50, true);
    c.setUint16(4, 20, true);
    c.setUint16(6, 20, true);
    c.setUint16(8, flags, true);
    c.setUint16(10, method, true);
    c.setUint32(16, crc, true);
    c.setUint32(20, body.length, true);
    c.setUint32(24, size, true);
    c.setUint16(28, name.length, true);
    c.setUint32(42, offset, true);
    central.push(new Uint8Array(c.buffer), name);
    offset += written;
  }
  const directory = Buffer.concat(central);
  // more entries than the end record can count: the Zip64 end record and its locator say how many (4.3.14, 4.3.15)
  const zip64: Uint8Array[] = [];
  if (entries.length > 0xffff) {
    const record = new DataView(new ArrayBuffer(56));
    record.setUint32(0, 0x06064b50, true);
    record.setBigUint64(4, 44n, true);
    record.setUint16(12, 45, true);
    record.setUint16(14, 45, true);
    record.setBigUint64(24, BigInt(entries.length), true);
    record.setBigUint64(32, BigInt(entries.length), true);
    record.setBigUint64(40, BigInt(directory.length), true);
    record.setBigUint64(48, BigInt(offset), true);
    const locator = new DataView(new ArrayBuffer(20));
    locator.setUint32(0, 0x07064b50, true);
    locator.setBigUint64(8, BigInt(offset + directory.length), true);
    locator.setUint32(16, 1, true);
    zip64.push(new Uint8Array(record.buffer), new Uint8Array(locator.buffer));
  }
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, Math.min(entries.length, 0xffff), true);
  end.setUint16(10, Math.min(entries.length, 0xffff), true);
  end.setUint32(12, directory.length, true);
  end.setUint32(16, offset, true);
  return new Uint8Array(Buffer.concat([...parts, directory, ...zip64, new Uint8Array(end.buffer)]));
}

/**
 * A raw deflate stream of `prefix`, then `blocks` × `blockBytes` spaces, then `suffix`, made small
 * by compressing one block once and repeating it (each piece is a complete, sync-flushed run of
 * deflate blocks that refers to nothing before it). 16 MiB of spaces take about 16 KB, so a
 * stream of several GiB is a few MB, built in milliseconds.
 */
export function deflateBomb(prefix: string, blocks: number, suffix: string, blockBytes = 16 << 20): { deflated: Uint8Array; inflatedBytes: number } {
  const flush = { level: 9, finishFlush: constants.Z_SYNC_FLUSH };
  const head = deflateRawSync(Buffer.from(prefix), flush);
  const block = deflateRawSync(Buffer.alloc(blockBytes, 0x20), flush);
  const tail = deflateRawSync(Buffer.from(suffix), { level: 9 });
  const out = Buffer.allocUnsafe(head.length + blocks * block.length + tail.length);
  let at = head.copy(out, 0);
  for (let i = 0; i < blocks; i++) at += block.copy(out, at);
  tail.copy(out, at);
  return { deflated: new Uint8Array(out), inflatedBytes: Buffer.byteLength(prefix) + blocks * blockBytes + Buffer.byteLength(suffix) };
}
