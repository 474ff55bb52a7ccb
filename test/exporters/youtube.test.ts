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
  it('merges a short first chapter into the next one, which then starts at 0:00', () => {
    const { text, warnings } = exportResult(makeResult([[0, 'A'], [3, 'B'], [60, 'C'], [90, 'D']]), 'youtube');
    expect(text).toBe('0:00 B\n1:00 C\n1:30 D\n');
    expect(warnings[0]!.message).toBe('"A" at 0:00 lasts 3 s (YouTube needs 10 s): merged into "B", which now starts at 0:00.');
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
  it('says when fewer than 3 chapters remain: YouTube would ignore them', () => {
    const { text, warnings } = exportResult(makeResult([[0, 'A'], [60, 'B']]), 'youtube');
    expect(text).toBe('0:00 A\n1:00 B\n');
    expect(codes(warnings)).toEqual(['youtube-too-few']);
    expect(codes(exportResult(makeResult([]), 'youtube').warnings)).toEqual(['youtube-too-few']);
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
