/** Headers on every response: no sniffing, no framing, no referrer; a deny-all CSP unless the page sets its own. */
import type { MiddlewareHandler } from 'hono';

/** Sets the defensive headers after the handler ran (keeping a Content-Security-Policy it chose). */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const h = c.res.headers;
    h.set('X-Content-Type-Options', 'nosniff');
    h.set('X-Frame-Options', 'DENY');
    h.set('Referrer-Policy', 'no-referrer');
    h.set('Cross-Origin-Resource-Policy', 'same-site');
    if (!h.has('Content-Security-Policy')) h.set('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
  };
}

/** The page's policy: its own scripts and styles only, uploads to `uploadOrigin`, nothing inline. */
export function pagePolicy(uploadOrigin: string): string {
  const connect = uploadOrigin === 'self' ? "'self'" : `'self' ${uploadOrigin}`;
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    `connect-src ${connect}`,
    "form-action 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
