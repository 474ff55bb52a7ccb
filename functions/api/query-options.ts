/** Query parameters → converter and exporter options, through lib's option table (its checks, its sentences). */
import type { ExportOptions, TimeOptions } from '../../lib/index';
import { optionsFromText } from '../../lib/option-table';

type Query = Readonly<Record<string, string | undefined>>;

/** Time options named in a query; only the ones present. Throws DawstampsError 'invalid-option'. */
export function convertOptionsFrom(query: Query): TimeOptions {
  return optionsFromText(query).time as TimeOptions;
}

/** Export options named in a query. Throws DawstampsError 'invalid-option'. */
export function exportOptionsFrom(query: Query): ExportOptions {
  return optionsFromText(query).export as ExportOptions;
}
