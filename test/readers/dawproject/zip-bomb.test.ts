// A ZIP bomb: a .dawproject whose project.xml inflates past maxInflatedBytes stops at the limit,
// with a typed error, in bounded memory, without inflating the rest. Each bomb is converted in a
// child process whose JS heap is capped at 64 MB (holding the XML, or a fair part of it, would
// crash it); the inflater's output is counted there and its peak RSS measured.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const CHILD = fileURLToPath(new URL('./bomb-child.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const MB = 1024 * 1024;
/** How far past the limit the inflater may run: zip.js hands on 256 KiB pieces, and one may be in flight. */
const SLACK = 512 * 1024;

interface BombRun {
  outcome: string;
  ms: number;
  zipBytes: number;
  bombInflates: number;
  inflated: number;
  rssBeforeMB: number;
  maxRssMB: number;
}

function runBomb(limit: number | 'default', blocks: number): BombRun {
  const out = execFileSync(process.execPath, ['--max-old-space-size=64', '--import', 'tsx', CHILD, String(limit), String(blocks)], { cwd: ROOT, encoding: 'utf8', timeout: 110_000 });
  return JSON.parse(out.trim().split('\n').at(-1)!) as BombRun;
}

describe('ZIP bombs', () => {
  it('a 290 KB .dawproject of 288 MB stops at a 256 MB limit: typed error, stopped at the limit, bounded memory', () => {
    const run = runBomb(256 * MB, 18);
    console.log('dawproject bomb vs 256 MB limit:', run);
    expect(run.zipBytes).toBeLessThan(400_000);
    expect(run.bombInflates).toBeGreaterThan(256 * MB);
    expect(run.outcome).toBe('inflated-too-large');
    expect(run.inflated).toBeGreaterThanOrEqual(256 * MB);
    expect(run.inflated).toBeLessThanOrEqual(256 * MB + SLACK);
    expect(run.maxRssMB - run.rssBeforeMB).toBeLessThan(96);
  }, 120_000);

  it('a 1.1 MB .dawproject of 1.1 GiB stops at the default 1 GiB limit in the same bounded memory', () => {
    const run = runBomb('default', 70);
    console.log('dawproject bomb vs default limit:', run);
    expect(run.zipBytes).toBeLessThan(1_500_000);
    expect(run.bombInflates).toBeGreaterThan(1024 * MB);
    expect(run.outcome).toBe('inflated-too-large');
    expect(run.inflated).toBeLessThanOrEqual(1024 * MB + SLACK);
    expect(run.maxRssMB - run.rssBeforeMB).toBeLessThan(96);
  }, 120_000);
});
