/**
 * Adobe Audition markers: the tab-separated file Audition's Markers panel exports and imports
 * (`.csv` by name): a header `Name Start Duration Time Format Type Description`, then one `Cue`
 * marker a row with `m:ss.mmm` times (`h:mm:ss.mmm` from an hour on) in the `decimal` time format.
 * Each entry is a range marker up to its end (its clip's end, the next entry, the set's end); a
 * point marker (duration 0:00.000) when its end is not known. Lines end in CRLF.
 */
import { formatClockUnits, toUnits } from '../text';
import { entryEnds, unknownEndWarning } from './ends';
import { clampToStart, toEntries } from './entries';
import type { Exporter } from './types';

export const AUDITION_HEADER = ['Name', 'Start', 'Duration', 'Time Format', 'Type', 'Description'] as const;

/** Milliseconds as Audition writes them in the decimal time format: `m:ss.mmm`, `h:mm:ss.mmm` from an hour on. */
export function auditionTime(ms: number): string {
  return formatClockUnits(ms, 1000, { hours: ms >= 3_600_000 });
}

export const audition: Exporter = {
  id: 'audition',
  label: 'Adobe Audition markers',
  mediaType: 'text/tab-separated-values; charset=utf-8',
  extension: 'audition.csv',
  export(result, options) {
    const { entries, warnings } = clampToStart(toEntries(result, options));
    const ends = entryEnds(entries, result.durationSeconds);
    const rows = entries.map((entry, i) => {
      const start = toUnits(entry.seconds, 1000, 'nearest');
      const end = ends[i];
      // ends rounded the same way, so a range ends exactly where the next one starts
      const duration = end === null || end === undefined ? 0 : Math.max(0, toUnits(end, 1000, 'nearest') - start);
      // names are already one line without tabs (sanitizeName)
      return [entry.name, auditionTime(start), auditionTime(duration), 'decimal', 'Cue', ''];
    });
    const open = entries.find((_, i) => ends[i] === null);
    if (open) warnings.push(unknownEndWarning(open, 'it is a point marker (duration 0:00.000)'));
    const text = [[...AUDITION_HEADER], ...rows].map((row) => `${row.join('\t')}\r\n`).join('');
    return { text, warnings };
  },
};
