/** What a caller may ask of convert(), and the one parser for the `start` option. */
import { DawstampsError, echoValue } from './errors';
import type { Limits } from './limits';
import type { TimingOption } from './model';
import type { Inflate } from './readers/types';
import { MAX_ABS_BEAT } from './tempo/envelope';

export type BeforeStart = 'drop' | 'negative';
export type SourceOption = 'auto' | 'locators' | 'clips';
export type ClipAnchor = 'start' | 'crossfade-middle';

/** Options of convert(); every field is optional. */
export interface ConvertOptions {
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
  /** FL Studio: which arrangement (index or name). */
  arrangement?: string | number;
  includeDisabledClips?: boolean;
  includeMutedTracks?: boolean;
  clipAnchor?: ClipAnchor;
  limits?: Partial<Limits>;
  /** Gzip inflater (Node callers may pass one built on node:zlib); default pako. */
  inflate?: Inflate;
}

/** A parsed `start` option. */
export type StartSpec =
  | { kind: 'zero' }
  | { kind: 'song-start' }
  | { kind: 'loop' }
  | { kind: 'beat'; beat: number }
  | { kind: 'index'; index: number }
  | { kind: 'locator'; name: string };

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

function beatFrom(text: string, original: string): StartSpec {
  const beat = NUMBER.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  if (!(Math.abs(beat) <= MAX_ABS_BEAT)) throw new DawstampsError('invalid-option', `The start "${echoValue(original)}" is not a beat number (within ±${MAX_ABS_BEAT}).`);
  return { kind: 'beat', beat };
}

/**
 * Parses the `start` option: a number or numeric string (a beat), "zero" (default),
 * "song-start", "loop", "#N" (the Nth tracklist marker, 1-based), "beat:X", "locator:NAME",
 * or any other string (a locator name). Throws DawstampsError 'invalid-option'.
 */
export function parseStart(value: string | number | undefined | null): StartSpec {
  if (value === undefined || value === null) return { kind: 'zero' };
  if (typeof value === 'number') {
    if (!(Math.abs(value) <= MAX_ABS_BEAT)) throw new DawstampsError('invalid-option', `The start ${echoValue(value)} is not a beat within ±${MAX_ABS_BEAT}.`);
    return { kind: 'beat', beat: value };
  }
  if (typeof value !== 'string') throw new DawstampsError('invalid-option', 'The start must be a string or a number.');
  const text = value;
  const trimmed = text.trim();
  if (trimmed === '' || trimmed === 'zero') return { kind: 'zero' };
  if (trimmed === 'song-start') return { kind: 'song-start' };
  if (trimmed === 'loop') return { kind: 'loop' };
  if (NUMBER.test(trimmed)) return beatFrom(trimmed, text);
  if (trimmed.startsWith('beat:')) return beatFrom(trimmed.slice(5), text);
  if (text.startsWith('locator:')) return { kind: 'locator', name: text.slice(8) };
  if (/^#\s*\d+$/.test(trimmed)) {
    const index = Number(trimmed.slice(1).trim());
    if (!Number.isSafeInteger(index) || index < 1) {
      throw new DawstampsError('invalid-option', `The start "${echoValue(text)}" needs a marker number from 1.`);
    }
    return { kind: 'index', index };
  }
  return { kind: 'locator', name: text };
}

const TIMINGS: readonly string[] = ['auto', 'stepped', 'continuous'];
const BEFORE: readonly string[] = ['drop', 'negative'];
const SOURCES: readonly string[] = ['auto', 'locators', 'clips'];
const ANCHORS: readonly string[] = ['start', 'crossfade-middle'];

function oneOf(name: string, value: unknown, allowed: readonly string[]): void {
  if (value === undefined) return;
  if (typeof value !== 'string' || !allowed.includes(value)) {
    throw new DawstampsError('invalid-option', `The ${name} "${echoValue(value)}" is not one of ${allowed.join(', ')}.`);
  }
}

/** Checks the enumerated options (callers from JSON or a query string may pass anything). */
export function checkOptions(options: ConvertOptions): void {
  oneOf('timing', options.timing, TIMINGS);
  oneOf('beforeStart', options.beforeStart, BEFORE);
  oneOf('source', options.source, SOURCES);
  oneOf('clipAnchor', options.clipAnchor, ANCHORS);
  const arrangement = options.arrangement;
  if (arrangement !== undefined && typeof arrangement !== 'string' && !(typeof arrangement === 'number' && Number.isInteger(arrangement))) {
    throw new DawstampsError('invalid-option', 'The arrangement must be a name or a whole number.');
  }
}
