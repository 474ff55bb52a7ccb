/** The mix's own title and audio file name, from the options or the project's file name. */
import type { Result } from '../model';
import { baseName, sanitizeName } from '../text';
import type { ExportOptions } from './types';

/** The project's file name without folders or extension ("my mix" for "sets/my mix.als"), or null. */
export function projectBaseName(result: Result): string | null {
  const file = baseName(result.source.file);
  if (file === null) return null;
  const name = sanitizeName(file).replace(/\.[^.]+$/, '');
  return name === '' ? null : name;
}

/** The mix title: the `title` option, else the project's base name. */
export function mixTitle(result: Result, options: ExportOptions): string | null {
  const title = options.title === undefined ? '' : sanitizeName(options.title);
  return title !== '' ? title : projectBaseName(result);
}

/** The mix performer: the `performer` option, when given. */
export function mixPerformer(options: ExportOptions): string | null {
  const performer = options.performer === undefined ? '' : sanitizeName(options.performer);
  return performer === '' ? null : performer;
}

/** The audio file a sheet points at: the `audioFile` option (without folders), else `<project>.wav`. */
export function audioFileName(result: Result, options: ExportOptions): string {
  const given = options.audioFile === undefined ? '' : sanitizeName(options.audioFile.split(/[\\/]/).pop() ?? '');
  return given !== '' ? given : `${projectBaseName(result) ?? 'mix'}.wav`;
}
