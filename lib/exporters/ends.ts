/**
 * Where entries end, for the formats that print ends or lengths (Audacity, Audition, the report,
 * templates). lib/time.ts is to give every entry its `endSeconds` (the next entry's start, the
 * clip's end, the set's end for the last) and the result the set's length; until it does, the
 * same ends are derived here from what the result has, so these formats read the same before
 * and after.
 */
import type { Result, Warning } from '../model';
import { clock, type Entry } from './entries';

/**
 * Each entry's end: its own (`endSeconds`: clips, regions), else the next entry's start, else
 * the set's end; null when none is known or it lies before the entry's start.
 */
export function entryEnds(entries: readonly Entry[], durationSeconds: number | null): Array<number | null> {
  return entries.map((entry, i) => {
    const own = entry.endSeconds;
    const end = own !== undefined && Number.isFinite(own) ? own : (entries[i + 1]?.seconds ?? durationSeconds);
    return end !== null && end >= entry.seconds ? end : null;
  });
}

/** The set's length from the start: `result.durationSeconds`, else the last entry's own end; null when unknown. */
export function setLength(result: Result, entries: readonly Entry[]): number | null {
  if (result.durationSeconds !== null && Number.isFinite(result.durationSeconds)) return result.durationSeconds;
  const own = entries[entries.length - 1]?.endSeconds;
  return own !== undefined && Number.isFinite(own) ? own : null;
}

/** The warning for an entry whose end is unknown (the last one, when the set's end is not known). */
export function unknownEndWarning(entry: Entry, what: string): Warning {
  return {
    code: 'unknown-end',
    message: `Where "${entry.name}" (${clock(entry.seconds)}) ends is not known (the set's end is not), so ${what}.`,
  };
}
