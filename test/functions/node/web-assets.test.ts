/** loadAssets: web/ plus what build.mjs generated for the page (dist/web/ beside it), served from memory. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PLACEHOLDER_ASSETS } from '../../../functions/api/assets';
import { loadAssets } from '../../../functions/node/web-assets';

let root = '';
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** A repository-like folder: web/ with a page, and optionally dist/web/ with a built file. */
function layout(built: boolean): string {
  root = mkdtempSync(join(tmpdir(), 'dawstamps-assets-'));
  mkdirSync(join(root, 'web'));
  writeFileSync(join(root, 'web', 'index.html'), '<!doctype html><title>page</title>');
  writeFileSync(join(root, 'web', 'app.js'), 'import "./dawstamps.js";');
  writeFileSync(join(root, 'web', 'notes.md'), 'not served');
  if (built) {
    mkdirSync(join(root, 'dist', 'web'), { recursive: true });
    writeFileSync(join(root, 'dist', 'web', 'dawstamps.js'), 'export const lib = 1;');
  }
  return join(root, 'web');
}

describe('loadAssets', () => {
  it('serves web/ and the built files in dist/web/ beside it, by type', () => {
    const assets = loadAssets(layout(true));
    expect(Object.keys(assets).sort()).toEqual(['app.js', 'dawstamps.js', 'index.html']);
    expect(assets['dawstamps.js']).toEqual({ contentType: 'text/javascript; charset=utf-8', body: 'export const lib = 1;' });
  });

  it('serves web/ alone where nothing was built beside it (the Lambda builds into its web/)', () => {
    expect(Object.keys(loadAssets(layout(false))).sort()).toEqual(['app.js', 'index.html']);
  });

  it('serves the placeholder page without web/', () => {
    expect(loadAssets(null)).toBe(PLACEHOLDER_ASSETS);
  });
});
