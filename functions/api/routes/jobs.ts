/** POST /v1/jobs, GET /v1/jobs/:jobId, GET /v1/jobs/:jobId/export/:format. */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { convert, exportResult, type Result } from '../../../lib/index';
import { isExportFormat } from '../../../lib/exporters';
import { echoValue } from '../../../lib/errors';
import { HttpError } from '../../http-error';
import { contentDisposition, downloadBaseName, isJobId, type JobService } from '../../jobs';
import type { AppDeps } from '../deps';
import { convertOptionsFrom, exportOptionsFrom, sameOptions } from '../query-options';
import { ConvertQuery, CreateJobBody, ErrorBody, ExportQuery, FormatParam, JobCreated, JobIdParam, JobStatusBody } from '../schemas';
import { z } from '@hono/zod-openapi';

const errors = (...codes: number[]) => Object.fromEntries(codes.map((code) => [code, {
  description: 'An error', content: { 'application/json': { schema: ErrorBody } },
}]));

const checkId = (jobId: string): string => {
  if (!isJobId(jobId)) throw new HttpError(400, 'invalid-job-id', 'A job id is 32 lowercase hex digits.');
  return jobId;
};

const createJob = createRoute({
  method: 'post', path: '/v1/jobs', tags: ['jobs'],
  summary: 'Create a job and get a presigned upload form',
  request: { body: { required: true, content: { 'application/json': { schema: CreateJobBody } } } },
  responses: { 201: { description: 'Created', content: { 'application/json': { schema: JobCreated } } }, ...errors(400, 401, 413) },
});

const getJob = createRoute({
  method: 'get', path: '/v1/jobs/{jobId}', tags: ['jobs'],
  summary: 'The job status, with the result when done',
  request: { params: JobIdParam },
  responses: { 200: { description: 'The job', content: { 'application/json': { schema: JobStatusBody } } }, ...errors(400, 401, 404) },
});

const exportJob = createRoute({
  method: 'get', path: '/v1/jobs/{jobId}/export/{format}', tags: ['jobs'],
  summary: 'The job\'s tracklist in an export format',
  request: { params: FormatParam, query: ConvertQuery.extend(ExportQuery.shape).extend({ as: z.enum(['file', 'json']).optional() }) },
  responses: {
    200: { description: 'The export (or, with as=json, { text, warnings, fileName, mediaType })', content: { 'text/plain': { schema: z.string() } } },
    ...errors(400, 401, 404, 409, 410, 422),
  },
});

/** Adds the job routes. */
export function jobRoutes(app: OpenAPIHono, jobs: JobService, deps: AppDeps): void {
  app.openapi(createJob, async (c) => {
    const body = c.req.valid('json');
    const created = await jobs.create(body, new URL(c.req.url).origin);
    return c.json(created, 201);
  });

  app.openapi(getJob, async (c) => {
    const jobId = checkId(c.req.valid('param').jobId);
    const status = await jobs.status(jobId);
    if (!status) throw new HttpError(404, 'job-not-found', 'There is no job with this id (or it has expired).');
    return c.json(status as z.infer<typeof JobStatusBody>, 200);
  });

  app.openapi(exportJob, (async (c: any) => {
    const { jobId: rawId, format } = c.req.valid('param') as z.infer<typeof FormatParam>;
    const jobId = checkId(rawId);
    if (!isExportFormat(format)) throw new HttpError(400, 'invalid-option', `Unknown export format "${echoValue(format)}".`);
    const query = c.req.valid('query') as Record<string, string | undefined>;
    const outcome = await jobs.outcome(jobId);
    if (!outcome) {
      const status = await jobs.status(jobId);
      if (!status) throw new HttpError(404, 'job-not-found', 'There is no job with this id (or it has expired).');
      if (status.status === 'failed' && status.error) throw new HttpError(422, status.error.code, status.error.message);
      throw new HttpError(409, 'job-not-ready', `The job is ${status.status}; export it once it is done.`);
    }
    if (outcome.status === 'failed') throw new HttpError(422, outcome.error.code, outcome.error.message);
    const wanted = { ...outcome.options, ...convertOptionsFrom(query) };
    let result: Result = outcome.result;
    if (!sameOptions(wanted, outcome.options)) {
      // Other conversion options: run the converter again on the stored upload.
      const bytes = await jobs.upload(jobId, outcome.fileName);
      if (!bytes) throw new HttpError(410, 'upload-expired', 'The upload has expired; only the original options can be exported now.');
      result = await convert(bytes, { ...wanted, fileName: outcome.fileName, limits: { maxFileBytes: deps.config.maxUploadBytes }, ...(deps.inflate ? { inflate: deps.inflate } : {}) });
    }
    const file = exportResult(result, format, exportOptionsFrom(query));
    const fileName = `${downloadBaseName(outcome.fileName)}.${file.extension}`;
    c.header('Cache-Control', 'no-store');
    if (query.as === 'json') return c.json({ text: file.text, warnings: file.warnings, fileName, mediaType: file.mediaType }, 200);
    c.header('Content-Type', file.mediaType);
    c.header('Content-Disposition', contentDisposition(fileName));
    return c.body(file.text, 200);
  }) as never);
}
