/** The one registry of export formats; every list of formats (CLI, API, page) is derived from it. */
import { DawstampsError } from '../errors';
import type { Result } from '../model';
import { audacity } from './audacity';
import { csv } from './csv';
import { cue } from './cue';
import { ffmetadata } from './ffmetadata';
import { json } from './json';
import { mixcloud } from './mixcloud';
import { podcast } from './podcast';
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

/** Exports a result in a format; throws DawstampsError 'invalid-option' for an unknown format. */
export function exportResult(result: Result, format: string, options: ExportOptions = {}): ExportedFile {
  if (!isExportFormat(format)) {
    const known = Object.keys(exporters).join(', ');
    throw new DawstampsError('invalid-option', `Unknown export format "${format}". Use one of: ${known}.`);
  }
  const exporter: Exporter = exporters[format];
  const { text, warnings } = exporter.export(result, options);
  return { text, warnings, mediaType: exporter.mediaType, extension: exporter.extension };
}
