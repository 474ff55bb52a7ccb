/** The dawstamps HTTP API and page: one Hono app, built from its dependencies (no "am I local?"). */
import { OpenAPIHono } from '@hono/zod-openapi';
import { compress } from 'hono/compress';
import { cors } from 'hono/cors';
import { listFormats } from '../../lib/index';
import { limitBody } from '../body-limit';
import { createJobService, jobKeys } from '../jobs';
import type { AppDeps } from './deps';
import { handleError, handleNotFound } from './errors';
import { bearerSecurity } from './responses';
import { documentLocalUploads } from './routes/local-uploads';
import { validationError } from './validation';
import { bearerToken } from './middleware/bearer-token';
import { securityHeaders } from './middleware/security-headers';
import { convertRoute } from './routes/convert';
import { jobRoutes } from './routes/jobs';
import { metaRoutes } from './routes/meta';
import { pageRoutes } from './routes/page';

const JOB_BODY_LIMIT = 16 * 1024;

/** Builds the app: API under /v1, the page at /, errors as `{ error: { code, message } }`. */
export function createApp(deps: AppDeps): OpenAPIHono {
  const app = new OpenAPIHono({
    defaultHook: (result) => {
      // the validator hands the hook its input as `data` (the types leave it out on failure)
      if (!result.success) validationError(result.target, result.error.issues, (result as { data?: unknown }).data);
    },
  });
  const { config } = deps;
  const jobs = createJobService({
    storage: deps.storage,
    keys: jobKeys(config.uploadPrefix, config.resultPrefix, config.jobPrefix),
    maxUploadBytes: config.maxUploadBytes,
    uploadExpirySeconds: config.uploadExpirySeconds,
    uploadGraceSeconds: config.uploadGraceSeconds,
    processingTimeoutSeconds: config.processingTimeoutSeconds,
    ...(deps.now ? { now: deps.now } : {}),
    ...(deps.newId ? { newId: deps.newId } : {}),
  });

  app.onError(handleError);
  app.notFound(handleNotFound);
  app.use('*', securityHeaders());
  // gzip or deflate when the client accepts it: results and stored projects compress ~5–10×.
  app.use('*', compress());
  if (config.allowedOrigins.length > 0) {
    app.use('/v1/*', cors({
      origin: config.allowedOrigins,
      allowMethods: ['GET', 'POST', 'OPTIONS'],
      allowHeaders: ['Authorization', 'Content-Type'],
      exposeHeaders: ['Content-Disposition', 'Dawstamps-Warnings'],
      maxAge: 600,
    }));
  }
  // The local upload endpoint is guarded by its signed policy, like S3's, not by the API token.
  if (deps.uploadRoute) app.route('/v1/uploads', deps.uploadRoute);
  app.use('/v1/jobs/*', bearerToken(config.apiToken));
  app.use('/v1/jobs', bearerToken(config.apiToken));
  app.use('/v1/convert', bearerToken(config.apiToken));
  // A job request is a file name and a few options: anything big is not one.
  app.post('/v1/jobs', limitBody(JOB_BODY_LIMIT, 'request-too-large', `A job request must be under ${JOB_BODY_LIMIT} bytes.`));

  const security = bearerSecurity(config.apiToken !== null);
  metaRoutes(app, deps);
  jobRoutes(app, jobs, security, config.maxResponseBytes);
  convertRoute(app, deps, security);
  if (deps.uploadRoute) documentLocalUploads(app);
  if (config.apiToken !== null) app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', description: 'The API_TOKEN the server was started with.' });
  app.doc31('/v1/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'dawstamps API', version: '1.0.0', description: `${listFormats().map((f) => f.label).join(', ')} to exact, timestamped tracklists.` },
  });
  pageRoutes(app, deps.assets, deps.storage);
  return app;
}
