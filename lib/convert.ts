/** convert() = timeProject(parseProject(file)): the one call for a file and a set of options. */
import type { ConvertInput } from './input';
import type { Result } from './model';
import { checkOptions, type ConvertOptions } from './options';
import { parseProject } from './parse';
import { timeProject } from './time';

/**
 * Converts a project file into the tracklist result (docs/exports.md): parseProject, then
 * timeProject with the same options. Options are checked before the file is read.
 */
export async function convert(input: ConvertInput, options: ConvertOptions = {}): Promise<Result> {
  checkOptions(options);
  const project = await parseProject(input, options);
  return timeProject(project, options);
}
