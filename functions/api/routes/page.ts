/** GET / and the page's files, from memory, under a strict Content-Security-Policy. */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Storage } from '../../storage';
import type { Assets } from '../deps';
import { pagePolicy } from '../middleware/security-headers';

/**
 * The policy of a script file. It matters when the script runs as a Web Worker (web/worker.js):
 * a worker lives under the policy of its own response, not the page's, and the page's worker
 * imports lib's bundle (dawstamps.js) from here. Nothing else: no network, no eval.
 */
export const SCRIPT_POLICY = "default-src 'none'; script-src 'self'; frame-ancestors 'none'";

/** Adds `/` (index.html) and `/<file>` for every asset. */
export function pageRoutes(app: OpenAPIHono, assets: Assets, storage: Storage): void {
  app.get('/:file{[A-Za-z0-9][A-Za-z0-9._-]*}?', async (c, next) => {
    const name = c.req.param('file') ?? 'index.html';
    const asset = Object.hasOwn(assets, name) ? assets[name] : undefined;
    if (!asset) return next();
    const origin = new URL(c.req.url).origin;
    if (asset.contentType.startsWith('text/html')) {
      const upload = await storage.uploadOrigin(origin);
      c.header('Content-Security-Policy', pagePolicy(upload === origin ? 'self' : upload));
      c.header('Cache-Control', 'no-cache');
    } else {
      if (asset.contentType.startsWith('text/javascript')) c.header('Content-Security-Policy', SCRIPT_POLICY);
      c.header('Cache-Control', 'public, max-age=300');
    }
    c.header('Content-Type', asset.contentType);
    return c.body(typeof asset.body === 'string' ? asset.body : new Uint8Array(asset.body), 200);
  });
}
