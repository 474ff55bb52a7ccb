/** Loads the page's files (web/) into memory for createApp (Node adapters: local server, Lambda). */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ASSET_TYPES, PLACEHOLDER_ASSETS } from '../api/assets';
import type { Assets } from '../api/deps';

/**
 * Where build.mjs puts the page's generated files (lib's browser bundle, dawstamps.js) relative to
 * web/: in the repository they sit in dist/web/ beside web/; the API Lambda's bundle builds them
 * into its web/ itself (infra/constructs/api.ts), so there is nothing beside it to find.
 */
export const BUILT_WEB_DIR = join('..', 'dist', 'web');

/**
 * Every servable file directly in `dir` (by extension), plus the generated files in `built`
 * (default: dist/web beside `dir`, when it is there); the placeholder page when `dir` is missing.
 */
export function loadAssets(dir: string | null, built: string | null = dir && join(dir, BUILT_WEB_DIR)): Assets {
  if (!dir || !existsSync(dir)) return PLACEHOLDER_ASSETS;
  const assets: Assets = { ...readDir(dir), ...(built && existsSync(built) ? readDir(built) : {}) };
  return assets['index.html'] ? assets : { ...PLACEHOLDER_ASSETS, ...assets };
}

/** The servable files directly in `dir`. */
function readDir(dir: string): Assets {
  const assets: Assets = {};
  for (const name of readdirSync(dir)) {
    const type = ASSET_TYPES[name.split('.').pop() ?? ''];
    const file = join(dir, name);
    if (!type || name.startsWith('.') || !statSync(file).isFile()) continue;
    const bytes = readFileSync(file);
    assets[name] = { contentType: type, body: type.includes('charset') ? bytes.toString('utf8') : new Uint8Array(bytes) };
  }
  return assets;
}

/** The first of `candidates` that holds an index.html, else null. */
export function findWebDir(...candidates: Array<string | null | undefined>): string | null {
  for (const dir of candidates) if (dir && existsSync(join(dir, 'index.html'))) return dir;
  return null;
}
