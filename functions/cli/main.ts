#!/usr/bin/env node
/** `dawstamps FILE...`: the Node adapter around runCli (files from disk, node:zlib inflate). */
import { gunzipSync } from 'node:zlib';
import type { Inflate } from '../../lib';
import { version } from '../../package.json';
import { zlibInflate } from '../node/zlib-inflate';
import { runCli } from './run';

/** Below this, one synchronous gunzip beats starting zlib's worker-thread stream (start-up time). */
const SMALL_GZIP = 1024 * 1024;

const inflate: Inflate = (gzip, onChunk) => {
  if (gzip.byteLength > SMALL_GZIP) return zlibInflate(gzip, onChunk);
  let xml: Uint8Array;
  try {
    xml = gunzipSync(gzip);
  } catch {
    // the streaming inflater words damaged input the way the rest of dawstamps does
    return zlibInflate(gzip, onChunk);
  }
  onChunk(xml);
};

// fs is loaded at Node's start-up anyway: take it without an ESM import (each costs start-up time)
const { readFileSync } = process.getBuiltinModule('node:fs');

void runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readFile: async (path) => new Uint8Array(readFileSync(path)),
  inflate,
  version,
}).then((code) => {
  process.exitCode = code;
});
