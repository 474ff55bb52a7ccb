
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gzip } from './mutate';
import { runCli } from '../helpers/cli';
import { FIXTURES } from '../helpers/fixtures';

const dir = mkdtempSync(join(tmpdir(), 'dawstamps-hostile-'));

const file = (name: string, bytes: Uint8Array | string): string => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};

const flp = readFileSync(join(FIXTURES, 'flstudio/fl-markers.flp'));
const HOSTILE: Array<[string, Uint8Array | string, string]> = [
  ['empty.als', new Uint8Array(0), 'empty-file'],
  ['random.als', Uint8Array.from({ length: 300 }, (_, i) => (i * 7919) % 251), 'not-a-project'],
  ['laughs.als', gzip('<?xml version="1.0"?><!DOCTYPE a [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]><Ableton><LiveSet>&b;</LiveSet></Ableton>'), 'unsafe-xml'],
  ['deep.als', gzip(`<?xml version="1.0"?><Ableton><LiveSet>${'<Tracks>'.repeat(5000)}</LiveSet></Ableton>`), 'xml-too-deep'],
  ['truncated.als', readFileSync(join(FIXTURES, 'ableton/example-120.als')).subarray(0, 2000), 'corrupt-file'],
  ['truncated.flp', flp.subarray(0, flp.length >> 1), 'corrupt-file'],
  ['lone-gzip-header.als', Uint8Array.of(0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3), 'corrupt-file'],
];

describe('dawstamps on hostile files', () => {
  it.each(HOSTILE.map(([name, bytes, code]) => ({ name, bytes, code })))('$name: exit 2, one stderr line naming the file and $code, no stack', async ({ name, bytes, code }) => {
    const path = file(name, bytes);
    const out = await runCli(path);
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    const lines = out.stderr.trimEnd().split('\n');
    expect(lines, out.stderr).toHaveLength(1);
    expect(lines[0]).toContain(path);
    expect(lines[0]).toContain(`: ${code}: `);
    expect(out.stderr).not.toMatch(/\n\s+at |Error:|node:internal/);
  });

  it('a good file among bad ones is still printed; every bad one gets its line', async () => {
    const good = join(FIXTURES, 'ableton/automation.als');
    const bad = HOSTILE.slice(0, 4).map(([name, bytes]) => file(`mixed-${name}`, bytes));
    const out = await runCli(bad[0]!, good, ...bad.slice(1));
    expect(out.code).toBe(2);
    expect(out.stdout).toContain('00:00 A');
    const lines = out.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(bad.length);
    bad.forEach((path, i) => expect(lines[i]).toContain(path));
  });

  it('an .flp named .als is read by its content', async () => {
    const out = await runCli(file('really-an-flp.als', flp));
    expect(out.code).toBe(0);
    expect(out.stderr).not.toContain('dawstamps:');
  });

  it('a file name with a line break still gives one stderr line', async () => {
    const path = file('two\nlines.als', new Uint8Array(0));
    const out = await runCli(path);
    expect(out.code).toBe(2);
    expect(out.stderr.trimEnd().split('\n'), JSON.stringify(out.stderr)).toHaveLength(1);
  });
});
