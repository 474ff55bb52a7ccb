/**
 * The default gzip inflater: pako, chunk by chunk, so the XML is never whole in memory. It runs
 * everywhere (browser, edge, Lambda). Node callers should pass `zlibInflate` from
 * functions/node/zlib-inflate.ts: node:zlib inflates on a worker thread, in parallel with the
 * XML scan, and costs about half the CPU (pako alone: 1.8 s CPU for 211 MB of XML where zlib
 * needs ~0.7 s; whole read 3.1 s vs 1.5 s CPU — figures in that file).
 */
import { Inflate as PakoInflate } from 'pako';
import { DawstampsError } from './errors';
import type { Inflate } from './readers/types';

/** Size of each piece of output handed to `onChunk`. */
const CHUNK = 256 * 1024;
/** Size of each piece of input pushed into pako (small pieces keep a bomb's output bounded per push). */
const INPUT = 64 * 1024;

/**
 * Inflates gzip with pako, calling `onChunk` for each piece of output; an error in `onChunk` stops
 * it at once. Whole bytes inflate synchronously; chunks are inflated as they arrive.
 */
export const pakoInflate: Inflate = (gzip, onChunk) => {
  const members = new Members(onChunk);
  if (gzip instanceof Uint8Array) {
    for (let at = 0; at < gzip.length && !members.done; at += INPUT) members.push(gzip.subarray(at, at + INPUT), at + INPUT >= gzip.length);
    members.finish();
    return;
  }
  return (async () => {
    // one chunk is held back so that the last one is pushed as the last (pako finishes on it)
    let previous: Uint8Array | null = null;
    for await (const chunk of gzip) {
      if (chunk.length === 0) continue;
      if (previous) for (let at = 0; at < previous.length && !members.done; at += INPUT) members.push(previous.subarray(at, at + INPUT), false);
      previous = chunk;
      if (members.done) break; // zero padding after the last member: the rest is ignored
    }
    if (previous) for (let at = 0; at < previous.length && !members.done; at += INPUT) members.push(previous.subarray(at, at + INPUT), at + INPUT >= previous.length);
    members.finish();
  })();
};

/**
 * pako, one gzip member after another. A file may hold several members (gzip allows it); pako
 * goes on to the next member only when it starts in the same push, so a member ending on a push
 * boundary is continued here. Zero bytes after a member end the stream; anything else must be
 * another member (node:zlib does the same).
 */
class Members {
  /** True once the stream has ended (no more input is read). */
  done = false;
  private inflater: PakoInflate;
  private strm: { next_in: number } | null = null;

  constructor(private readonly onChunk: (chunk: Uint8Array) => void) {
    this.inflater = this.fresh();
  }

  private fresh(): PakoInflate {
    const inflater = new PakoInflate({ chunkSize: CHUNK });
    inflater.onData = this.onChunk;
    inflater.onEnd = () => {};
    inflater.onStart = (strm) => {
      this.strm = strm as unknown as { next_in: number };
    };
    return inflater;
  }

  push(piece: Uint8Array, last: boolean): void {
    while (piece.length > 0 && !this.done) {
      if (this.inflater.ended) {
        if (piece[0] === 0) {
          this.done = true;
          return;
        }
        this.inflater = this.fresh();
      }
      this.inflater.push(piece, last);
      if (this.inflater.err) throw corrupt(this.inflater.msg);
      if (!this.inflater.ended) return;
      // where the member ended in this piece (pako's stream state, seen through onStart)
      const strm = this.strm as { next_in: number } | null;
      piece = piece.subarray(strm ? strm.next_in : piece.length);
    }
  }

  /** No more input: throws 'corrupt-file' when a member is incomplete. */
  finish(): void {
    if (!this.inflater.ended) throw corrupt('the compressed data ends early');
  }
}

function corrupt(why: string): DawstampsError {
  return new DawstampsError('corrupt-file', `The file is damaged: gzip says “${why || 'invalid data'}”.`);
}
