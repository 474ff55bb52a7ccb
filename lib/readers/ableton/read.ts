import { DawstampsError } from '../../errors';
import type { Project } from '../../model';
import type { ReadOptions } from '../types';

/** Reads an Ableton Live set into the common model. */
export async function readAbleton(_bytes: Uint8Array, _options: ReadOptions): Promise<Project> {
  throw new DawstampsError('unsupported-format', 'The Ableton Live reader is not finished yet.');
}
