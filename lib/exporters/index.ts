/** The one registry of export formats; every list of formats (CLI, API, page) is derived from it. */
import { DawstampsError, echoValue } from '../errors';
import { checkOptionsObject } from '../option-table';
import type { Result, Warning } from '../model';
import { audacity } from './audacity';
import { audition } from './audition';
import { csv } from './csv';
import { cue } from './cue';
import { emptyTracklistError } from './empty';
import { ffmetadata } from './ffmetadata';
import { json } from './json';
import { mixcloud } from './mixcloud';
import { podcast } from './podcast';
import { report, reportJson } from './report';
import { template } from './template';
import { text } from './text';
import { webvtt } from './webvtt';
import { youtube } from './youtube';
import type { ExportedFile, Exporter, ExportOptions } from './types';

export type { Entry } from './entries';
export type { ExportedFile, Exporter, ExportOptions, ExportOutput } from './types';

/** Every exporter, by id. The order is the order formats are offered in. */
export const exporters = {
  text,
  youtube,
  cue,
  csv,
  json,
  audacity,
  webvtt,
  ffmetadata,
  podcast,
  mixcloud,
  template,
  report,
  'report-json': reportJson,
  audition,
} as const satisfies Record<string, Exporter>;

export type ExportFormat = keyof typeof exporters;

/** A format as listings show it. */
export interface ExportFormatInfo {
  id: ExportFormat;
  label: string;
  mediaType: string;
  extension: string;
}

/** The formats for listings (CLI help, API, page): id, label, media type and file extension. */
export const exportFormats: ExportFormatInfo[] = Object.values(exporters).map(({ id, label, mediaType, extension }) => ({
  id: id as ExportFormat,
  label,
  mediaType,
  extension,
}));

/** The format ids as a non-empty tuple (for `z.enum(exportFormatIds)` and the like). */
export const exportFormatIds = Object.keys(exporters) as [ExportFormat, ...ExportFormat[]];

/** True when `id` names an export format. */
export function isExportFormat(id: unknown): id is ExportFormat {
  return typeof id === 'string' && Object.hasOwn(exporters, id);
}

/** Warnings of one code shown before the rest are summed up in one line. */
export const MAX_WARNINGS_PER_CODE = 20;

/** Keeps the first MAX_WARNINGS_PER_CODE warnings of each code and counts the rest in one more. */
export function capWarnings(warnings: Warning[]): Warning[] {
  const seen = new Map<string, number>();
  const out: Warning[] = [];
  for (const w of warnings) {
    const n = (seen.get(w.code) ?? 0) + 1;
    seen.set(w.code, n);
    if (n <= MAX_WARNINGS_PER_CODE) out.push(w);
  }
  for (const [code, n] of seen) {
    if (n > MAX_WARNINGS_PER_CODE) out.push({ code, message: `…and ${n - MAX_WARNINGS_PER_CODE} more like the above.` });
  }
  return out;
}

/** Throws DawstampsError 'invalid-option' for an option (or a value) the exporters do not know. */
export function checkExportOptions(options: ExportOptions | null | undefined): void {
  checkOptionsObject('export', options);
}

/**
 * Exports a result in a format. Throws DawstampsError 'invalid-option' for an unknown format or
 * option, and 'empty-tracklist' for a result without entries (JSON still returns it).
 */
export function exportResult(result: Result, format: string, given: ExportOptions | null = {}): ExportedFile {
  if (!isExportFormat(format)) {
    const known = Object.keys(exporters).join(', ');
    throw new DawstampsError('invalid-option', `Unknown export format "${echoValue(format)}". Use one of: ${known}.`);
  }
  checkExportOptions(given);
  const options = given ?? {};
  if (format !== 'json' && result.markers.length === 0) throw emptyTracklistError(result);
  const exporter: Exporter = exporters[format];
  const { text, warnings } = exporter.export(result, options);
  return { text, warnings: capWarnings(warnings), mediaType: exporter.mediaType, extension: exporter.extension };
}
