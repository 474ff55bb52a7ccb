/**
 * Where entries end, for the formats that print ends or lengths (Audacity, Audition, the report,
 * templates). timeProject gives every entry its `endSeconds` (the next entry's start, the clip's
 * or region's end, the set's end for the last); a result made by hand may lack them, and then the
 * same ends are derived here from what it has.
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

/** The set's length from the start (`result.durationSeconds`); null when unknown. */
export function setLength(result: Result): number | null {
  return result.durationSeconds !== null && Number.isFinite(result.durationSeconds) ? result.durationSeconds : null;
}

/** The warning for an entry whose end is unknown (the last one, when the set's end is not known). */
export function unknownEndWarning(entry: Entry, what: string): Warning {
  return {
    code: 'unknown-end',
    message: `Where "${entry.name}" (${clock(entry.seconds)}) ends is not known (the set's end is not), so ${what}.`,
  };
}
