/** Headers on every response: no sniffing, no framing, no referrer; a deny-all CSP unless the page sets its own. */
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

/**
 * hono's secureHeaders, set after the handler ran, keeping any header the handler chose itself
 * (`overwrite: false`: the page's own Content-Security-Policy). Off on purpose:
 * Strict-Transport-Security (the transport is the deployment's: a Function URL is HTTPS only, the
 * local server is plain HTTP, and `includeSubDomains` on someone's own domain is not ours to
 * decide) and Cross-Origin-Embedder-Policy (hono's default; nothing here needs cross-origin
 * isolation). hono's other defaults stay: Cross-Origin-Opener-Policy and Origin-Agent-Cluster
 * (the page opens no windows and sets no document.domain), X-XSS-Protection: 0,
 * X-DNS-Prefetch-Control, X-Download-Options, X-Permitted-Cross-Domain-Policies.
 */
export function securityHeaders(): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
    xFrameOptions: 'DENY',
    referrerPolicy: 'no-referrer',
    xContentTypeOptions: 'nosniff',
    crossOriginResourcePolicy: 'same-site',
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
    overwrite: false,
  });
}

/** The page's policy: its own scripts, styles and workers only, uploads to `uploadOrigin`, nothing inline. */
export function pagePolicy(uploadOrigin: string): string {
  const connect = uploadOrigin === 'self' ? "'self'" : `'self' ${uploadOrigin}`;
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "worker-src 'self'",
    "img-src 'self' data:",
    `connect-src ${connect}`,
    "form-action 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
