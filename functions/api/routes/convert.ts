/** POST /v1/convert: the file as the body, the result (or an export) straight back. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { convert, exportResult } from '../../../lib/index';
import { contentDisposition, downloadBaseName } from '../../jobs';
import type { AppDeps } from '../deps';
import { convertOptionsFrom, exportOptionsFrom } from '../query-options';
import { readBodyLimited } from '../read-body';
import { ErrorBody, SyncConvertQuery } from '../schemas';
import { setWarningsHeader, WARNINGS_HEADER } from '../warnings-header';

const route = createRoute({
  method: 'post', path: '/v1/convert', tags: ['convert'],
  summary: 'Convert a project sent as the request body (small files; larger ones through /v1/jobs)',
  request: {
    query: SyncConvertQuery,
    body: { content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } } },
  },
  responses: {
    200: {
      description: 'The result JSON, or the export when format is given',
      headers: { [WARNINGS_HEADER]: { description: 'The codes of the result\'s and the export\'s warnings, comma-separated (absent when there are none).', schema: { type: 'string' } } },
      content: { 'application/json': { schema: z.record(z.string(), z.unknown()) } },
    },
    ...Object.fromEntries([400, 401, 413, 422].map((s) => [s, { description: 'An error', content: { 'application/json': { schema: ErrorBody } } }])),
  },
});

/** Adds POST /v1/convert. */
export function convertRoute(app: OpenAPIHono, deps: AppDeps): void {
  const max = deps.config.convertMaxBytes;
  app.openapi(route, (async (c: any) => {
    const query = c.req.valid('query') as Record<string, string | undefined>;
    const bytes = await readBodyLimited(c.req.raw, max, `The body is over ${max} bytes, the limit of /v1/convert; upload larger files through POST /v1/jobs.`);
    const fileName = query.filename ?? null;
    // In the conversion thread with its time limit when the adapter gives one (the worker's), else here.
    const result = await (deps.convert ?? convert)(bytes, {
      ...convertOptionsFrom(query),
      ...(fileName ? { fileName } : {}),
      limits: { maxFileBytes: max },
      ...(deps.inflate ? { inflate: deps.inflate } : {}),
    });
    c.header('Cache-Control', 'no-store');
    if (query.format === undefined) {
      setWarningsHeader(c, result.warnings);
      return c.json(result, 200);
    }
    const file = exportResult(result, query.format, exportOptionsFrom(query));
    setWarningsHeader(c, result.warnings, file.warnings);
    c.header('Content-Type', file.mediaType);
    c.header('Content-Disposition', contentDisposition(`${downloadBaseName(fileName)}.${file.extension}`));
    return c.body(file.text, 200);
  }) as never);
}
