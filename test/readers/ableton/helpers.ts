import { resolveLimits, type Limits } from '../../../lib/limits';
import { flatten, type FlatProject } from '../../helpers/project';
import { readAbleton } from '../../../lib/readers/ableton';
import { buildAls, type AlsOptions } from '../../helpers/als-builder';

export { fixture } from '../../helpers/fixtures';

/** Reads bytes with the Ableton reader and default (or overridden) limits, flattened for assertions. */
export async function read(bytes: Uint8Array, limits: Partial<Limits> = {}): Promise<FlatProject> {
  return flatten(await readAbleton(bytes, { limits: resolveLimits(limits) }));
}

/** Builds a set with the test generator and reads it. */
export function readBuilt(options: AlsOptions, output: { gzip?: boolean } = {}): Promise<FlatProject> {
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
