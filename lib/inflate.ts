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

/** Inflates gzip with pako, calling `onChunk` for each piece of output; an error in `onChunk` stops it at once. */
export const pakoInflate: Inflate = (gzip, onChunk) => {
  const inflater = new PakoInflate({ chunkSize: CHUNK });
  inflater.onData = onChunk;
  inflater.onEnd = () => {};
  for (let at = 0; at < gzip.length && !inflater.ended; at += INPUT) {
    const last = at + INPUT >= gzip.length;
    inflater.push(gzip.subarray(at, at + INPUT), last);
    if (inflater.err) throw corrupt(inflater.msg);
  }
  if (!inflater.ended) throw corrupt('the compressed data ends early');
};

function corrupt(why: string): DawstampsError {
  return new DawstampsError('corrupt-file', `The file is damaged: gzip says “${why || 'invalid data'}”.`);
}
