/**
 * A tracklist in the caller's own shape: the `template` option, one line an entry (template-parse
 * for its placeholders and styles). Like the text format it keeps negative times.
 */
import { DawstampsError } from '../errors';
import type { Warning } from '../model';
import { defaultRounding, fixedSeconds, formatClockUnits, needsHours, someOf, splitArtistTitle, toUnits, type Precision, type Rounding } from '../text';
import { entryEnds, unknownEndWarning } from './ends';
import { plural, toEntries, type Entry } from './entries';
import { parseTemplate, TEMPLATE_EXAMPLE, type TemplatePart, type TimeField, type TimeStyle } from './template-parse';
import type { Exporter, ExportOptions } from './types';

interface Row {
  entry: Entry;
  artist: string | null;
  title: string;
  times: Record<TimeField, number | null>;
}

/** Writes one time in a style; `hours` is the list-wide choice for `auto`. */
function formatTime(seconds: number, style: TimeStyle, options: ExportOptions, hours: boolean): string {
  if (style.kind === 'seconds') return fixedSeconds(toUnits(seconds, 1000, options.rounding ?? 'nearest') / 1000, 3);
  const { precision, rounding } = clockPrecision(style, options);
  const perSecond = precision === 'ms' ? 1000 : 1;
  const units = toUnits(seconds, perSecond, rounding);
  const showHours = style.hours === 'always' || (style.hours === 'auto' && hours);
  return formatClockUnits(units, perSecond, { hours: showHours, padHours: style.padHours, padMinutes: style.padMinutes });
}

function clockPrecision(style: TimeStyle & { kind: 'clock' }, options: ExportOptions): { precision: Precision; rounding: Rounding } {
  const precision: Precision = style.ms === 'always' ? 'ms' : style.ms === 'never' ? 's' : (options.precision ?? 's');
  return { precision, rounding: options.rounding ?? defaultRounding(precision) };
}

/** For `auto` clocks: whether any value of this field reaches an hour (every line then shows hours). */
function autoHours(rows: readonly Row[], field: TimeField, style: TimeStyle, options: ExportOptions): boolean {
  if (style.kind !== 'clock' || style.hours !== 'auto') return false;
  const { precision, rounding } = clockPrecision(style, options);
  return needsHours(rows.flatMap((r) => (r.times[field] === null ? [] : [r.times[field]!])), precision, rounding);
}

function render(part: TemplatePart, row: Row, i: number, options: ExportOptions, hours: Map<TemplatePart, boolean>): string {
  switch (part.kind) {
    case 'text':
      return part.text;
    case 'index':
      return String(i + 1).padStart(part.width, part.fill);
    case 'text-field':
      if (part.field === 'name') return row.entry.name;
      if (part.field === 'artist') return row.artist ?? '';
      if (part.field === 'title') return row.title;
      if (part.field === 'bar') return row.entry.position;
      return row.entry.isrc ?? '';
    case 'time': {
      const value = row.times[part.field];
      return value === null ? '' : formatTime(value, part.style, options, hours.get(part) ?? false);
    }
  }
}

export const template: Exporter = {
  id: 'template',
  label: 'Your own template',
  mediaType: 'text/plain; charset=utf-8',
  extension: 'txt',
  export(result, options) {
    if (options.template === undefined || options.template.trim() === '') {
      throw new DawstampsError('invalid-option', `The template format needs a template, such as ${TEMPLATE_EXAMPLE} (CLI: --template, API: template=).`);
    }
    const parts = parseTemplate(options.template);
    const { entries, warnings } = toEntries(result, options);
    const ends = entryEnds(entries, result.durationSeconds);
    const rows = entries.map((entry, i): Row => {
      const { artist, title } = splitArtistTitle(entry.name);
      const end = ends[i] ?? null;
      return { entry, artist, title, times: { start: entry.seconds, end, duration: end === null ? null : end - entry.seconds } };
    });
    const hours = new Map<TemplatePart, boolean>();
    for (const part of parts) if (part.kind === 'time') hours.set(part, autoHours(rows, part.field, part.style, options));
    const text = rows.map((row, i) => `${parts.map((part) => render(part, row, i, options, hours)).join('')}\n`).join('');
    warnings.push(...templateWarnings(parts, rows));
    return { text, warnings };
  },
};

/** What the template prints empty: ends nobody knows, artists of names without "Artist - Title". */
function templateWarnings(parts: readonly TemplatePart[], rows: readonly Row[]): Warning[] {
  const warnings: Warning[] = [];
  const uses = (field: string): boolean => parts.some((p) => (p.kind === 'time' || p.kind === 'text-field') && p.field === field);
  const open = rows.find((r) => r.times.end === null);
  if (open && (uses('end') || uses('duration'))) warnings.push(unknownEndWarning(open.entry, '{end} and {duration} are empty for it'));
  const noArtist = rows.filter((r) => r.artist === null);
  if (noArtist.length > 0 && uses('artist')) {
    const names = someOf(noArtist.map((r) => `"${r.entry.name}"`), 5);
    warnings.push({
      code: 'template-no-artist',
      message: `${plural(noArtist.length, 'entry has', 'entries have')} no "Artist - Title" name, so {artist} is empty for ${noArtist.length === 1 ? 'it' : 'them'}: ${names}.`,
    });
  }
  return warnings;
}
