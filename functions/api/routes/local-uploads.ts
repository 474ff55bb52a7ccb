/**
 * The OpenAPI entry of the local upload endpoint (npm start): the form POST /v1/jobs hands out
 * posts here, as it would to S3. The route itself is functions/storage/local-upload.ts (plain
 * Hono: S3's contract, answered like S3), mounted only in local mode; this documents it there.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { errorResponses } from '../responses';
import { UploadForm } from '../schemas';

/** Registers POST /v1/uploads in the app's OpenAPI document. */
export function documentLocalUploads(app: OpenAPIHono): void {
  app.openAPIRegistry.registerPath({
    method: 'post', path: '/v1/uploads', tags: ['jobs'], operationId: 'uploadLocal',
    summary: 'The local server\'s upload endpoint: POST a job\'s upload form (its fields, then `file`) here when upload.url says so',
    description: 'Guarded by the form\'s signed policy (key, content type, size range, expiry, checked when the upload begins), like an S3 presigned POST, not by the API token. One upload per job: a second one is 409.',
    request: { body: { required: true, content: { 'multipart/form-data': { schema: UploadForm } } } },
    responses: {
      204: { description: 'Stored; the job is processing' },
      403: { description: 'The form\'s policy does not allow this upload (signature, key, content type, expiry)', content: errorResponses(403)[403]!.content },
      ...errorResponses(400, 409, 413),
    },
  });
}
