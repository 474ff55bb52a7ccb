/** Reads a REAPER project: bytes (whole or streamed) → lines → scan → the common Project model. */
import type { ByteSource } from '../../input';
import type { Project } from '../../model';
import type { ReadOptions } from '../types';
import { buildProject } from './build';
import { LineReader } from './lines';
import { RppScanner } from './scan';
import { bomLength } from './sniff';

/** Whole bytes are fed in pieces of this size (the same path as a stream). */
const PIECE = 1024 * 1024;

/** Reads an .rpp from its bytes, or from a source chunk by chunk as it arrives (never whole in memory). */
export async function readReaper(input: Uint8Array | ByteSource, options: ReadOptions): Promise<Project> {
  const { limits } = options;
  const scanner = new RppScanner(limits);
  const head = input instanceof Uint8Array ? input : input.head;
  const lines = new LineReader(scanner, limits.maxValueBytes, bomLength(head));
  if (input instanceof Uint8Array) {
    for (let at = 0; at < input.length; at += PIECE) lines.write(input.subarray(at, at + PIECE));
  } else {
    for await (const chunk of input) lines.write(chunk);
  }
  lines.end();
  return buildProject(scanner.finish(lines.lineNo - 1), limits);
}
