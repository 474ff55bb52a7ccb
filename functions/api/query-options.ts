/** Query parameters → converter and exporter options (the schemas have checked the enums). */
import type { ExportOptions } from '../../lib/index';
import type { JobOptions } from '../jobs';

type Query = Partial<Record<string, string>>;

/** Conversion options named in a query; only the ones present. */
export function convertOptionsFrom(query: Query): JobOptions {
  const out: JobOptions = {};
  if (query.start !== undefined) out.start = query.start;
  if (query.timing !== undefined) out.timing = query.timing as JobOptions['timing'];
  if (query.beforeStart !== undefined) out.beforeStart = query.beforeStart as JobOptions['beforeStart'];
  if (query.source !== undefined) out.source = query.source as JobOptions['source'];
  if (query.arrangement !== undefined) {
    out.arrangement = /^\d{1,6}$/.test(query.arrangement) ? Number(query.arrangement) : query.arrangement;
  }
  if (query.includeDisabledClips !== undefined) out.includeDisabledClips = truthy(query.includeDisabledClips);
  if (query.includeMutedTracks !== undefined) out.includeMutedTracks = truthy(query.includeMutedTracks);
  if (query.clipAnchor !== undefined) out.clipAnchor = query.clipAnchor as JobOptions['clipAnchor'];
  return out;
}

function truthy(v: string): boolean {
  return v === 'true' || v === '1';
}

/** Export options named in a query. */
export function exportOptionsFrom(query: Query): ExportOptions {
  const out: ExportOptions = {};
  if (query.precision !== undefined) out.precision = query.precision as ExportOptions['precision'];
  if (query.rounding !== undefined) out.rounding = query.rounding as ExportOptions['rounding'];
  if (query.fix !== undefined) out.fix = truthy(query.fix);
  if (query.cleanNames !== undefined) out.cleanNames = truthy(query.cleanNames);
  if (query.title !== undefined) out.title = query.title;
  if (query.performer !== undefined) out.performer = query.performer;
  if (query.audioFile !== undefined) out.audioFile = query.audioFile;
  return out;
}
