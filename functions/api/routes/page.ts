/** GET / and the page's files, from memory, under a strict Content-Security-Policy. */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Storage } from '../../storage';
import type { Asset, Assets } from '../deps';
import { pagePolicy } from '../middleware/security-headers';

/**
 * The policy of a script file. It matters when the script runs as a Web Worker (web/worker.js):
 * a worker lives under the policy of its own response, not the page's, and the page's worker
 * imports lib's bundle (dawstamps.js) from here. Nothing else: no network, no eval.
 */
export const SCRIPT_POLICY = "default-src 'none'; script-src 'self'; frame-ancestors 'none'";

/** Each asset's ETag, a hash of its body, made once (weak: the body may be sent compressed). */
const etags = new WeakMap<Asset, Promise<string>>();

function etagOf(asset: Asset): Promise<string> {
  let tag = etags.get(asset);
  if (!tag) {
    const bytes = typeof asset.body === 'string' ? new TextEncoder().encode(asset.body) : new Uint8Array(asset.body);
    const hex = (d: ArrayBuffer): string => Array.from(new Uint8Array(d, 0, 16), (b) => b.toString(16).padStart(2, '0')).join('');
    tag = crypto.subtle.digest('SHA-256', bytes).then((d) => `W/"${hex(d)}"`);
    etags.set(asset, tag);
  }
  return tag;
}

/** Whether an If-None-Match header names this (weak) ETag. */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = etag.replace(/^W\//, '');
  return ifNoneMatch.trim() === '*' || ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === bare);
}

/**
 * Adds `/` (index.html) and `/<file>` for every asset. The page and its scripts are revalidated
 * on every load (no-cache, ETag): after a deploy a browser never runs a cached app.js against a
 * new dawstamps.js. Styles and images keep five minutes.
 */
export function pageRoutes(app: OpenAPIHono, assets: Assets, storage: Storage): void {
  app.get('/:file{[A-Za-z0-9][A-Za-z0-9._-]*}?', async (c, next) => {
    const name = c.req.param('file') ?? 'index.html';
    const asset = Object.hasOwn(assets, name) ? assets[name] : undefined;
    if (!asset) return next();
    const origin = new URL(c.req.url).origin;
    const html = asset.contentType.startsWith('text/html');
    const script = asset.contentType.startsWith('text/javascript');
    if (html) {
      const upload = await storage.uploadOrigin(origin);
      c.header('Content-Security-Policy', pagePolicy(upload === origin ? 'self' : upload));
    } else if (script) c.header('Content-Security-Policy', SCRIPT_POLICY);
    c.header('Cache-Control', html || script ? 'no-cache' : 'public, max-age=300');
    const etag = await etagOf(asset);
    c.header('ETag', etag);
    if (matches(c.req.header('If-None-Match'), etag)) return c.body(null, 304);
    c.header('Content-Type', asset.contentType);
    return c.body(typeof asset.body === 'string' ? asset.body : new Uint8Array(asset.body), 200);
  });
}
