/**
 * Vitest global setup: bundles dist/ once (node build.mjs, as `npm install` does) before any test
 * file runs, so tests that spawn `node dist/server.js` run the current source and never race
 * each other rebuilding it.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const repo = fileURLToPath(new URL('../../', import.meta.url));
  execFileSync(process.execPath, ['build.mjs'], { cwd: repo, stdio: 'inherit', timeout: 120_000 });
}
