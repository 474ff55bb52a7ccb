/** dawstamps: DAW projects (Ableton Live, FL Studio, DAWproject, Reaper) to exact, timestamped tracklists. */
export { convert } from './convert';
export { parseProject } from './parse';
export { timeProject } from './time-project';
export { projectFromJson, projectToJson, PROJECT_FORMAT, PROJECT_SCHEMA, type ProjectJson } from './project-json';
export { parseStart, type ConvertOptions, type ParseOptions, type TimeOptions, type StartSpec } from './options';
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
