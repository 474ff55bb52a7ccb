// A gzip bomb stops at the inflated-size limit, in constant memory, without inflating the rest.
// Each bomb is converted in a child process whose JS heap is capped at 64 MB, so holding the
// inflated XML (or a fair part of it) would crash it; its peak RSS is measured as well.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const CHILD = fileURLToPath(new URL('./bomb-child.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MB = 1024 * 1024;

interface BombRun {
  outcome: string;
  ms: number;
  gzipBytes: number;
  bombInflates: number;
  inflated: number;
  rssBeforeMB: number;
  maxRssMB: number;
}

function runBomb(limit: number | 'default', members: number): BombRun {
  const out = execFileSync(process.execPath, ['--max-old-space-size=64', '--import', 'tsx', CHILD, String(limit), String(members)], { cwd: ROOT, encoding: 'utf8', timeout: 110_000 });
  return JSON.parse(out.trim().split('\n').at(-1)!) as BombRun;
}

describe('gzip bombs', () => {
  it('a 290 KB bomb of 288 MB stops at a 256 MB limit: typed error, one chunk past the limit, bounded memory', () => {
    const run = runBomb(256 * MB, 18);
    console.log('bomb vs 256 MB limit:', run);
    expect(run.gzipBytes).toBeLessThan(400_000);
    expect(run.bombInflates).toBeGreaterThan(256 * MB);
    expect(run.outcome).toBe('inflated-too-large');
    expect(run.inflated).toBeLessThanOrEqual(256 * MB + 256 * 1024); // one inflate chunk past the limit, then nothing
    expect(run.maxRssMB - run.rssBeforeMB).toBeLessThan(96);
  }, 120_000);

  it('a 1.1 MB bomb of 1.1 GiB stops at the default 1 GiB limit in the same bounded memory', () => {
    const run = runBomb('default', 70);
    console.log('bomb vs default limit:', run);
    expect(run.bombInflates).toBeGreaterThan(1024 * MB);
    expect(run.outcome).toBe('inflated-too-large');
    expect(run.inflated).toBeLessThanOrEqual(1024 * MB + 256 * 1024);
    expect(run.maxRssMB - run.rssBeforeMB).toBeLessThan(96);
  }, 120_000);
});
