/**
 * The Node inflater: node:zlib, streaming. Same `Inflate` contract as lib/inflate.ts (pako).
 *
 * Why this one on Node: zlib inflates on a libuv worker thread while the XML scan runs on the main
 * thread, so the two overlap; pako inflates on the main thread, in JavaScript, before each scan
 * step. Measured on a generated 207 MB-XML / 37 MB-gzip set (2-core machine, Node 20):
 *   zlib.gunzipSync alone ............ ~1.0 s
 *   pako Inflate alone ............... ~1.9 s
 *   read set with pakoInflate ........ see the report in lib/inflate.ts
 *   read set with zlibInflate ........ see the report in lib/inflate.ts
 * (exact figures: the bench; the choice: zlib wherever node:zlib exists, pako elsewhere.)
 */
import type { TransformOptions } from 'node:stream';
import { createGunzip, type ZlibOptions } from 'node:zlib';
import { DawstampsError, isDawstampsError } from '../../lib/errors';
import type { Inflate } from '../../lib/readers/types';

/** Output piece size: large pieces keep per-chunk overhead low. */
const CHUNK = 64 * 1024;

/** Inflates gzip with node:zlib on a worker thread, handing each piece to `onChunk` as it comes. */
export const zlibInflate: Inflate = async (gzip, onChunk) => {
  const options: ZlibOptions & TransformOptions = { chunkSize: CHUNK, highWaterMark: 4 * CHUNK };
  const gunzip = createGunzip(options);
  gunzip.end(Buffer.from(gzip.buffer, gzip.byteOffset, gzip.byteLength));
  try {
    for await (const chunk of gunzip) onChunk(chunk as Buffer);
  } catch (e) {
    if (isDawstampsError(e)) throw e;
    const why = e instanceof Error ? e.message : String(e);
    throw new DawstampsError('corrupt-file', `The file is damaged: gzip says “${why}”.`);
  } finally {
    gunzip.destroy();
  }
};
