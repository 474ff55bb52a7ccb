/** GET /healthz, /v1/formats, /v1/config: what the page and monitors ask first. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { exportFormats, listFormats } from '../../../lib/index';
import type { AppDeps } from '../deps';
import { ConfigBody, FormatsBody } from '../schemas';

const health = createRoute({
  method: 'get', path: '/healthz', tags: ['meta'], operationId: 'health', summary: 'Liveness',
  responses: { 200: { description: 'Up', content: { 'application/json': { schema: z.object({ ok: z.literal(true) }) } } } },
});
const formats = createRoute({
  method: 'get', path: '/v1/formats', tags: ['meta'], operationId: 'listFormats', summary: 'Input formats read and export formats offered',
  responses: { 200: { description: 'The formats', content: { 'application/json': { schema: FormatsBody } } } },
});
const config = createRoute({
  method: 'get', path: '/v1/config', tags: ['meta'], operationId: 'getConfig', summary: 'What the page needs to know: token, limits, retention',
  responses: { 200: { description: 'The settings', content: { 'application/json': { schema: ConfigBody } } } },
});

/** Adds the meta routes. */
export function metaRoutes(app: OpenAPIHono, deps: AppDeps): void {
  app.openapi(health, (c) => c.json({ ok: true as const }, 200));
  // Both lists are derived from the registries in lib/, never typed here.
  app.openapi(formats, (c) => c.json({ inputs: listFormats(), exports: exportFormats }, 200));
  app.openapi(config, (c) => c.json({
    auth: deps.config.apiToken ? 'bearer' as const : 'none' as const,
    maxUploadBytes: deps.config.maxUploadBytes,
    convertMaxBytes: deps.config.convertMaxBytes,
    // Uploads are deleted once read (functions/worker/process-upload.ts); the storage's own expiry
    // of uploads (the S3 lifecycle rule) only catches what no worker read.
    retention: { uploads: 'deleted-once-read' as const, ...(deps.retention ?? { uploadsDays: null, resultsDays: null }) },
  }, 200));
}
