// The CLI (functions/cli, run from source through tsx) on .flp files, end to end in a child process.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { fixturePath } from '../../helpers/fixtures';

const run = promisify(execFile);
const repo = join(__dirname, '../../..');
const fixture = (name: string): string => fixturePath(`flstudio/${name}`);

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'functions/cli/main.ts', ...args], { cwd: repo });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('npx dawstamps on FL Studio projects', () => {
  it('prints the tracklist of an .flp', async () => {
    const { code, stdout } = await cli(fixture('fl-test.flp'));
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^0?:?00:00 yoyo$/);
    expect(lines.at(-1)).toBe('1:00:26 end');
    expect(lines).toHaveLength(13);
  });

  it('--format json prints the result with the arrangement and the stepped timing', async () => {
    const { code, stdout } = await cli(fixture('complex.flp'), '--format', 'json');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.source).toMatchObject({ daw: 'flstudio', version: '20.0.5.91' });
    expect(result.timing).toMatchObject({ model: 'stepped', step: 1 / 128 });
    expect(result.arrangement.used).toEqual({ index: 0, name: 'Arrangement' });
    expect(result.markers.map((m: { name: string }) => m.name)).toEqual(['Auto', 'ASDF', 'MM']);
    expect(Math.abs(result.markers[0].seconds - 29.040613113158678)).toBeLessThan(0.001);
  });

  it('an unknown --arrangement exits 2 naming the file and invalid-option', async () => {
    const { code, stderr } = await cli(fixture('fl-markers.flp'), '--arrangement', 'Club mix');
    expect(code).toBe(2);
    expect(stderr).toMatch(/fl-markers\.flp.*invalid-option/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
