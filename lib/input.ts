/**
 * What convert() reads: the whole file's bytes, or its bytes as they arrive (an async iterable of
 * chunks, e.g. a Node stream, or a web ReadableStream, e.g. `fetch(...).body` or `file.stream()`).
 * A stream is read once, front to back: the first bytes are peeked for format detection, the
 * Ableton reader inflates the rest as it comes (the file is never whole in memory), the FL Studio
 * reader collects it (it needs random access). Bytes are counted as they arrive: past
 * `limits.maxFileBytes` the read stops at once with 'file-too-large'.
 */
import { concatBytes } from './binary/concat';
import { DawstampsError } from './errors';

/** The input of convert(). */
export type ConvertInput = Uint8Array | AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>;

/** A file being read front to back: its first bytes, then every chunk in order, each once. */
export class ByteSource implements AsyncIterable<Uint8Array> {
  /** The file's first bytes (after peek(): at least the number asked for, or the whole file). */
  head: Uint8Array = new Uint8Array(0);
  /** Bytes received so far. */
  received = 0;
  /** Chunks received but not handed out yet (the peeked head). */
  private queue: Uint8Array[] = [];
  private ended = false;
  private iterating = false;
  private released = false;

  private constructor(
    private readonly pull: () => Promise<Uint8Array | undefined>,
    private readonly release: () => Promise<void>,
    private readonly maxBytes: number,
  ) {}

  /** A source over a stream or an async iterable (throws 'invalid-option' for anything else). */
  static open(input: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>, maxBytes: number): ByteSource {
    if (input !== null && typeof input === 'object' && typeof (input as ReadableStream<Uint8Array>).getReader === 'function') {
      // getReader, not async iteration: not every browser makes a ReadableStream iterable
      const reader = (input as ReadableStream<Uint8Array>).getReader();
      return new ByteSource(
        async () => {
          const { done, value } = await reader.read();
          return done ? undefined : value;
        },
        () => reader.cancel().catch(() => undefined),
        maxBytes,
      );
    }
    if (input !== null && typeof input === 'object' && typeof (input as AsyncIterable<Uint8Array>)[Symbol.asyncIterator] === 'function') {
      const it = (input as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]();
      return new ByteSource(
        async () => {
          const r = await it.next();
          return r.done ? undefined : r.value;
        },
        async () => {
          await it.return?.();
        },
        maxBytes,
      );
    }
    throw new DawstampsError('invalid-option', 'The input is neither bytes (a Uint8Array) nor a stream of them.');
  }

  /** Reads until at least `n` bytes have arrived (or the file ended); sets and returns `head`. */
  async peek(n: number): Promise<Uint8Array> {
    let have = this.queue.reduce((sum, c) => sum + c.length, 0);
    while (have < n && !this.ended) {
      const chunk = await this.next();
      if (chunk) {
        this.queue.push(chunk);
        have += chunk.length;
      }
    }
    if (this.queue.length > 1) this.queue = [concatBytes(this.queue, have)];
    this.head = this.queue[0] ?? new Uint8Array(0);
    return this.head;
  }

  /** Every chunk of the file from its first byte, in order (once; the peeked head comes first). */
  async *[Symbol.asyncIterator](): AsyncGenerator<Uint8Array, void, undefined> {
    if (this.iterating) throw new Error('A ByteSource is read once.');
    this.iterating = true;
    while (this.queue.length > 0) yield this.queue.shift()!;
    for (;;) {
      const chunk = await this.next();
      if (!chunk) return;
      if (chunk.length > 0) yield chunk;
    }
  }

  /** The whole file in one array (for readers that need random access; bounded by the limit). */
  async readAll(): Promise<Uint8Array> {
    const parts: Uint8Array[] = [];
    for await (const chunk of this) parts.push(chunk);
    return concatBytes(parts, this.received);
  }

  /** Stops reading: cancels the stream when it has not ended (safe to call more than once). */
  async close(): Promise<void> {
    this.queue = [];
    if (this.released) return;
    this.released = true;
    if (!this.ended) {
      this.ended = true;
      await this.release();
    }
  }

  private async next(): Promise<Uint8Array | undefined> {
    if (this.ended) return undefined;
    const chunk = await this.pull();
    if (chunk === undefined || chunk === null) {
      this.ended = true;
      return undefined;
    }
    if (!(chunk instanceof Uint8Array)) {
      throw new DawstampsError('invalid-option', `The input stream gave ${typeof chunk === 'string' ? 'text' : typeof chunk}, not bytes (Uint8Array chunks).`);
    }
    this.received += chunk.length;
    if (this.received > this.maxBytes) {
      throw new DawstampsError('file-too-large', `The file is larger than the limit of ${this.maxBytes} bytes; reading stopped there.`, {
        bytes: this.received,
        limit: this.maxBytes,
      });
    }
    return chunk;
  }
}
