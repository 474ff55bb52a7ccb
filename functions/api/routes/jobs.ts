/** POST /v1/jobs, GET /v1/jobs/{jobId}, …/project, …/export/{format}. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { exportResult, projectToJson, timeProject, type Project } from '../../../lib/index';
import { isExportFormat } from '../../../lib/exporters';
import { echoValue } from '../../../lib/errors';
import { HttpError } from '../../http-error';
import { contentDisposition, downloadBaseName, isJobId, type JobOutcome, type JobService } from '../../jobs';
import { convertOptionsFrom, exportOptionsFrom } from '../query-options';
import { checkFits, deliveryOf, responseTooLarge } from '../response-limit';
import { LicensingReportBody, MixcloudSectionsBody, PodcastChaptersBody } from '../export-schemas';
import { errorResponses, type Security } from '../responses';
import { ConvertQuery, CreateJobBody, ExportPreviewBody, ExportQuery, FormatParam, JobCreated, JobIdParam, JobStatusBody, ResultBody, exportContent } from '../schemas';
import { setWarningsHeader, WARNINGS_HEADER } from '../warnings-header';

const checkId = (jobId: string): string => {
  if (!isJobId(jobId)) throw new HttpError(400, 'invalid-job-id', 'A job id is 32 lowercase hex digits.');
  return jobId;
};

const warningsHeader = { [WARNINGS_HEADER]: { description: 'The codes of the result\'s and the export\'s warnings, comma-separated (absent when there are none).', schema: { type: 'string' as const } } };

/** The job routes' definitions; `security` is the bearer scheme when the API needs a token. */
function routes(security: Security) {
  return {
    createJob: createRoute({
      method: 'post', path: '/v1/jobs', tags: ['jobs'], operationId: 'createJob', security,
      summary: 'Create a job and get a presigned upload form (POST its fields, then the file, to upload.url within the expiry)',
      request: { body: { required: true, content: { 'application/json': { schema: CreateJobBody } } } },
      responses: { 201: { description: 'Created', content: { 'application/json': { schema: JobCreated } } }, ...errorResponses(400, 401, 413, 415, 422) },
    }),
    getJob: createRoute({
      method: 'get', path: '/v1/jobs/{jobId}', tags: ['jobs'], operationId: 'getJob', security,
      summary: 'The job status, with the result when done (its tempo breakpoints with include=tempo)',
      request: { params: JobIdParam, query: z.strictObject({ include: z.enum(['tempo']).optional().openapi({ description: 'tempo: add result.tempo.points (a set may hold 100,000 breakpoints; over the API\'s response limit this is 413, and GET …/project has them).' }) }) },
      responses: { 200: { description: 'The job', content: { 'application/json': { schema: JobStatusBody } } }, ...errorResponses(400, 401, 404, 410, 413, 500) },
    }),
    getProject: createRoute({
      method: 'get', path: '/v1/jobs/{jobId}/project', tags: ['jobs'], operationId: 'getJobProject', security,
      summary: 'The job\'s stored project (the parsed file, lib\'s versioned project document): time and export it anywhere',
      request: { params: JobIdParam, query: z.strictObject({}) },
      responses: {
        200: { description: 'The project document (lib\'s projectFromJson reads it)', content: { 'application/json': { schema: z.record(z.string(), z.unknown()).openapi('ProjectDocument') } } },
        303: { description: 'A project over the API\'s response limit (on AWS): the Location is a presigned GET of the stored document, valid 5 minutes', headers: { Location: { schema: { type: 'string' as const } } } },
        ...errorResponses(400, 401, 404, 409, 410, 413, 422),
      },
    }),
    exportJob: createRoute({
      method: 'get', path: '/v1/jobs/{jobId}/export/{format}', tags: ['jobs'], operationId: 'exportJob', security,
      summary: 'The job\'s tracklist in an export format, timed from its stored project with any options',
      request: { params: FormatParam, query: z.strictObject({ ...ConvertQuery.shape, ...ExportQuery.shape, as: z.enum(['file', 'json']).optional().openapi({ description: 'json: { text, warnings, fileName, mediaType } instead of the file.' }) }) },
      responses: {
        200: {
          description: 'The export as a download, in its format\'s media type (the json formats: application/json; with as=json: an ExportPreview)',
          headers: warningsHeader,
          content: { ...exportContent, 'application/json+chapters': { schema: PodcastChaptersBody }, 'application/json': { schema: z.union([ExportPreviewBody, ResultBody, LicensingReportBody, MixcloudSectionsBody]) } },
        },
        ...errorResponses(400, 401, 404, 409, 410, 413, 422),
      },
    }),
  };
}

type DoneOutcome = Extract<JobOutcome, { status: 'done' }>;

/** The job's outcome once it is done; the HTTP error that says why not otherwise. */
async function doneJob(jobs: JobService, jobId: string): Promise<DoneOutcome> {
  const outcome = await jobs.outcome(jobId);
  if (outcome?.status === 'done') return outcome;
  if (outcome?.status === 'failed') throw new HttpError(422, outcome.error.code, outcome.error.message);
  const status = await jobs.status(jobId);
  if (!status) throw new HttpError(404, 'job-not-found', 'There is no job with this id (or it has expired).');
  if (status.status === 'failed' && status.error) throw new HttpError(422, status.error.code, status.error.message);
  if (status.status === 'expired') throw new HttpError(410, 'upload-expired', 'No file was uploaded to this job in time, so it has nothing to export; create a new job.');
  throw new HttpError(409, 'job-not-ready', `The job is ${status.status}; export it once it is done.`);
}

/** The stored project of a done job; 410 once it has been deleted (results are kept 7 days). */
async function storedProject(jobs: JobService, done: DoneOutcome): Promise<Project> {
  const project = await jobs.project(done);
  if (!project) throw projectGone();
  return project;
}

const projectGone = (): HttpError => new HttpError(410, 'project-expired', 'This job\'s project is no longer kept; upload the file again.');

/** How long a link to a stored project is valid. */
const LINK_SECONDS = 300;

/** Adds the job routes; bodies over `maxResponseBytes` (null: none) are linked to or refused (response-limit.ts). */
export function jobRoutes(app: OpenAPIHono, jobs: JobService, security: Security, maxResponseBytes: number | null): void {
  const r = routes(security);
  app.openapi(r.createJob, async (c) => {
    const created = await jobs.create(c.req.valid('json'), new URL(c.req.url).origin);
    return c.json(created, 201);
  });

  app.openapi(r.getJob, async (c) => {
    const jobId = checkId(c.req.valid('param').jobId);
    const { include } = c.req.valid('query');
    const status = await jobs.status(jobId);
    if (!status) throw new HttpError(404, 'job-not-found', 'There is no job with this id (or it has expired).');
    // the result again with its breakpoints (not when the job's own options do not apply: no result)
    if (include === 'tempo' && status.status === 'done' && status.result) {
      const done = await doneJob(jobs, jobId);
      status.result = timeProject(await storedProject(jobs, done), { ...done.options, fileName: done.fileName });
      const points = status.result.tempo.points?.length ?? 0;
      checkFits(JSON.stringify(status), maxResponseBytes, `The result with its ${points} tempo breakpoints`, `GET /v1/jobs/${jobId}/project has them (the stored project), or ask without include=tempo.`);
    }
    c.header('Cache-Control', 'no-store');
    return c.json(status, 200);
  });

  app.openapi(r.getProject, async (c) => {
    const done = await doneJob(jobs, checkId(c.req.valid('param').jobId));
    c.header('Cache-Control', 'no-store');
    if (maxResponseBytes !== null) {
      const size = await jobs.projectSize(done);
      if (size === null) throw projectGone();
      const link = size > maxResponseBytes ? await jobs.projectLink(done, LINK_SECONDS) : null;
      const delivery = deliveryOf(size, maxResponseBytes, link !== null);
      if (delivery === 'redirect') return c.redirect(link!, 303);
      if (delivery === 'refuse') throw responseTooLarge(size, maxResponseBytes, 'The stored project', 'this server cannot link to it either.');
    }
    // the checked project (kept in memory for exports too), written back as its document
    const project = await storedProject(jobs, done);
    return c.json(projectToJson(project), 200);
  });

  app.openapi(r.exportJob, async (c) => {
    const { jobId: rawId, format } = c.req.valid('param');
    const jobId = checkId(rawId);
    if (!isExportFormat(format)) throw new HttpError(400, 'invalid-option', `Unknown export format "${echoValue(format)}".`);
    const query: Record<string, string | undefined> = c.req.valid('query');
    const done = await doneJob(jobs, jobId);
    // Any options, from the stored project: no file is read again.
    const result = timeProject(await storedProject(jobs, done), { ...done.options, ...convertOptionsFrom(query), fileName: done.fileName });
    const file = exportResult(result, format, exportOptionsFrom(query));
    checkFits(file.text, maxResponseBytes, 'The export', 'export it in the page, which times the stored project itself (GET /v1/jobs/{jobId}/project), or choose a shorter format.');
    const fileName = `${downloadBaseName(done.fileName)}.${file.extension}`;
    c.header('Cache-Control', 'no-store');
    setWarningsHeader(c, result.warnings, file.warnings);
    if (query.as === 'json') return c.json({ text: file.text, warnings: file.warnings, fileName, mediaType: file.mediaType }, 200);
    c.header('Content-Type', file.mediaType);
    c.header('Content-Disposition', contentDisposition(fileName));
    return c.body(file.text, 200);
  });
}
