/** The zod schemas that validate requests and generate /v1/openapi.json (one source for both). */
import { z } from '@hono/zod-openapi';
import { exportFormatIds } from '../../lib/exporters';

export const ErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
}).openapi('Error');

const Timing = z.enum(['auto', 'stepped', 'continuous']);
const BeforeStart = z.enum(['drop', 'negative']);
const Source = z.enum(['auto', 'locators', 'clips']);
const ClipAnchor = z.enum(['start', 'crossfade-middle']);

/** Conversion options in a JSON body (POST /v1/jobs). */
export const JobOptions = z.strictObject({
  start: z.union([z.string().max(500), z.number()]).optional().openapi({ description: 'Where 0:00 is: a beat, "zero", "song-start", "loop", "#N", "beat:X", "locator:NAME" or a locator name.' }),
  timing: Timing.optional(),
  beforeStart: BeforeStart.optional(),
  source: Source.optional(),
  arrangement: z.union([z.string().max(500), z.number().int()]).optional(),
  includeDisabledClips: z.boolean().optional(),
  includeMutedTracks: z.boolean().optional(),
  clipAnchor: ClipAnchor.optional(),
}).openapi('JobOptions');

export const CreateJobBody = z.strictObject({
  filename: z.string().min(1).max(1000).openapi({ example: 'mix.als' }),
  size: z.number().int().nonnegative().optional().openapi({ description: 'The file size in bytes; refused at once when over the limit.' }),
  options: JobOptions.optional(),
}).openapi('CreateJob');

export const JobCreated = z.object({
  jobId: z.string(),
  upload: z.object({ url: z.string(), fields: z.record(z.string(), z.string()) }),
  expiresAt: z.string(),
}).openapi('JobCreated');

export const JobIdParam = z.object({ jobId: z.string().openapi({ param: { name: 'jobId', in: 'path' }, example: '0123456789abcdef0123456789abcdef' }) });

export const JobStatusBody = z.object({
  jobId: z.string(),
  status: z.enum(['waiting-upload', 'processing', 'done', 'failed', 'expired']).openapi({ description: 'Every job ends done, failed or expired (no upload within its window).' }),
  fileName: z.string(),
  expiresAt: z.string().optional(),
  result: z.record(z.string(), z.unknown()).optional().openapi({ description: 'The result (docs/exports.md) when done.' }),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
}).openapi('JobStatus');

const flag = z.enum(['true', 'false', '1', '0']);

/** Conversion options as query parameters. */
export const ConvertQuery = z.object({
  start: z.string().max(500).optional(),
  timing: Timing.optional(),
  beforeStart: BeforeStart.optional(),
  source: Source.optional().openapi({ description: 'Where the tracklist comes from: "locators" (FL Studio: its markers), "clips" (arrangement audio clips), or "auto" (locators if there are any, else clips).' }),
  arrangement: z.string().max(500).optional(),
  includeDisabledClips: flag.optional().openapi({ description: 'Tracklists from clips: keep disabled clips (default false).' }),
  includeMutedTracks: flag.optional().openapi({ description: 'Tracklists from clips: keep clips on muted tracks (default false).' }),
  clipAnchor: ClipAnchor.optional().openapi({ description: 'Tracklists from clips: an entry sits at its clip start, or at the middle of the crossfade into it.' }),
});

/** Export options as query parameters. */
export const ExportQuery = z.object({
  precision: z.enum(['s', 'ms']).optional(),
  rounding: z.enum(['down', 'nearest', 'up']).optional(),
  fix: flag.optional(),
  cleanNames: flag.optional(),
  title: z.string().max(500).optional(),
  performer: z.string().max(500).optional(),
  audioFile: z.string().max(500).optional(),
});

export const FormatParam = z.object({
  jobId: JobIdParam.shape.jobId,
  format: z.string().openapi({ param: { name: 'format', in: 'path' }, example: 'youtube', description: `One of ${exportFormatIds.join(', ')}.` }),
});

export const SyncConvertQuery = ConvertQuery.extend(ExportQuery.shape).extend({
  format: z.string().optional().openapi({ description: 'Answer with this export instead of the result JSON.' }),
  filename: z.string().max(1000).optional().openapi({ description: 'The file name reported in the result.' }),
});

export const FormatsBody = z.object({
  inputs: z.array(z.object({ daw: z.string(), label: z.string(), extensions: z.array(z.string()) })),
  exports: z.array(z.object({ id: z.string(), label: z.string(), mediaType: z.string(), extension: z.string() })),
}).openapi('Formats');

export const ConfigBody = z.object({
  auth: z.enum(['none', 'bearer']),
  maxUploadBytes: z.number(),
  convertMaxBytes: z.number(),
  retention: z.object({ uploadsDays: z.number().nullable(), resultsDays: z.number().nullable() }).openapi({ description: 'How long uploads and results are kept (null: until deleted by hand).' }),
}).openapi('Config');
