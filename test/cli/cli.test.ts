/** The built CLI (dist/cli.cjs, as `npm install` builds it) end to end, through a child process. */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { convert } from '../../lib';
import { bigSetOptions, buildAls } from '../helpers/als-builder';
import { CLI, runCli } from '../helpers/cli';
import { REPO } from '../helpers/functions/server-process';
import { FIXTURES } from '../helpers/fixtures';

const run = promisify(execFile);

const automation = `${FIXTURES}ableton/automation.als`;
const example = `${FIXTURES}ableton/example-140.als`;

describe('dawstamps FILE', () => {
  it('prints the tracklist as mm:ss name lines and exits 0', async () => {
    const out = await runCli(automation);
    expect(out.code).toBe(0);
    expect(out.stdout).toBe('00:00 A\n00:04 B\n00:05 D\n00:06 C\n00:07 Z\n00:08 E\n');
  });

  it('prints milliseconds with --ms and follows --timing', async () => {
    expect((await runCli(automation, '--ms')).stdout.split('\n')[2]).toBe('00:05.664 D');
    expect((await runCli(automation, '--ms', '--timing', 'continuous')).stdout.split('\n')[2]).toBe('00:05.622 D');
  });

  it('starts the clock at --start and drops what comes before', async () => {
    expect((await runCli(automation, '--start', 'B')).stdout).toBe('00:00 B\n00:01 D\n00:02 C\n00:03 Z\n00:04 E\n');
    expect((await runCli(automation, '--start', 'B', '--before-start', 'negative', '--ms')).stdout.split('\n')[0]).toBe('-00:04.000 A');
  });

  it('switches to h:mm:ss when the set reaches an hour', async () => {
    const out = await runCli(example);
    expect(out.stdout.split('\n')[0]).toMatch(/^0:00:00 /);
    expect(out.stdout.trim().split('\n').pop()).toMatch(/^1:00:20 /);
  });
});

describe('--format template, and an empty tracklist', () => {
  it('prints each entry in the --template given', async () => {
    const out = await runCli(automation, '--format', 'template', '--template', '{index:02}. {name} [{start:m:ss.ms}]');
    expect(out.code).toBe(0);
    expect(out.stdout.split('\n').slice(0, 3)).toEqual(['01. A [0:00.000]', '02. B [0:04.000]', '03. D [0:05.664]']);
    // --template alone means --format template
    expect((await runCli(automation, '--template', '{index:02}. {name} [{start:m:ss.ms}]')).stdout).toBe(out.stdout);
  });

  it('refuses a bad template before reading any file: exit 1, the mistake and its column', async () => {
    const out = await runCli(automation, '--format', 'template', '--template', '{index:02}. {titel}');
    expect([out.code, out.stdout]).toEqual([1, '']);
    expect(out.stderr).toMatch(/^dawstamps: invalid-option: The template has an unknown placeholder \{titel\} at column 13; /);
  });

  it('exits 2 with empty-tracklist for a set without entries; --format json still prints the result', async () => {
    const empty = `${FIXTURES}flstudio/auto-basic.flp`;
    const out = await runCli(empty);
    expect([out.code, out.stdout]).toEqual([2, '']);
    expect(out.stderr).toContain(`dawstamps: ${empty}: empty-tracklist: The tracklist is empty: the set has no markers.`);
    const json = await runCli(empty, '--format', 'json');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout).markers).toEqual([]);
  });
});

describe('the bin run directly (as npm links it)', () => {
  it('starts through its shebang and prints what `node dist/cli.cjs` prints', async () => {
    const shebang = readFileSync(CLI, 'utf8').split('\n', 1)[0];
    expect(shebang).toBe('#!/usr/bin/env node');
    // a node directory first on PATH, as npm's bin shims would find it
    const env = { ...process.env, PATH: `${join(process.execPath, '..')}:${process.env.PATH ?? ''}` };
    const direct = await run(CLI, [example], { cwd: REPO, env });
    const viaNode = await runCli(example);
    expect(direct.stdout).toBe(viaNode.stdout);
    expect(direct.stdout).toMatch(/^0:00:00 mirvs/);
  });
});

describe('--format json', () => {
  it('prints the result exactly as lib returns it for one file', async () => {
    const out = await runCli(automation, '--format', 'json');
    expect(out.code).toBe(0);
    const result = JSON.parse(out.stdout);
    expect(result.source).toEqual({ daw: 'ableton', version: '10.1.7', application: 'Ableton Live 10.1.7', file: 'automation.als' });
    expect(result.timing.model).toBe('stepped');
    expect(result.markers.map((m: { name: string }) => m.name)).toEqual(['A', 'B', 'D', 'C', 'Z', 'E']);
    expect(result.markers[2].seconds).toBeCloseTo(5.664250071431388, 9);
  });

  it('prints an array, one document a file, for several files', async () => {
    const out = await runCli('--format', 'json', automation, example);
    const results = JSON.parse(out.stdout);
    expect(Array.isArray(results)).toBe(true);
    expect(results.map((r: { source: { file: string } }) => r.source.file)).toEqual(['automation.als', 'example-140.als']);
  });
});

describe('failures', () => {
  it('exits 2 with one stderr line naming the file and the code, and still prints the others', async () => {
    const junk = `${FIXTURES}ableton/junk.als`;
    const out = await runCli(junk, automation);
    expect(out.code).toBe(2);
    expect(out.stderr.trim().split('\n')).toEqual([`dawstamps: ${junk}: not-a-project: The file is not a project dawstamps reads: Ableton Live set (.als), FL Studio project (.flp), DAWproject file (.dawproject), REAPER project (.rpp).`]);
    expect(out.stdout).toContain('00:08 E');
    expect(out.stderr).not.toMatch(/\bat .+:\d+:\d+/); // no stack trace
  });

  it('says empty-file and file-not-found, exit 2', async () => {
    const empty = await runCli(`${FIXTURES}ableton/empty.als`);
    expect([empty.code, empty.stderr]).toEqual([2, expect.stringContaining(': empty-file: ')]);
    const missing = await runCli('/nonexistent/set.als');
    expect([missing.code, missing.stderr.trim()]).toEqual([2, 'dawstamps: /nonexistent/set.als: file-not-found: There is no such file.']);
  });

  it('says not-a-file for a folder, exit 2', async () => {
    const out = await runCli(`${FIXTURES}ableton`);
    expect([out.code, out.stderr.trim()]).toEqual([2, `dawstamps: ${FIXTURES}ableton: not-a-file: This is a folder, not a file.`]);
  });

  it('shows the stack trace with --debug only', async () => {
    const out = await runCli(`${FIXTURES}ableton/junk.als`, '--debug');
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/\bat .+:\d+:\d+/);
  });

  it('exits 1 for usage errors: unknown option, unknown format, bad values, no file', async () => {
    for (const args of [['--bogus', automation], ['--format', 'nope', automation], ['--timing', 'smooth', automation], ['--start', '#0', automation], []]) {
      const out = await runCli(...args);
      expect(out.code, args.join(' ')).toBe(1);
      expect(out.stderr).toMatch(/^dawstamps: /);
      expect(out.stdout).toBe('');
    }
  });

  it('answers --help (listing every export format) and --version', async () => {
    const help = await runCli('--help');
    expect(help.code).toBe(0);
    for (const id of ['text', 'youtube', 'cue', 'csv', 'json', 'audacity', 'webvtt', 'ffmetadata', 'podcast', 'mixcloud', 'template', 'report', 'report-json', 'audition']) expect(help.stdout).toContain(`    ${id}`);
    expect((await runCli('--version')).stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('sets cut short or followed by more (plain XML and gzip, read whole and streamed)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dawstamps-cli-'));
  const write = (name: string, bytes: Uint8Array): string => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return path;
  };
  const small = gunzipSync(readFileSync(automation));
  const big = gunzipSync(readFileSync(`${FIXTURES}ableton/live9-automation.als`));

  it('a truncated plain-XML .als exits 2 with corrupt-file and the sentence, small (read whole) or over 1 MB (streamed)', async () => {
    const cut = small.length - 40;
    const file = write('cut.als', small.subarray(0, cut));
    const out = await runCli(file, automation);
    expect(out.code).toBe(2);
    expect(out.stderr.trim().split('\n')).toEqual([`dawstamps: ${file}: corrupt-file: The XML is broken: it ends before the document does (after ${cut} bytes, inside <ViewStates>).`]);
    expect(out.stdout).toContain('00:08 E');
    expect(big.length).toBeGreaterThan(1024 * 1024);
    const bigCut = write('big-cut.als', big.subarray(0, big.length >> 1));
    const streamed = await runCli(bigCut);
    expect([streamed.code, streamed.stdout]).toEqual([2, '']);
    expect(streamed.stderr).toMatch(/^dawstamps: .*big-cut\.als: corrupt-file: The XML is broken: it ends before the document does \(after \d+ bytes, .*\)\.\n$/);
  });

  it('a small gzip that inflates past what is inflated whole (64 MB) is streamed: whitespace after the set reads, junk after it does not', async () => {
    const tail = Buffer.alloc(70 * 1024 * 1024, 32);
    const spaced = gzipSync(Buffer.concat([small, tail]), { level: 1 });
    expect(spaced.length).toBeLessThan(1024 * 1024);
    const out = await runCli(write('spaced.als', spaced));
    expect([out.code, out.stderr, out.stdout]).toEqual([0, '', '00:00 A\n00:04 B\n00:05 D\n00:06 C\n00:07 Z\n00:08 E\n']);
    const junk = await runCli(write('spaced-junk.als', gzipSync(Buffer.concat([small, tail, Buffer.from('x')]), { level: 1 })));
    expect([junk.code, junk.stderr]).toEqual([2, expect.stringContaining(': corrupt-file: The XML is broken: there is data after the end of the document (“x”).')]);
  });

  it('two sets in one file are corrupt-file; gzipped text is not-a-project', async () => {
    const twice = await runCli(write('twice.als', gzipSync(Buffer.concat([small, small]))));
    expect([twice.code, twice.stderr]).toEqual([2, expect.stringContaining(': corrupt-file: The XML is broken: there is data after the end of the document (“<?xml ')]);
    const text = await runCli(write('text.als', gzipSync('not a set')));
    expect([text.code, text.stderr]).toEqual([2, expect.stringContaining(': not-a-project: This file is compressed the way Live sets are, but what is inside is not an Ableton Live set.')]);
  });
});

describe('large files and pipes (streamed from disk, never read whole)', () => {
  const bytes = buildAls(bigSetOptions(0.05));
  const dir = mkdtempSync(join(tmpdir(), 'dawstamps-cli-'));
  const file = join(dir, 'big.als');
  writeFileSync(file, bytes);

  it('a set over the whole-read size (1 MB) prints exactly what convert(bytes) gives', async () => {
    expect(bytes.length).toBeGreaterThan(1024 * 1024);
    const reference = JSON.parse(JSON.stringify(await convert(bytes, { fileName: 'big.als' })));
    expect(reference.markers.length).toBeGreaterThan(0);
    const out = await runCli(file, '--format', 'json');
    expect([out.code, out.stderr]).toEqual([0, '']);
    expect(JSON.parse(out.stdout)).toEqual(reference);
  });

  it('reads a pipe (/dev/stdin) as a stream', async () => {
    const reference = JSON.parse(JSON.stringify(await convert(bytes, { fileName: 'stdin' })));
    // a real pipe (Node's own child stdin is a socket, which /dev/stdin cannot reopen)
    const q = (text: string): string => `'${text.replace(/'/g, `'\\''`)}'`;
    const { stdout, stderr } = await run('sh', ['-c', `cat ${q(file)} | ${q(process.execPath)} ${q(CLI)} /dev/stdin --format json`], { maxBuffer: 64 * 1024 * 1024 });
    expect(stderr).toBe('');
    expect(JSON.parse(stdout)).toEqual(reference);
  });
});
