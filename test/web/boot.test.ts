// The page's scripts in real Chromium: should lib's bundle or app.js not load, or not fit (a deploy
// half seen), the page says so instead of doing nothing; and the scripts are revalidated on every
// load, so a browser never mixes a cached one with a new one.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage, usePageRig } from './page-kit';

const MESSAGE = 'The page could not load its scripts; reload it.';

const rig = usePageRig();

/** Opens the page with `path` answered by `answer` (a 404, or another file). */
async function openWith(path: string, answer: { status: number; body: string }): Promise<{ page: Page; uncaught: string[]; close: () => Promise<void> }> {
  return openPage(rig.browser, rig.server.url, {}, {
    ready: false,
    before: (page) => page.route(`**/${path}`, (route) => route.fulfill({ ...answer, contentType: 'text/javascript' })),
  });
}

describe('when the page\'s scripts do not load', () => {
  for (const path of ['dawstamps.js', 'app.js']) {
    it(`says so when ${path} is missing (404), and offers no drop zone that does nothing`, async () => {
      const { page, uncaught, close } = await openWith(path, { status: 404, body: 'Not found' });
      await page.locator('#load-failed').waitFor({ state: 'visible', timeout: 10_000 });
      expect(await page.textContent('#load-failed')).toBe(MESSAGE);
      expect(await page.getAttribute('#load-failed', 'role')).toBe('alert');
      expect(await page.isVisible('#pick')).toBe(false);
      expect(uncaught).toEqual([]);
      await close();
    });
  }

  it('says so when lib\'s bundle is from another deploy (it lacks what app.js imports)', async () => {
    const { page, close } = await openWith('dawstamps.js', { status: 200, body: 'export const somethingElse = 1;' });
    await page.locator('#load-failed').waitFor({ state: 'visible', timeout: 10_000 });
    expect(await page.evaluate(() => document.documentElement.classList.contains('ready'))).toBe(false);
    await close();
  });

  it('shows no message when everything loads', async () => {
    const { page, errors, close } = await openPage(rig.browser, rig.server.url);
    expect(await page.isHidden('#load-failed')).toBe(true);
    expect(errors).toEqual([]);
    await close();
  });
});

describe('caching', () => {
  it('revalidates the page and its scripts on every load (no-cache, ETag, 304); styles keep five minutes', async () => {
    for (const path of ['/', '/boot.js', '/app.js', '/dawstamps.js', '/worker.js']) {
      const res = await fetch(`${rig.server.url}${path}`);
      expect(res.headers.get('cache-control'), path).toBe('no-cache');
      const etag = res.headers.get('etag');
      expect(etag, path).toMatch(/^W\/"[0-9a-f]{32}"$/);
      const again = await fetch(`${rig.server.url}${path}`, { headers: { 'If-None-Match': etag! } });
      expect(again.status, path).toBe(304);
      expect(again.headers.get('etag'), path).toBe(etag);
      expect((await fetch(`${rig.server.url}${path}`, { headers: { 'If-None-Match': 'W/"other"' } })).status, path).toBe(200);
    }
    expect((await fetch(`${rig.server.url}/style.css`)).headers.get('cache-control')).toBe('public, max-age=300');
    // every script keeps its strict policy, a 304 included
    const script = await fetch(`${rig.server.url}/app.js`, { headers: { 'If-None-Match': '*' } });
    expect(script.status).toBe(304);
    expect(script.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
  });
});
