// REAPER projects (test/helpers/rpp-builder.ts) cut, byte-damaged and line-mutated, and hostile
// ones made from nothing: every case is a sane result or a typed error within the hang guard.
import { describe, expect, it } from 'vitest';
import { mixProject, rppBytes, rppText } from '../helpers/rpp-builder';
import { casesFor, FUZZ_TIMEOUT, rng, Tally, type Rng } from './fuzz-kit';
import { concat, mutateBytes, randomBytes, truncate } from './mutate';

const enc = new TextEncoder();
const HEAD = '<REAPER_PROJECT 0.1 "7.14/win64" 1700000000\n';
const base = rppText({ ...mixProject(), tracks: mixProject().tracks!.map((t) => ({ ...t, plugins: t.plugins ? [2000] : [] })) });
const baseBytes = enc.encode(base);

/** Values a number field may be replaced with. */
const GARBAGE = ['x', '', '-', '1e999', 'NaN', '-1e400', '0x10', '1,5', '1.2.3', '-0', '1e-320', '999999999999', '"5"', '\u00e9', '-120'];

/** One line-level change: drop, duplicate, swap, a stray block bracket, a garbage field, a NUL. */
function mutateLines(text: string, r: Rng): { label: string; bytes: Uint8Array } {
  const lines = text.split('\n');
  const i = 1 + r.int(lines.length - 2);
  const line = lines[i]!;
  switch (r.int(7)) {
    case 0:
      lines.splice(i, 1);
      return { label: `line ${i + 1} dropped`, bytes: enc.encode(lines.join('\n')) };
    case 1:
      lines.splice(i, 0, line);
      return { label: `line ${i + 1} doubled`, bytes: enc.encode(lines.join('\n')) };
    case 2: {
      const j = 1 + r.int(lines.length - 2);
      [lines[i], lines[j]] = [lines[j]!, line];
      return { label: `lines ${i + 1} and ${j + 1} swapped`, bytes: enc.encode(lines.join('\n')) };
    }
    case 3:
      lines.splice(i, 0, r.int(2) === 0 ? '  <STRAY' : '  >');
      return { label: `bracket at line ${i + 1}`, bytes: enc.encode(lines.join('\n')) };
    case 4: {
      const tokens = line.trim().split(' ');
      const k = 1 + r.int(Math.max(1, tokens.length - 1));
      tokens[k] = r.pick(GARBAGE);
      lines[i] = `  ${tokens.join(' ')}`;
      return { label: `field ${k} of line ${i + 1} garbled: ${lines[i]!.slice(0, 80)}`, bytes: enc.encode(lines.join('\n')) };
    }
    case 5:
      lines[i] = `${line.slice(0, r.int(line.length + 1))}\u0000${line.slice(1)}`;
      return { label: `NUL in line ${i + 1}`, bytes: enc.encode(lines.join('\n')) };
    default: {
      const markerAt = lines.findIndex((l) => l.includes('MARKER'));
      const numbers = Array.from({ length: 5 }, () => r.pick([String(r.int(1e6) / 7), r.pick(GARBAGE), String(-r.int(100)), '1e8']));
      lines.splice(markerAt, 0, `  MARKER ${numbers.join(' ')}`);
      return { label: `marker line of ${numbers.join(' ')}`, bytes: enc.encode(lines.join('\n')) };
    }
  }
}

describe('fuzzing REAPER projects', () => {
  it('truncated at many offsets, LF and CRLF: corrupt-file (not-a-project before the magic)', async () => {
    const r = rng(900);
    const tally = new Tally();
    const crlf = rppBytes(mixProject(), { crlf: true });
    const n = casesFor(0.02, 40);
    for (let k = 0; k < n; k++) {
      const source = k % 2 === 0 ? baseBytes : crlf;
      const m = truncate(source, 1 + r.int(source.length - 2));
      const outcome = await tally.run(`rpp ${m.label}`, m.bytes);
      expect(['corrupt-file', 'not-a-project'], m.label).toContain(outcome);
    }
    tally.finish(n);
    console.log(`rpp truncated: ${tally.summary()}`);
  }, FUZZ_TIMEOUT);

  it('byte-damaged copies (also with continuous timing, negative times and clips): a result or a typed error', async () => {
    const r = rng(901);
    const tally = new Tally();
    const n = casesFor(0.05, 60);
    for (let k = 0; k < n; k++) {
      const m = mutateBytes(baseBytes, r);
      const options = k % 3 === 2 ? { timing: 'stepped' as const, beforeStart: 'negative' as const, source: 'clips' as const } : {};
      await tally.run(`rpp ${m.label}`, m.bytes, options);
    }
    tally.finish(n);
    console.log(`rpp damaged: ${tally.summary()}`);
  }, FUZZ_TIMEOUT);

  it('line-level mutations (dropped, doubled, swapped, stray brackets, garbage fields, NUL): a result or a typed error', async () => {
    const r = rng(902);
    const tally = new Tally();
    const n = casesFor(0.05, 80);
    for (let k = 0; k < n; k++) {
      const m = mutateLines(base, r);
      await tally.run(`rpp ${m.label}`, m.bytes, k % 2 === 0 ? { source: 'clips' } : {});
    }
    tally.finish(n);
    expect(tally.counts.get('ok') ?? 0).toBeGreaterThan(0);
    expect(tally.counts.get('corrupt-file') ?? 0).toBeGreaterThan(0);
    console.log(`rpp lines: ${tally.summary()}`);
  }, FUZZ_TIMEOUT);

  it('random bytes after the magic line, with and without NUL bytes: corrupt-file or xml-too-deep', async () => {
    const r = rng(903);
    const tally = new Tally();
    const n = casesFor(0.02, 40);
    for (let k = 0; k < n; k++) {
      const junk = randomBytes(64 + r.int(20_000), r);
      if (k % 2 === 0) for (let j = 0; j < junk.length; j++) if (junk[j] === 0) junk[j] = 0x0a;
      // ending in a line that is not a block's end: the project can never be whole (without it, junk
      // whose last line happens to start with ">" closes the project, and unknown statements are skipped)
      const outcome = await tally.run(`rpp random #${k} (${junk.length} bytes)`, concat(enc.encode(HEAD), junk, enc.encode('\nx')));
      expect(['corrupt-file', 'xml-too-deep']).toContain(outcome);
    }
    tally.finish(n);
    console.log(`rpp random: ${tally.summary()}`);
  }, FUZZ_TIMEOUT);

  it('hostile shapes: deep nesting, long lines, extreme numbers, many points', async () => {
    const tally = new Tally();
    const cases: Array<[string, string, object?]> = [
      ['300 levels', `${HEAD}${'<X\n'.repeat(300)}${'>\n'.repeat(301)}`],
      ['255 levels closed', `${HEAD}${'<X\n'.repeat(254)}${'>\n'.repeat(255)}`],
      ['100,000 levels unclosed', `${HEAD}${'<ITEM\n'.repeat(100_000)}`],
      ['a 2 MB base64 line over a 1 MB limit', `${HEAD}  <VST x\n    ${'QUJD'.repeat(512 * 1024)}\n  >\n>\n`, { limits: { maxValueBytes: 1024 * 1024 } }],
      ['a 2 MB marker name over a 1 MB limit', `${HEAD}  MARKER 1 0 "${'n'.repeat(2 * 1024 * 1024)}" 0\n>\n`, { limits: { maxValueBytes: 1024 * 1024 } }],
      ['a 4 MB marker name under the limit', `${HEAD}  MARKER 1 0 "${'n'.repeat(4 * 1024 * 1024)}" 0\n>\n`],
      ['extreme tempo', `${HEAD}  TEMPO 1e6 4 4\n  <TEMPOENVEX\n    PT 0 0.000001 0\n    PT 1e9 1e6 0\n  >\n  MARKER 1 1e9 end 0\n>\n`],
      ['points out of order', `${HEAD}  <TEMPOENVEX\n    PT 30 140 0\n    PT 0 120 0\n    PT 30 90 1\n    PT 10 100 -1\n  >\n  MARKER 1 20 x 0\n>\n`],
      ['many tempo points', `${HEAD}  <TEMPOENVEX\n${Array.from({ length: 50_000 }, (_, i) => `    PT ${i * 0.5} ${100 + (i % 40)} ${i % 2}\n`).join('')}  >\n  MARKER 1 100 x 0\n>\n`],
      ['negative positions', `${HEAD}  MARKER 1 -5 before 0\n  MARKER 2 5 after 0\n  <TEMPOENVEX\n    PT -10 90 0\n    PT 10 150 1\n  >\n>\n`],
      ['time signature junk', `${HEAD}  <TEMPOENVEX\n    PT 0 120 1 4294967295 0 1\n    PT 1 120 1 196611 0 1\n    PT 2 120 1 -3 0 1\n  >\n  MARKER 1 3 x 0\n>\n`],
      ['TEMPO time signature junk', `${HEAD}  TEMPO 120 99999999 -4\n  MARKER 1 3 x 0\n>\n`],
      ['an item ending past 1e9 s', `${HEAD}  <TRACK\n    <ITEM\n      POSITION 9e8\n      LENGTH 9e8\n      <SOURCE WAVE\n        FILE a.wav\n      >\n    >\n  >\n>\n`],
      ['regions alone, two unclosed with long names', `${HEAD}  MARKER 1 0 "\u001b[2J${'n'.repeat(100_000)}" 1\n  MARKER 2 5 "${'m'.repeat(100_000)}" 1\n  MARKER 3 10 r 1\n  MARKER 3 1e9 "" 1\n>\n`],
      ['only the magic', '<REAPER_PROJECT'],
      ['magic twice', `${HEAD}>\n${HEAD}>\n`],
      ['a closing bracket first', '<REAPER_PROJECT\n>\n>\n'],
    ];
    for (const [label, body, options] of cases) await tally.run(label, enc.encode(body), options ?? {});
    for (const [label, body, options] of cases.slice(0, 7)) await tally.run(`${label}, negative`, enc.encode(body), { ...options, beforeStart: 'negative', timing: 'stepped' });
    tally.finish(cases.length + 7);
    expect(tally.counts.get('xml-too-deep')).toBeGreaterThanOrEqual(2);
    expect(tally.counts.get('value-too-long')).toBeGreaterThanOrEqual(2);
    console.log(`rpp hostile: ${tally.summary()}`);
  }, FUZZ_TIMEOUT);
});
