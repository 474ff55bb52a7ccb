/** Bounds on what one conversion may consume; every one can be changed per call. */
import { DawstampsError, echoValue } from './errors';

export interface Limits {
  /** Compressed/raw input bytes (the upload cap). */
  maxFileBytes: number;
  /** Bytes of XML after inflating an .als or a DAWproject's project.xml (a gzip or ZIP bomb stops here). */
  maxInflatedBytes: number;
  /** XML element nesting depth. */
  maxXmlDepth: number;
  /** Length of one attribute value, text node or FLP event payload, in bytes. */
  maxValueBytes: number;
  /** Locators / markers / clips in one project. */
  maxMarkers: number;
  /** Tempo breakpoints in one project. */
  maxBreakpoints: number;
  /** Events in one FL Studio project. */
  maxFlpEvents: number;
  /** Entries in one ZIP archive (a DAWproject file). */
  maxZipEntries: number;
}

/** The defaults: generous for real sets, fatal for hostile ones. */
export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  maxFileBytes: 100 * 1024 * 1024,
  maxInflatedBytes: 1024 * 1024 * 1024,
  maxXmlDepth: 256,
  maxValueBytes: 16 * 1024 * 1024,
  maxMarkers: 100_000,
  maxBreakpoints: 2_000_000,
  maxFlpEvents: 20_000_000,
  maxZipEntries: 10_000,
});

/**
 * Merges caller overrides over the defaults; throws DawstampsError 'invalid-option' for a limit
 * that does not exist or is not a number above 0 (a NaN would turn the limit off unseen).
 */
export function resolveLimits(overrides?: Partial<Limits> | null): Limits {
  if (overrides === undefined || overrides === null) return { ...DEFAULT_LIMITS };
  if (typeof overrides !== 'object') throw new DawstampsError('invalid-option', 'The limits must be an object.');
  for (const [name, value] of Object.entries(overrides)) {
    if (!Object.hasOwn(DEFAULT_LIMITS, name)) throw new DawstampsError('invalid-option', `There is no limit "${echoValue(name)}"; the limits are ${Object.keys(DEFAULT_LIMITS).join(', ')}.`);
    if (value !== undefined && !(typeof value === 'number' && value > 0)) throw new DawstampsError('invalid-option', `The limit ${name} must be a number above 0; got "${echoValue(value)}".`);
  }
  return { ...DEFAULT_LIMITS, ...overrides };
}
