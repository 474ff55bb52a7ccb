/** The zod schemas that validate requests and generate /v1/openapi.json (one source for both). */
import { z } from '@hono/zod-openapi';
import { exportFormatIds, exportFormats } from '../../lib/exporters';
import { OPTION_SPECS, type OptionSpec, type OptionStage } from '../../lib/option-table';
import { ResultSchema, WarningSchema } from '../../lib/result-schema';

/**
 * lib's result schema (lib's Result type is inferred from it), named for the OpenAPI document. zod
 * gives a schema its methods when it is made, so lib's (made before this module extended zod with
 * `.openapi`) is wrapped, field by field, in one that has them.
 */
export const ResultBody = z.object(ResultSchema.shape).openapi('Result', { description: ResultSchema.description });

export const ErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
}).openapi('Error');

/** A JSON-body schema (POST /v1/jobs) of one option of lib's table. */
function jsonSchema(spec: OptionSpec): z.ZodType {
  const described = <T extends z.ZodType>(schema: T): T => schema.openapi({ description: spec.description }) as T;
  switch (spec.type) {
    case 'choice': return described(z.enum(spec.values as [string, ...string[]]));
    case 'flag': return described(z.boolean());
    case 'text': return described(z.string().max(spec.maxLength));
    case 'start': return described(z.union([z.string().max(spec.maxLength), z.number()]));
    case 'arrangement': return described(z.union([z.string().max(spec.maxLength), z.number().int()]));
  }
}

/** A query-parameter schema of one option of lib's table (values are checked again by lib, with its sentence). */
function querySchema(spec: OptionSpec): z.ZodType {
  const described = <T extends z.ZodType>(schema: T): T => schema.openapi({ description: spec.description }) as T;
  switch (spec.type) {
    case 'choice': return described(z.enum(spec.values as [string, ...string[]]));
    case 'flag': return described(z.enum(['true', 'false', '1', '0']));
    default: return described(z.string().max(spec.maxLength));
  }
}

const specsOf = (stage: OptionStage): OptionSpec[] => (OPTION_SPECS as readonly OptionSpec[]).filter((s) => s.stage === stage);
const shape = (stage: OptionStage, schema: (spec: OptionSpec) => z.ZodType) =>
  Object.fromEntries(specsOf(stage).map((spec) => [spec.name, schema(spec).optional()]));

/** Conversion options in a JSON body (POST /v1/jobs): lib's time options. */
export const JobOptions = z.strictObject(shape('time', jsonSchema)).openapi('JobOptions');

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
  result: ResultBody.optional().openapi({ description: 'The result when done (its tempo.points with include=tempo).' }),
  error: z.object({ code: z.string(), message: z.string() }).optional().openapi({
    description: 'failed: why the file could not be read. done without result: why the job\'s own options do not apply to this file (say, a start marker it does not have); the project is stored, and exports with other options work.',
  }),
}).openapi('JobStatus');

/** Conversion options as query parameters (lib's time options). */
export const ConvertQuery = z.object(shape('time', querySchema));

/** Export options as query parameters (lib's export options). */
export const ExportQuery = z.object(shape('export', querySchema));

export const FormatParam = z.object({
  jobId: JobIdParam.shape.jobId,
  format: z.string().openapi({ param: { name: 'format', in: 'path' }, example: 'youtube', description: `One of ${exportFormatIds.join(', ')}.` }),
});

export const SyncConvertQuery = z.strictObject({ ...ConvertQuery.shape, ...ExportQuery.shape,
  format: z.string().optional().openapi({ description: 'Answer with this export instead of the result JSON.' }),
  filename: z.string().max(1000).optional().openapi({ description: 'The file name reported in the result.' }),
});

/** An export in JSON (as=json): for previews. */
export const ExportPreviewBody = z.object({
  text: z.string(),
  warnings: z.array(WarningSchema),
  fileName: z.string().openapi({ description: 'The download name: the project\'s name with the format\'s ending.' }),
  mediaType: z.string(),
}).openapi('ExportPreview');

/**
 * Each export format's media type (without parameters) → a text body: the 200 content of an
 * export, listed from the registry. Typed by one of them: a route with a non-JSON media type may
 * answer with any Response (the handler sets the format's own Content-Type).
 */
export const exportContent = Object.fromEntries(
  [...new Set(exportFormats.map((f) => f.mediaType.split(';')[0]!.trim()))].map((type) => [type, { schema: z.string().openapi({ description: `The export as ${type}.` }) }]),
) as Record<'text/csv', { schema: z.ZodString }>;

/** The local upload endpoint's multipart form: the signed fields of POST /v1/jobs, then the file. */
export const UploadForm = z.object({
  key: z.string(),
  'Content-Type': z.string(),
  Policy: z.string(),
  'X-Amz-Algorithm': z.string(),
  'X-Amz-Signature': z.string(),
  file: z.string().openapi({ format: 'binary' }),
}).openapi('UploadForm');

export const FormatsBody = z.object({
  inputs: z.array(z.object({ daw: z.string(), label: z.string(), extensions: z.array(z.string()) })),
  exports: z.array(z.object({ id: z.string(), label: z.string(), mediaType: z.string(), extension: z.string() })),
}).openapi('Formats');

export const ConfigBody = z.object({
  auth: z.enum(['none', 'bearer']),
  maxUploadBytes: z.number(),
  convertMaxBytes: z.number(),
  retention: z.object({
    uploads: z.enum(['deleted-once-read']).openapi({ description: 'The worker deletes each uploaded project file as soon as it has read it (parsed or not): only the parsed project and the result are kept.' }),
    uploadsDays: z.number().nullable().openapi({ description: 'The backstop: an upload that is never read (no worker got to it) is deleted after this many days (null: by hand).' }),
    resultsDays: z.number().nullable().openapi({ description: 'How long a result and its stored project (what a job link opens) are kept (null: until deleted by hand).' }),
  }).openapi({ description: 'What happens to an upload, and how long results are kept.' }),
}).openapi('Config');
