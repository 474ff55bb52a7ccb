/** Request bodies: hono's bodyLimit, refusing with our typed 413, and the room a form needs around its file. */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HttpError } from './http-error';

/**
 * Room for a multipart form's boundaries and part headers around the file, and for the signed
 * fields of an upload form (key, Content-Type, Policy, algorithm, signature: ~1 KB). Every form
 * (POST /v1/convert, the local upload endpoint) gets this much beside its file, and the stack
 * counts it in the Lambda payload (infra/constructs/api.ts).
 */
export const FORM_OVERHEAD = 16 * 1024;

/**
 * hono's bodyLimit: a body over `maxSize` bytes (declared, or counted as it streams) is refused
 * with HttpError 413 `code` before the handler reads it.
 */
export function limitBody(maxSize: number, code: string, message: string): MiddlewareHandler {
  return bodyLimit({ maxSize, onError: () => { throw new HttpError(413, code, message); } });
}
