/** Start and end times for formats that need them (CUE frames, chapter milliseconds). */
import type { Warning } from '../model';
import { toUnits, type Rounding } from '../text';
import { clock, type Entry } from './entries';

/**
 * Rounds each entry's time to whole units and keeps them strictly increasing: an entry that
 * would land on (or before) the previous one moves one unit later, with a warning.
 */
export function increasingUnits(entries: readonly Entry[], perSecond: number, rounding: Rounding, unitName: string): { units: number[]; warnings: Warning[] } {
  const units: number[] = [];
  const warnings: Warning[] = [];
  entries.forEach((entry, i) => {
    const own = toUnits(entry.seconds, perSecond, rounding);
    const prev = units[i - 1];
    if (prev !== undefined && own <= prev) {
      units.push(prev + 1);
      const other = entries[i - 1]!;
      warnings.push({
        code: 'same-time',
        message: `"${entry.name}" (${clock(entry.seconds)}) falls on the same ${unitName} as "${other.name}"; moved ${prev + 1 - own} ${unitName}${prev + 1 - own === 1 ? '' : 's'} later.`,
      });
    } else {
      units.push(own);
    }
  });
  return { units, warnings };
}

export interface Span {
  entry: Entry;
  start: number;
  end: number;
}

/**
 * Chapters in units: each ends where the next starts; the last ends at the set's end when known,
 * otherwise one second after it starts, which a warning says.
 */
export function chapterSpans(entries: readonly Entry[], durationSeconds: number | null, perSecond: number): { spans: Span[]; warnings: Warning[] } {
  const { units, warnings } = increasingUnits(entries, perSecond, 'nearest', perSecond === 1000 ? 'millisecond' : 'unit');
  const spans = entries.map((entry, i): Span => ({ entry, start: units[i]!, end: units[i + 1] ?? 0 }));
  const last = spans[spans.length - 1];
  if (last) {
    const end = durationSeconds === null ? null : toUnits(durationSeconds, perSecond, 'nearest');
    if (end !== null && end > last.start) {
      last.end = end;
    } else {
      last.end = last.start + perSecond;
      const why = end === null
        ? 'the end of the set is not known'
        : end === last.start
          ? `the set ends where it starts, at ${clock(durationSeconds!)}, and a chapter cannot last no time`
          : `the set ends at ${clock(durationSeconds!)}, before it starts`;
      warnings.push({ code: 'unknown-end', message: `The last chapter "${last.entry.name}" ends 1 s after it starts: ${why}.` });
    }
  }
  return { spans, warnings };
}
