/** The one place errors become HTTP responses: `{ error: { code, message } }`, never a stack trace. */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { isDawstampsError, type ErrorCode } from '../../lib/index';
import { HttpError } from '../http-error';

export { HttpError };

/** HTTP status of each converter error: bad options 400, too big 413, unreadable files 422. */
const STATUS: Record<ErrorCode, ContentfulStatusCode> = {
  'invalid-option': 400,
  'file-too-large': 413,
  'inflated-too-large': 413,
  'empty-file': 422,
  'not-a-project': 422,
  'corrupt-file': 422,
  'unsupported-version': 422,
  'unsupported-format': 422,
  'unsafe-xml': 422,
  'xml-too-deep': 422,
  'value-too-long': 422,
  'too-many-markers': 422,
  'too-many-breakpoints': 422,
  'too-many-events': 422,
  'too-many-entries': 422,
  timeout: 422,
  'export-failed': 422,
  'empty-tracklist': 422,
  // a stored project this version cannot read: our fault, not the caller's
  'invalid-project': 500,
};

const UNAUTHORIZED = 'This API needs a token: send Authorization: Bearer <token>.';

/** The status and body for any thrown value. */
export function errorPayload(e: unknown): { status: ContentfulStatusCode; code: string; message: string } {
  if (e instanceof HttpError) return { status: e.status as ContentfulStatusCode, code: e.code, message: e.message };
  if (isDawstampsError(e)) return { status: STATUS[e.code] ?? 422, code: e.code, message: e.message };
  // hono's bearerAuth refuses with a 401 HTTPException (its own response carries the challenge)
  if (e instanceof HTTPException && e.status === 401) return { status: 401, code: 'unauthorized', message: UNAUTHORIZED };
  if (e instanceof HTTPException) {
    const malformed = /malformed|json/i.test(e.message);
    return {
      status: e.status as ContentfulStatusCode,
      code: malformed ? 'invalid-json' : 'invalid-request',
      message: malformed ? 'The request body is not valid JSON.' : e.message || 'The request is not valid.',
    };
  }
  return { status: 500, code: 'internal-error', message: 'Something went wrong on our side; please try again.' };
}

/** app.onError: renders the error, logging only the unexpected ones. */
export function handleError(e: Error, c: Context): Response {
  const { status, code, message } = errorPayload(e);
  // faults are logged; 503 busy is the server saying no, on purpose
  if (status >= 500 && status !== 503) console.error(JSON.stringify({ level: 'error', path: c.req.path, error: e.stack ?? String(e) }));
  const challenge = e instanceof HTTPException ? e.res?.headers.get('WWW-Authenticate') : null;
  if (challenge) c.header('WWW-Authenticate', challenge);
  if (e instanceof HttpError) for (const [name, value] of Object.entries(e.headers)) c.header(name, value);
  return c.json({ error: { code, message } }, status);
}

/** app.notFound. */
export function handleNotFound(c: Context): Response {
  return c.json({ error: { code: 'not-found', message: `Nothing at ${c.req.method} ${c.req.path}.` } }, 404);
}
