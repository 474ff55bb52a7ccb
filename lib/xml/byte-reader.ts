import { concatBytes } from '../binary/concat';
import { DawstampsError } from '../errors';
import type { XmlExtractor } from './extractor';

const encoder = new TextEncoder();
const NO_BYTES = new Uint8Array(0);
/** An unread rest longer than this (characters) makes the reader hold pieces back. */
const HOLD_FROM = 64 * 1024;

/**
 * Feeds UTF-8 bytes (split anywhere) into an extractor, stopping at once past `maxBytes`.
 * Each piece is decoded into one flat string: the extractor's unread rest and an incomplete
 * UTF-8 sequence are put back in front of the next piece as bytes, because V8 searches a
 * concatenated string only after copying it, slowly.
 */
export class XmlByteReader {
  /** Bytes of XML seen so far. */
  bytes = 0;
  private readonly decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  private carry: Uint8Array = NO_BYTES;
  /** Where the unread rest and the next piece are joined; reused. */
  private scratch: Uint8Array = NO_BYTES;
  private first = true;
  /** The extractor's unread rest after the last write (a tag not complete yet). */
  private pending = '';
  private held: Uint8Array[] = [];
  private heldBytes = 0;

  constructor(private readonly extractor: XmlExtractor, private readonly maxBytes: number) {}

  /** Feeds the next chunk of bytes. */
  write(chunk: Uint8Array): void {
    this.bytes += chunk.length;
    if (this.bytes > this.maxBytes) {
      throw new DawstampsError('inflated-too-large', `The set holds more than ${formatBytes(this.maxBytes)} of XML; dawstamps stops there.`, { limit: this.maxBytes });
    }
    // A tag still arriving is read again from its start with every write: while the unread rest
    // is long, hold pieces back until they are as long as it, so that each re-read at least
    // doubles the text (linear in total, not quadratic in the tag's length).
    if (this.pending.length > HOLD_FROM) {
      this.held.push(chunk);
      this.heldBytes += chunk.length;
      if (this.heldBytes < this.pending.length) return;
      chunk = concatBytes(this.held, this.heldBytes);
      this.held = [];
      this.heldBytes = 0;
    }
    this.feed(chunk);
  }

  private feed(chunk: Uint8Array): void {
    let bytes = chunk;
    const pending = this.pending;
    this.pending = '';
    if (pending.length > 0 || this.carry.length > 0) {
      // the unread rest, an incomplete UTF-8 sequence and the piece, one after the other in a
      // buffer kept from piece to piece (decoding copies them into the string)
      const need = pending.length * 3 + this.carry.length + chunk.length;
      if (this.scratch.length < need) this.scratch = new Uint8Array(Math.max(need, 2 * this.scratch.length));
      const scratch = this.scratch;
      const at = pending.length > 0 ? encoder.encodeInto(pending, scratch).written : 0;
      scratch.set(this.carry, at);
      scratch.set(chunk, at + this.carry.length);
      bytes = scratch.subarray(0, at + this.carry.length + chunk.length);
    }
    // a BOM split across pieces is an incomplete UTF-8 sequence: carried below until it is whole
    if (this.first && bytes.length > 0 && !(bytes.length < 3 && bytes[0] === 0xef && (bytes.length < 2 || bytes[1] === 0xbb))) {
      this.first = false;
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
    }
    const cut = completeLength(bytes);
    this.carry = cut === bytes.length ? NO_BYTES : bytes.slice(cut);
    if (cut > 0) this.extractor.write(this.decoder.decode(bytes.subarray(0, cut)));
    this.pending = this.extractor.takePending();
  }

  /** Ends the stream; throws 'corrupt-file' when the XML is incomplete. */
  end(): void {
    if (this.heldBytes > 0) this.feed(concatBytes(this.held, this.heldBytes));
    this.held = [];
    this.heldBytes = 0;
    const pending = this.pending + this.extractor.takePending();
    this.pending = '';
    const rest = this.carry.length > 0 ? this.decoder.decode(this.carry) : '';
    this.carry = NO_BYTES;
    this.scratch = NO_BYTES;
    if (pending.length > 0 || rest.length > 0) this.extractor.write(pending + rest);
    this.extractor.end(this.bytes);
  }
}

/** Length of the prefix that ends on a UTF-8 sequence boundary (an incomplete last sequence stays out). */
function completeLength(b: Uint8Array): number {
  const len = b.length;
  let j = len - 1;
  while (j >= 0 && j > len - 4 && (b[j]! & 0xc0) === 0x80) j--;
  if (j < 0) return len;
  const lead = b[j]!;
  const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return j + need > len ? j : len;
}


function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${Math.round(n / 1024 / 1024)} MB` : `${n} bytes`;
}
