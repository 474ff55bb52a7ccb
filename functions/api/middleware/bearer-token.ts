/** The optional API token: `Authorization: Bearer <token>` when API_TOKEN is set. */
import type { MiddlewareHandler } from 'hono';
import { HttpError } from '../../http-error';

function sameText(a: string, b: string): boolean {
  // Constant time over the expected length: the comparison leaks no prefix.
  const x = new TextEncoder().encode(a);
  const y = new TextEncoder().encode(b);
  let diff = x.length ^ y.length;
  for (let i = 0; i < y.length; i++) diff |= (x[i] ?? 0) ^ (y[i] ?? 0);
  return diff === 0;
}

/** Refuses requests without the token (401); passes everything when `token` is null. */
export function bearerToken(token: string | null): MiddlewareHandler {
  return async (c, next) => {
    if (token !== null && c.req.method !== 'OPTIONS') {
      const header = c.req.header('authorization') ?? '';
      const match = /^Bearer\s+(.+)$/i.exec(header);
      if (!match?.[1] || !sameText(match[1].trim(), token)) {
        c.header('WWW-Authenticate', 'Bearer');
        throw new HttpError(401, 'unauthorized', 'This API needs a token: send Authorization: Bearer <token>.');
      }
    }
    await next();
  };
}
