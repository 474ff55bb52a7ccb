#!/usr/bin/env node
/** `dawstamps FILE...`: the Node adapter around runCli (files from disk, node:zlib inflate). */
import { gunzipSync } from 'node:zlib';
import { DawstampsError, type ConvertInput, type Inflate } from '../../lib';
import { version } from '../../package.json';
import { zlibInflate } from '../node/zlib-inflate';
import { runCli } from './run';

/** Below this, one synchronous gunzip beats starting zlib's worker-thread stream (start-up time). */
const SMALL_GZIP = 1024 * 1024;
/**
 * A small gzip inflated whole may hold at most this much (a set's XML is ~5–10× its gzip); more
 * (a bomb, or a set with a long tail) is streamed instead, so memory stays bounded.
 */
const SMALL_GZIP_OUTPUT = 64 * 1024 * 1024;
/** Files up to this size are read whole; larger ones (and pipes) are streamed, never whole in memory. */
const SMALL_FILE = 1024 * 1024;
/** Piece size of a streamed file. */
const READ_CHUNK = 256 * 1024;

/**
 * gunzipSync's output piece size: the size the gzip trailer gives (ISIZE, the input's length mod
 * 2^32), so that the XML comes out as one buffer instead of 16 KB pieces joined by a copy
 * (5.6 MB of XML: ~7 ms CPU). The trailer is only a hint (a wrong one costs pieces, not
 * correctness), so it is used only from 16 KB up to SMALL_GZIP_OUTPUT.
 */
function outputChunk(gzip: Uint8Array): number {
  const n = gzip.byteLength;
  const isize = n >= 18 ? (gzip[n - 4]! | (gzip[n - 3]! << 8) | (gzip[n - 2]! << 16) | (gzip[n - 1]! << 24)) >>> 0 : 0;
  return isize < 16 * 1024 || isize >= SMALL_GZIP_OUTPUT ? 16 * 1024 : isize + 1;
}

const inflate: Inflate = (gzip, onChunk) => {
  if (!(gzip instanceof Uint8Array) || gzip.byteLength > SMALL_GZIP) return zlibInflate(gzip, onChunk);
  let xml: Uint8Array;
  try {
    xml = gunzipSync(gzip, { maxOutputLength: SMALL_GZIP_OUTPUT, chunkSize: outputChunk(gzip) });
  } catch {
    // the streaming inflater words damaged input the way the rest of dawstamps does (and streams
    // what inflates to more than SMALL_GZIP_OUTPUT)
    return zlibInflate(gzip, onChunk);
  }
  onChunk(xml);
};

// fs is loaded at Node's start-up anyway: take it without an ESM import (each costs start-up time)
const { closeSync, openSync, readFileSync, readSync, statSync } = process.getBuiltinModule('node:fs');

/**
 * The file's bytes: whole when small, else its chunks as convert() asks for them. The size is
 * checked first (a quick 'file-too-large'); a folder fails with EISDIR, a missing file with
 * ENOENT, an unreadable one with EACCES (from the read, which convert() passes through).
 */
function openFile(path: string, maxBytes: number): ConvertInput {
  const info = statSync(path);
  if (info.isDirectory()) throw Object.assign(new Error(`EISDIR: illegal operation on a directory, read '${path}'`), { code: 'EISDIR' });
  if (info.size > maxBytes) {
    throw new DawstampsError('file-too-large', `The file is ${info.size} bytes; the limit is ${maxBytes}.`, { bytes: info.size, limit: maxBytes });
  }
  if (info.isFile() && info.size <= SMALL_FILE) return readFileSync(path);
  return fileChunks(path);
}

/** Reads a file in pieces, synchronously (no thread-pool round trip per piece; node:zlib has the pool). */
async function* fileChunks(path: string): AsyncGenerator<Uint8Array> {
  const fd = openSync(path, 'r');
  try {
    for (;;) {
      // a fresh buffer per piece: the consumer (zlib) may still hold the previous one
      const buffer = Buffer.allocUnsafeSlow(READ_CHUNK);
      const n = readSync(fd, buffer, 0, READ_CHUNK, null);
      if (n === 0) return;
      yield n === READ_CHUNK ? buffer : buffer.subarray(0, n);
    }
  } finally {
    closeSync(fd);
  }
}

void runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readFile: async (path, maxBytes) => openFile(path, maxBytes),
  inflate,
  version,
}).then((code) => {
  process.exitCode = code;
  // Everything is written: exit now instead of after V8's idle-time collection of the
  // conversion's garbage (10–20 ms after a big one). Output still buffered in Node (a slow
  // pipe) is left to the normal exit, which waits for it.
  if (process.stdout.writableLength === 0 && process.stderr.writableLength === 0) process.exit(code);
});
