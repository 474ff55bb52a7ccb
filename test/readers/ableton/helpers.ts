import { readFileSync } from 'node:fs';
import { resolveLimits, type Limits } from '../../../lib/limits';
import type { Project } from '../../../lib/model';
import { readAbleton } from '../../../lib/readers/ableton';
import { buildAls, type AlsOptions } from '../../helpers/als-builder';

export const FIXTURES = new URL('../../../../shared/fixtures/', import.meta.url);

/** A shared fixture's bytes (shared/fixtures; origins in shared/fixtures/LICENSES.md). */
export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(name, FIXTURES)));
}

/** Reads bytes with the Ableton reader and default (or overridden) limits. */
export function read(bytes: Uint8Array, limits: Partial<Limits> = {}): Promise<Project> {
  return readAbleton(bytes, { limits: resolveLimits(limits) });
}

/** Builds a set with the test generator and reads it. */
export function readBuilt(options: AlsOptions, output: { gzip?: boolean } = {}): Promise<Project> {
  return read(buildAls(options, output));
}

/** The error code a promise rejects with ('untyped' for a plain Error), or undefined. */
export async function rejection(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
  } catch (e) {
    const err = e as { name?: string; code?: string };
    return err.name === 'DawstampsError' ? err.code : `untyped: ${String(e)}`;
  }
  return undefined;
}
