/** The optional API token: `Authorization: Bearer <token>` when API_TOKEN is set. */
import type { MiddlewareHandler } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import { except } from 'hono/combine';

/** What hono's bearerAuth accepts as a token (RFC 6750 b64token); anything else could never be sent. */
const B64TOKEN = /^[A-Za-z0-9._~+/-]+=*$/;

/** Every refusal answers `WWW-Authenticate: Bearer`; errors.ts renders it as 401 'unauthorized'. */
const challenge = { wwwAuthenticateHeader: 'Bearer' };

/**
 * hono's bearerAuth: refuses requests without the token (401); passes everything when `token` is
 * null, and CORS preflights (OPTIONS) always. A malformed header (hono's 400 invalid_request) is
 * refused as 401 like a wrong token, so the page asks for the token again.
 */
export function bearerToken(token: string | null): MiddlewareHandler {
  if (token === null) return async (_c, next) => next();
  if (!B64TOKEN.test(token)) {
    throw new Error('API_TOKEN must be a bearer token: letters, digits and - . _ ~ + / (then = padding), no spaces.');
  }
  return except((c) => c.req.method === 'OPTIONS', bearerAuth({
    token,
    noAuthenticationHeader: challenge,
    invalidToken: challenge,
    invalidAuthenticationHeader: { ...challenge, message: () => new Response(null, { status: 401 }) },
  }));
}
