/** Loads the page's files (web/) into memory for createApp (Node adapters: local server, Lambda). */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ASSET_TYPES, PLACEHOLDER_ASSETS } from '../api/assets';
import type { Assets } from '../api/deps';

/** Every servable file directly in `dir` (by extension); the placeholder page when `dir` is missing. */
export function loadAssets(dir: string | null): Assets {
  if (!dir || !existsSync(dir)) return PLACEHOLDER_ASSETS;
  const assets: Assets = {};
  for (const name of readdirSync(dir)) {
    const type = ASSET_TYPES[name.split('.').pop() ?? ''];
    const file = join(dir, name);
    if (!type || name.startsWith('.') || !statSync(file).isFile()) continue;
    const bytes = readFileSync(file);
    assets[name] = { contentType: type, body: type.includes('charset') ? bytes.toString('utf8') : new Uint8Array(bytes) };
  }
  return assets['index.html'] ? assets : { ...PLACEHOLDER_ASSETS, ...assets };
}

/** The first of `candidates` that holds an index.html, else null. */
export function findWebDir(...candidates: Array<string | null | undefined>): string | null {
  for (const dir of candidates) if (dir && existsSync(join(dir, 'index.html'))) return dir;
  return null;
}
