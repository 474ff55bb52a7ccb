/** convert() = timeProject(parseProject(file)): the one call for a file and a set of options. */
import type { ConvertInput } from './input';
import type { Result } from './model';
import { checkOptions, type ConvertOptions } from './options';
import { parseProject } from './parse';
import { timeProject } from './time-project';

/**
 * Converts a project file into the tracklist result (docs/exports.md): parseProject, then
 * timeProject with the same options. Options are checked before the file is read.
 */
export async function convert(input: ConvertInput, given: ConvertOptions | null = {}): Promise<Result> {
  checkOptions(given);
  const options = given ?? {};
  const project = await parseProject(input, options);
  return timeProject(project, options);
}
