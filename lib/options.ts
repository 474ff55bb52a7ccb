/** What a caller may ask of convert() and timeProject(), and the checks of those options. */
import { checkStageOptions } from './option-table';
import type { Limits } from './limits';
import type { TimingOption } from './model';
import type { Inflate } from './readers/types';

export { parseStart, type StartSpec } from './tempo/start';

export type BeforeStart = 'drop' | 'negative';
export type SourceOption = 'auto' | 'locators' | 'clips';
export type ClipAnchor = 'start' | 'crossfade-middle';

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

/** Checks the time options (callers from JSON or a query string may pass anything); throws 'invalid-option'. */
export function checkOptions(options: TimeOptions): void {
  checkStageOptions('time', options);
}
