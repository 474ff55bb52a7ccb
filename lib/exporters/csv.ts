/** CSV (RFC 4180): a stable header, CRLF lines, quoting where needed, no spreadsheet formulas. */
import { defaultRounding, fixedSeconds, formatClock, needsHours, toUnits } from '../text';
import { toEntries } from './entries';
import type { Exporter } from './types';

export const CSV_HEADER = ['index', 'start_seconds', 'start', 'bar', 'name'] as const;

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;

/**
 * One CSV field: a text that a spreadsheet would run as a formula (starts with = + - @ tab or CR)
 * gets a leading apostrophe (plain numbers stay numbers); fields with a comma, quote or line
 * break are quoted, quotes doubled.
 */
export function csvField(value: string): string {
  const safe = FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export const csv: Exporter = {
  id: 'csv',
  label: 'CSV spreadsheet',
  mediaType: 'text/csv; charset=utf-8; header=present',
  extension: 'csv',
  export(result, options) {
    const { entries, warnings } = toEntries(result, options);
    const precision = options.precision ?? 's';
    const rounding = options.rounding ?? defaultRounding(precision);
    const hours = needsHours(entries.map((e) => e.seconds), precision, rounding);
    const rows = entries.map((e) => [
      String(e.number),
      fixedSeconds(toUnits(e.seconds, 1000, 'nearest') / 1000, 3),
      formatClock(e.seconds, { precision, rounding, hours, padMinutes: true }),
      e.position,
      e.name,
    ]);
    const text = [[...CSV_HEADER], ...rows].map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
    return { text, warnings };
  },
};
