/** What a caller may ask of convert() and timeProject(), and the checks of those options. */
import { DawstampsError } from './errors';
import { checkOptionsObject, type ChoiceValue } from './option-table';
import type { Limits } from './limits';
import type { TimingOption } from './model';
import type { Inflate } from './readers/types';

export { parseStart, type StartSpec } from './tempo/start';

// the values of the choice options, from lib/option-table.ts (written there once)
export type BeforeStart = ChoiceValue<'beforeStart'>;
export type SourceOption = ChoiceValue<'source'>;
export type ClipAnchor = ChoiceValue<'clipAnchor'>;

/** How a project is timed (timeProject, and convert()); every field is optional. */
export interface TimeOptions {
  /** The file's name, reported in the result (never used to detect the format). */
  fileName?: string;
  /** The tempo model: by version (`auto`, the default) or forced. */
  timing?: TimingOption;
  /** Where the clock's zero is; see parseStart. Default `"zero"` (beat 0). */
  start?: string | number;
  /** Markers before the start: left out (`drop`, the default) or given negative seconds. */
  beforeStart?: BeforeStart;
  /** Where the tracklist comes from. */
  source?: SourceOption;
  /** Which arrangement (index or name), for projects with several (FL Studio 12.9+). */
  arrangement?: string | number;
  includeDisabledClips?: boolean;
  includeMutedTracks?: boolean;
  clipAnchor?: ClipAnchor;
  /** Include `tempo.points` in the result (default true; a set may hold 100,000 breakpoints). */
  tempoPoints?: boolean;
}

/** How a file is read (parseProject, and convert()). */
export interface ParseOptions {
  limits?: Partial<Limits>;
  /** Gzip inflater (Node callers may pass one built on node:zlib); default pako. */
  inflate?: Inflate;
}

/** Options of convert(): how to read the file and how to time it. */
export interface ConvertOptions extends ParseOptions, TimeOptions {}

/** The names convert() and timeProject() take beside the option table's. */
const CALL_OPTIONS = ['fileName', 'tempoPoints', 'limits', 'inflate'] as const;

/** Checks the time options (callers from JSON or a query string may pass anything); throws 'invalid-option'. */
export function checkOptions(options: TimeOptions | null | undefined): void {
  checkOptionsObject('time', options, CALL_OPTIONS);
  if (options?.fileName !== undefined && typeof options.fileName !== 'string') throw new DawstampsError('invalid-option', 'The fileName option must be text.');
  if (options?.tempoPoints !== undefined && typeof options.tempoPoints !== 'boolean') throw new DawstampsError('invalid-option', 'The tempoPoints option must be true or false.');
}
