/**
 * How large a body the API sends itself. Lambda answers at most 6 MB, and a compressed body
 * travels base64-encoded (a third more), so on AWS the stack sets MAX_RESPONSE_BYTES (4 MB) and
 * a body over it is never attempted: a stored object is answered with a 303 to a short-lived
 * presigned GET (S3 sends it: GET /v1/jobs/{id}/project of a big set), anything computed here
 * with a typed 413 that says what to ask for instead. Locally there is no limit.
 */
import { HttpError } from '../http-error';

/** How a body is answered: sent by the API, a redirect to storage, or refused. */
export type Delivery = 'inline' | 'redirect' | 'refuse';

/** The delivery of `size` bytes under `limit` (null: none), when storage can (or cannot) serve the object itself. */
export function deliveryOf(size: number, limit: number | null, redirectable: boolean): Delivery {
  if (limit === null || size <= limit) return 'inline';
  return redirectable ? 'redirect' : 'refuse';
}

const mb = (bytes: number): string => `${(bytes / 1_000_000).toFixed(1)} MB`;

/** 413 'response-too-large': what was asked is `size` bytes, over `limit`; `instead` says what to ask for. */
export function responseTooLarge(size: number, limit: number, what: string, instead: string): HttpError {
  return new HttpError(413, 'response-too-large', `${what} is ${mb(size)}, more than this API can answer (${mb(limit)}); ${instead}`);
}

/** Throws 413 when `text` is over `limit` bytes of UTF-8 (null: no limit). */
export function checkFits(text: string, limit: number | null, what: string, instead: string): void {
  if (limit === null || text.length * 3 <= limit) return; // fits even if every character took 3 bytes
  const size = new TextEncoder().encode(text).byteLength;
  if (size > limit) throw responseTooLarge(size, limit, what, instead);
}
