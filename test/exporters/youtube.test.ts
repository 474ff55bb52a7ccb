import { describe, expect, it } from 'vitest';
import { exportResult } from '../../lib/exporters';
import { makeResult } from '../helpers/exporters/make-result';

const codes = (ws: Array<{ code: string }>): string[] => ws.map((w) => w.code);

describe('youtube export, fixing (default)', () => {
  it('leaves a valid list alone', () => {
    const r = makeResult([[0, 'A - One'], [65, 'B'], [3904.0002, 'C']], 4000);
    expect(exportResult(r, 'youtube')).toMatchObject({ text: '0:00 A - One\n1:05 B\n1:05:04 C\n', warnings: [] });
  });
  it('inserts 0:00 Intro before a late first marker and names it', () => {
    const { text, warnings } = exportResult(makeResult([[30, 'A'], [60, 'B'], [90, 'C']]), 'youtube');
    expect(text).toBe('0:00 Intro\n0:30 A\n1:00 B\n1:30 C\n');
    expect(warnings).toEqual([{ code: 'youtube-intro', message: 'Added "0:00 Intro": YouTube chapters start at 0:00 and "A" starts at 0:30.' }]);
  });
  it('moves a first marker under 10 s to 0:00 instead of adding a too-short Intro', () => {
    const { text, warnings } = exportResult(makeResult([[4, 'A'], [60, 'B'], [90, 'C']]), 'youtube');
    expect(text).toBe('0:00 A\n1:00 B\n1:30 C\n');
    expect(warnings[0]!.message).toContain('"A" moved from 0:04 to 0:00');
  });
  it('merges chapters under 10 s into the one before, naming them', () => {
    const { text, warnings } = exportResult(makeResult([[0, 'A'], [60, 'B'], [65, 'Quick'], [90, 'C']]), 'youtube');
    expect(text).toBe('0:00 A\n1:05 Quick\n1:30 C\n');
    expect(warnings).toEqual([{ code: 'youtube-merged', message: '"B" at 1:00 lasts 5 s (YouTube needs 10 s): merged into "A".' }]);
  });
  it('of two markers in the first 10 s keeps the longer chapter, moved to 0:00, and drops the shorter one', () => {
    const { text, warnings } = exportResult(makeResult([[0, 'A'], [3, 'B'], [60, 'C'], [90, 'D']]), 'youtube');
    expect(text).toBe('0:00 B\n1:00 C\n1:30 D\n');
    expect(warnings).toEqual([
      { code: 'youtube-moved', message: '"B" moved from 0:03 to 0:00: YouTube chapters start at 0:00.' },
      { code: 'youtube-merged', message: '"A" at 0:00 lasts 3 s (YouTube needs 10 s): merged into "B".' },
    ]);
  });
  it('keeps the 0:00 marker when it is the longer one', () => {
    const { text, warnings } = exportResult(makeResult([[0, 'Long'], [9, 'Blip'], [11, 'Next'], [90, 'Last']]), 'youtube');
    expect(text).toBe('0:00 Long\n0:11 Next\n1:30 Last\n');
    expect(warnings).toEqual([{ code: 'youtube-merged', message: '"Blip" at 0:09 lasts 2 s (YouTube needs 10 s): merged into "Long".' }]);
  });
  it('of two neighbours too close together drops the shorter one, never renaming a chapter', () => {
    // B lasts 5 s, C 80 s: C keeps its name and time, B's 5 s become part of A
    const { text, warnings } = exportResult(makeResult([[0, 'A'], [15, 'B'], [20, 'C'], [100, 'D']], 200), 'youtube');
    expect(text).toBe('0:00 A\n0:20 C\n1:40 D\n');
    expect(warnings).toEqual([{ code: 'youtube-merged', message: '"B" at 0:15 lasts 5 s (YouTube needs 10 s): merged into "A".' }]);
  });
  it('drops only as many chapters as it must: a run of 2-second markers keeps one every 10 s', () => {
    // the old fixer chain-merged these into "0:00 E / 0:10 YY"-like lists of two chapters
    const names = Array.from({ length: 30 }, (_, i) => `M${i}`);
    const r = makeResult(names.map((n, i): [number, string] => [i * 2, n]), 80);
    const { text } = exportResult(r, 'youtube');
    const lines = text.trim().split('\n');
    expect(lines).toHaveLength(6);
    for (const line of lines) {
      const [clock, name] = line.split(' ') as [string, string];
      const [m, s] = clock.split(':').map(Number) as [number, number];
      if (clock !== '0:00') expect(Number(name.slice(1)) * 2).toBe(m * 60 + s);
    }
  });
  it('counts the last chapter against the set length when known', () => {
    const r = makeResult([[0, 'A'], [60, 'B'], [120, 'C'], [595, 'Outro']], 600);
    const { text, warnings } = exportResult(r, 'youtube');
    expect(text).toBe('0:00 A\n1:00 B\n2:00 C\n');
    expect(codes(warnings)).toEqual(['youtube-merged']);
    expect(exportResult({ ...r, durationSeconds: null }, 'youtube').text).toContain('9:55 Outro');
  });
  it('merges markers on the same second', () => {
    const { text } = exportResult(makeResult([[0, 'A'], [60.2, 'B'], [60.7, 'B2'], [120, 'C']]), 'youtube');
    expect(text).toBe('0:00 A\n1:00 B2\n2:00 C\n');
  });
  it('leaves a list that cannot have 3 chapters as it is, with one warning saying why', () => {
    const { text, warnings } = exportResult(makeResult([[0, 'A'], [60, 'B']]), 'youtube');
    expect(text).toBe('0:00 A\n1:00 B\n');
    expect(warnings).toEqual([
      { code: 'youtube-too-few', message: 'Only 2 chapters of at least 10 s can be made from 2 markers, and YouTube needs at least 3, the first at 0:00: the chapters are left as they are, and YouTube will not show them.' },
    ]);
    const close = exportResult(makeResult([[0, 'A'], [4, 'B'], [8, 'C'], [12, 'D']]), 'youtube');
    expect(close.text).toBe('0:00 A\n0:04 B\n0:08 C\n0:12 D\n');
    expect(codes(close.warnings)).toEqual(['youtube-too-few']);
  });
  it('leaves the chapters of a set under 30 s as they are, and says so', () => {
    const { text, warnings } = exportResult(makeResult([[3, 'A'], [12, 'B'], [22, 'C']], 25), 'youtube');
    expect(text).toBe('0:03 A\n0:12 B\n0:22 C\n');
    expect(warnings).toEqual([
      { code: 'youtube-too-few', message: 'The set lasts 0:25, and YouTube needs at least 3 chapters of 10 s (0:30): the chapters are left as they are, and YouTube will not show them.' },
    ]);
  });
  it('rounds to whole seconds with the rounding option', () => {
    const r = makeResult([[0, 'A'], [59.6, 'B'], [120, 'C']]);
    expect(exportResult(r, 'youtube').text).toContain('0:59 B');
    expect(exportResult(r, 'youtube', { rounding: 'nearest' }).text).toContain('1:00 B');
  });
});

describe('youtube export, fix off', () => {
  it('emits the markers as they are, one warning per broken rule', () => {
    const r = makeResult([[30, 'A'], [35, 'B'], [35.4, 'C']], 40);
    const { text, warnings } = exportResult(r, 'youtube', { fix: false });
    expect(text).toBe('0:30 A\n0:35 B\n0:35 C\n');
    expect(codes(warnings)).toEqual(['youtube-not-zero', 'youtube-short', 'youtube-order', 'youtube-short']);
    for (const w of warnings) expect(w.message).toMatch(/"[ABC]"/);
  });
  it('writes markers before the start with a minus sign, and says so', () => {
    const { text, warnings } = exportResult(makeResult([[-20, 'Early'], [0, 'A'], [60, 'B']]), 'youtube', { fix: false });
    expect(text).toBe('-0:20 Early\n0:00 A\n1:00 B\n');
    expect(codes(warnings)).toContain('youtube-not-zero');
  });
  it('is quiet for a valid list', () => {
    expect(exportResult(makeResult([[0, 'A'], [60, 'B'], [120, 'C']], 200), 'youtube', { fix: false }).warnings).toEqual([]);
  });
});
