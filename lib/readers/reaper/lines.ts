/**
 * Bytes → lines, chunk by chunk, in bounded memory (docs/reaper.md#reading). A line is held only
 * when the scanner asks for it after seeing its first bytes (`HEAD_BYTES` after the indentation);
 * every other line (base64 plug-in state, MIDI events, notes…) is only counted. A line longer than
 * `maxValueBytes` is 'value-too-long' as soon as it passes the limit; a NUL byte is 'corrupt-file'.
 * LF or CRLF endings; a BOM at the very start is skipped.
 */
import { concatBytes } from '../../binary/concat';
import { DawstampsError } from '../../errors';

/** Bytes of a line (after its indentation) the scanner sees before it decides to keep the line. */
export const HEAD_BYTES = 64;

/**
 * What reads the lines: it classifies a line by its head, then gets it whole when it kept it. The
 * head is the first `length` bytes of `head` (a buffer reused for every line: read it during the call).
 */
export interface LineSink {
  /** True to receive the whole line (the head is its first bytes after the indentation). */
  wants(head: Uint8Array, length: number): boolean;
  /** One line: its head, and its bytes (without indentation and line end) when kept, else null. */
  line(head: Uint8Array, length: number, whole: Uint8Array | null, lineNo: number): void;
}

const NL = 0x0a;

function isBlank(b: number): boolean {
  return b === 0x20 || b === 0x09 || b === 0x0d;
}

/** Splits a byte stream into lines for a LineSink. */
export class LineReader {
  /** The number of the line being read (1-based). */
  lineNo = 1;
  private skipBom: number;
  private readonly head = new Uint8Array(HEAD_BYTES);
  private headLength = 0;
  private indented = true;
  private mode: 'undecided' | 'keep' | 'skip' = 'undecided';
  private parts: Uint8Array[] = [];
  private kept = 0;
  private length = 0;
  private pending = false;

  constructor(private readonly sink: LineSink, private readonly maxLineBytes: number, bomBytes: number) {
    this.skipBom = bomBytes;
  }

  /** Feeds the next chunk of the file. */
  write(chunk: Uint8Array): void {
    let pos = 0;
    if (this.skipBom > 0) {
      pos = Math.min(this.skipBom, chunk.length);
      this.skipBom -= pos;
    }
    const nul = chunk.indexOf(0, pos);
    const stop = nul < 0 ? chunk.length : nul;
    while (pos < stop) {
      const nl = chunk.indexOf(NL, pos);
      const end = nl < 0 || nl > stop ? stop : nl;
      this.feed(chunk, pos, end);
      if (end === nl) {
        this.endLine();
        pos = nl + 1;
      } else {
        pos = end;
      }
    }
    if (nul >= 0) throw new DawstampsError('corrupt-file', `The project holds a NUL byte on line ${this.lineNo}, so it is not the text REAPER writes.`, { line: this.lineNo });
  }

  /** The file ended: the last line, if it has no line end. */
  end(): void {
    if (this.pending) this.endLine();
  }

  private feed(chunk: Uint8Array, start: number, end: number): void {
    if (end <= start) return;
    this.pending = true;
    this.length += end - start;
    if (this.length > this.maxLineBytes) {
      throw new DawstampsError('value-too-long', `Line ${this.lineNo} of the project is longer than the limit of ${this.maxLineBytes} bytes; reading stopped there.`, {
        line: this.lineNo,
        limit: this.maxLineBytes,
      });
    }
    let at = start;
    if (this.indented) {
      while (at < end && isBlank(chunk[at]!)) at++;
      if (at === end) return;
      this.indented = false;
    }
    if (this.mode === 'undecided') {
      const take = Math.min(end - at, HEAD_BYTES - this.headLength);
      const head = this.head;
      for (let k = 0; k < take; k++) head[this.headLength + k] = chunk[at + k]!;
      this.headLength += take;
      at += take;
      if (this.headLength < HEAD_BYTES) return;
      this.decide();
    }
    if (this.mode === 'keep' && at < end) {
      this.parts.push(chunk.slice(at, end));
      this.kept += end - at;
    }
  }

  private decide(): void {
    this.mode = this.sink.wants(this.head, this.headLength) ? 'keep' : 'skip';
    if (this.mode === 'keep') {
      this.parts = [this.head.slice(0, this.headLength)];
      this.kept = this.headLength;
    }
  }

  private endLine(): void {
    if (this.headLength > 0) {
      if (this.mode === 'undecided') this.decide();
      const whole = this.mode === 'keep' ? trimEnd(concatBytes(this.parts, this.kept)) : null;
      this.sink.line(this.head, this.headLength, whole, this.lineNo);
    }
    this.lineNo++;
    this.headLength = 0;
    this.indented = true;
    this.mode = 'undecided';
    if (this.kept > 0) this.parts = [];
    this.kept = 0;
    this.length = 0;
    this.pending = false;
  }
}

/** The line without trailing blanks (the CR of CRLF among them). */
function trimEnd(bytes: Uint8Array): Uint8Array {
  let end = bytes.length;
  while (end > 0 && isBlank(bytes[end - 1]!)) end--;
  return bytes.subarray(0, end);
}
