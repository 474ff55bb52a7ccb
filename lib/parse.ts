/** detect → read: a project file (bytes or a stream) into the project model, once. */
import { DawstampsError } from './errors';
import { ByteSource, type ConvertInput } from './input';
import { resolveLimits } from './limits';
import type { Project } from './model';
import type { ParseOptions } from './options';
import { detectReader, type ReadOptions } from './readers';

/** Bytes peeked from a stream for format detection (what the readers' sniffers look at). */
const HEAD_BYTES = 4096;

/**
 * Reads a project file into the model every DAW shares (docs/project.md): the format
 * is sniffed from the first bytes, never taken from a name. The file is its bytes, or a stream of
 * them (lib/input.ts): an Ableton set is then inflated and scanned as it arrives, never whole in
 * memory; a stream is read once and cancelled when reading stops early. Errors of the stream
 * itself pass through untouched; everything else is a DawstampsError.
 */
export async function parseProject(input: ConvertInput, options: ParseOptions = {}): Promise<Project> {
  const limits = resolveLimits(options.limits);
  const readOptions: ReadOptions = { limits, ...(options.inflate ? { inflate: options.inflate } : {}) };
  if (input instanceof Uint8Array) {
    if (input.byteLength > limits.maxFileBytes) {
      throw new DawstampsError('file-too-large', `The file is ${input.byteLength} bytes; the limit is ${limits.maxFileBytes}.`, {
        bytes: input.byteLength,
        limit: limits.maxFileBytes,
      });
    }
    return detectReader(input).read(input, readOptions);
  }
  const source = ByteSource.open(input, limits.maxFileBytes);
  try {
    const reader = detectReader(await source.peek(HEAD_BYTES));
    return await reader.read(source, readOptions);
  } finally {
    await source.close();
  }
}
