
import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli';
import { fixturePath } from '../../helpers/fixtures';

const fixture = (name: string): string => fixturePath(`flstudio/${name}`);

describe('npx dawstamps on FL Studio projects', () => {
  it('prints the tracklist of an .flp', async () => {
    const { code, stdout } = await runCli(fixture('fl-test.flp'));
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^0?:?00:00 yoyo$/);
    expect(lines.at(-1)).toBe('1:00:26 end');
    expect(lines).toHaveLength(13);
  });

  it('--format json prints the result with the arrangement and the stepped timing', async () => {
    const { code, stdout } = await runCli(fixture('complex.flp'), '--format', 'json');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.source).toMatchObject({ daw: 'flstudio', version: '20.0.5.91' });
    expect(result.timing).toMatchObject({ model: 'stepped', step: 1 / 128 });
    expect(result.arrangement.used).toEqual({ index: 0, name: 'Arrangement' });
    expect(result.markers.map((m: { name: string }) => m.name)).toEqual(['Auto', 'ASDF', 'MM']);
    expect(Math.abs(result.markers[0].seconds - 29.040613113158678)).toBeLessThan(0.001);
  });

  it('an unknown --arrangement exits 2 naming the file and invalid-option', async () => {
    const { code, stderr } = await runCli(fixture('fl-markers.flp'), '--arrangement', 'Club mix');
    expect(code).toBe(2);
    expect(stderr).toMatch(/fl-markers\.flp.*invalid-option/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
