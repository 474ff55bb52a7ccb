/** POST /v1/convert: the file as the body (raw, or multipart like `curl -F file=@mix.als`), the result (or an export) straight back. */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { convert, exportResult } from '../../../lib/index';
import { FORM_OVERHEAD, limitBody } from '../../body-limit';
import { HttpError } from '../../http-error';
import { contentDisposition, downloadBaseName } from '../../jobs';
import type { AppDeps } from '../deps';
import { convertOptionsFrom, exportOptionsFrom } from '../query-options';
import { checkFits } from '../response-limit';
import { errorResponses, type Security } from '../responses';
import { JsonExportBody, PodcastChaptersBody } from '../export-schemas';
import { SyncConvertQuery, exportContent } from '../schemas';
import { setWarningsHeader, WARNINGS_HEADER } from '../warnings-header';

/** The multipart form (`curl -F file=@mix.als`): one `file` part. */
const CONVERT_FORM = {
  type: 'object' as const,
  properties: { file: { type: 'string' as const, format: 'binary', description: 'The project file.' } },
  required: ['file'],
};

function route(security: Security) {
  return createRoute({
    method: 'post', path: '/v1/convert', tags: ['convert'], operationId: 'convert', security,
    summary: 'Convert a project sent as the request body (small files; larger ones through /v1/jobs)',
    request: {
      query: SyncConvertQuery,
      // Plain OpenAPI schemas, not zod: the handler reads the body itself (after bodyLimit),
      // whatever the content type (curl --data-binary sends it as a form)
      body: {
        required: true,
        content: {
          'application/octet-stream': { schema: { type: 'string', format: 'binary', description: 'The project file as the body.' } },
          'multipart/form-data': { schema: CONVERT_FORM },
        },
      },
    },
    responses: {
      200: {
        description: 'The result, or the export in its format\'s media type when format is given',
        headers: { [WARNINGS_HEADER]: { description: 'The codes of the result\'s and the export\'s warnings, comma-separated (absent when there are none).', schema: { type: 'string' as const } } },
        // the result; with format=json the same Result; report-json and mixcloud their own shapes
        content: { ...exportContent, 'application/json+chapters': { schema: PodcastChaptersBody }, 'application/json': { schema: JsonExportBody } },
      },
      ...errorResponses(400, 401, 413, 422, 500, 503),
    },
  });
}

const tooLarge = (max: number): string => `The file is over ${max} bytes, the limit of /v1/convert; upload larger files through POST /v1/jobs.`;

/** The project's bytes: the body, or the `file` part of a multipart form (the body is under its limit already). */
async function fileOf(c: Context, max: number): Promise<{ bytes: Uint8Array; name: string | null }> {
  if (!/^multipart\/form-data\b/i.test(c.req.header('content-type') ?? '')) {
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    if (bytes.byteLength > max) throw new HttpError(413, 'file-too-large', tooLarge(max));
    return { bytes, name: null };
  }
  let form: FormData;
  try {
    form = await c.req.formData();
  } catch {
    throw new HttpError(400, 'invalid-request', 'The multipart body cannot be read; send the project as a "file" part (curl -F file=@mix.als) or as the raw body.');
  }
  const file = form.get('file');
  if (!(file instanceof Blob)) throw new HttpError(400, 'invalid-request', 'The form has no "file" part with the project (curl -F file=@mix.als).');
  if (file.size > max) throw new HttpError(413, 'file-too-large', tooLarge(max));
  return { bytes: new Uint8Array(await file.arrayBuffer()), name: file instanceof File && file.name ? file.name : null };
}

/** Adds POST /v1/convert. */
export function convertRoute(app: OpenAPIHono, deps: AppDeps, security: Security): void {
  const max = deps.config.convertMaxBytes;
  // One limit for both shapes: the raw file, or a form with the file and its boundaries.
  app.use('/v1/convert', limitBody(max + FORM_OVERHEAD, 'file-too-large', tooLarge(max)));
  app.openapi(route(security), async (c) => {
    const query: Record<string, string | undefined> = c.req.valid('query');
    const upload = await fileOf(c, max);
    const fileName = query.filename ?? upload.name;
    // In the conversion thread with its time limit when the adapter gives one (the worker's), else here.
    const result = await (deps.convert ?? convert)(upload.bytes, {
      ...convertOptionsFrom(query),
      ...(fileName ? { fileName } : {}),
      limits: { maxFileBytes: max },
      ...(deps.inflate ? { inflate: deps.inflate } : {}),
    });
    c.header('Cache-Control', 'no-store');
    const instead = 'upload it through POST /v1/jobs: its job keeps the parsed project, and exports are timed from it.';
    if (query.format === undefined) {
      checkFits(JSON.stringify(result), deps.config.maxResponseBytes, 'The result', instead);
      setWarningsHeader(c, result.warnings);
      return c.json(result, 200);
    }
    const file = exportResult(result, query.format, exportOptionsFrom(query));
    checkFits(file.text, deps.config.maxResponseBytes, 'The export', instead);
    setWarningsHeader(c, result.warnings, file.warnings);
    c.header('Content-Type', file.mediaType);
    c.header('Content-Disposition', contentDisposition(`${downloadBaseName(fileName)}.${file.extension}`));
    return c.body(file.text, 200);
  });
}
