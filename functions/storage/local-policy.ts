/** The local upload policy: S3's POST policy document, signed with an HMAC so no key can be forged. */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { HttpError } from '../http-error';

export type PolicyCondition = Record<string, string> | ['content-length-range', number, number];

/** The same document S3 reads from a presigned POST's Policy field. */
export interface LocalPolicy {
  expiration: string;
  conditions: PolicyCondition[];
}

/** Base64 of the policy JSON and its HMAC-SHA256 (hex). */
export function signPolicy(policy: LocalPolicy, secret: Buffer): { policy: string; signature: string } {
  const encoded = Buffer.from(JSON.stringify(policy)).toString('base64');
  return { policy: encoded, signature: createHmac('sha256', secret).update(encoded).digest('hex') };
}

const denied = (why: string): HttpError => new HttpError(403, 'access-denied', `Invalid according to Policy: ${why}`);

/** Checks the signature and expiry; returns the policy's key, content type and size range. */
export function verifyPolicy(policyField: string | undefined, signatureField: string | undefined, secret: Buffer, now = Date.now()): {
  bucket: string | null; key: string; contentType: string | null; minBytes: number; maxBytes: number;
} {
  if (!policyField || !signatureField) throw denied('the form has no Policy or signature.');
  const expected = createHmac('sha256', secret).update(policyField).digest();
  const given = Buffer.from(signatureField, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw denied('the signature does not match.');
  const policy = JSON.parse(Buffer.from(policyField, 'base64').toString('utf8')) as LocalPolicy;
  if (!(Date.parse(policy.expiration) > now)) throw denied('Policy expired.');
  let bucket: string | null = null;
  let key: string | null = null;
  let contentType: string | null = null;
  let range: [number, number] = [0, Number.MAX_SAFE_INTEGER];
  for (const c of policy.conditions) {
    if (Array.isArray(c)) range = [c[1], c[2]];
    else if ('key' in c) key = c.key ?? null;
    else if ('bucket' in c) bucket = c.bucket ?? null;
    else if ('Content-Type' in c) contentType = c['Content-Type'] ?? null;
  }
  if (key === null) throw denied('the policy names no key.');
  return { bucket, key, contentType, minBytes: range[0], maxBytes: range[1] };
}
