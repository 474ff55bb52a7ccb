/** dawstamps: Ableton Live and FL Studio projects to exact, timestamped tracklists. */
export { convert, projectToResult } from './convert';
export { parseStart, type ConvertOptions, type StartSpec } from './options';
export { DawstampsError, isDawstampsError, type ErrorCode } from './errors';
export { DEFAULT_LIMITS, type Limits } from './limits';
export { listFormats, readers } from './readers';
export type { Inflate, InflateInput } from './readers/types';
export type { ConvertInput } from './input';
export type * from './model';
export {
  exporters,
  exportResult,
  exportFormats,
  exportFormatIds,
  isExportFormat,
  type ExportFormat,
  type ExportFormatInfo,
  type ExportOptions,
  type ExportedFile,
} from './exporters';
