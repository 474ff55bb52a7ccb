/**
 * The YouTube fixer over random chapter lists (fast-check): its output is always a list YouTube
 * shows (first at 0:00, at least 3, each at least 10 s, the last too when the end is known) or the
 * input unchanged with one warning; a chapter is always named after the marker at its time (the
 * 0:00 chapter: a marker of the first 10 s, or an added Intro); it drops no more markers than a
 * brute-force search over every subset must.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportResult } from '../../lib/exporters';
import { fixChapters, MIN_CHAPTERS, MIN_LENGTH, type Chapter } from '../../lib/exporters/youtube-rules';
import { makeResult } from '../helpers/exporters/make-result';

/** Whole-second times in order (some equal), uniquely named m0, m1…; an end before, at or after the last. */
const lists = (maxLength: number): fc.Arbitrary<{ input: Chapter[]; end: number | null }> =>
  fc
    .tuple(fc.array(fc.integer({ min: 0, max: 25 }), { minLength: 0, maxLength }), fc.integer({ min: 0, max: 30 }), fc.option(fc.double({ min: -20, max: 40, noNaN: true })))
    .map(([gaps, first, tail]) => {
      let t = first;
      const input = gaps.map((g, i): Chapter => ({ time: i === 0 ? t : (t += g), name: `m${i}` }));
      const last = input.at(-1)?.time ?? 0;
      return { input, end: tail === null ? null : Math.max(0, last + tail) };
    });

function valid(chapters: readonly Chapter[], end: number | null): boolean {
  if (chapters.length < MIN_CHAPTERS || chapters[0]!.time !== 0) return false;
  for (let i = 1; i < chapters.length; i++) if (chapters[i]!.time - chapters[i - 1]!.time < MIN_LENGTH) return false;
  return end === null || end - chapters[chapters.length - 1]!.time >= MIN_LENGTH;
}

/** The most markers any valid list keeps (-1: none is valid), by trying every subset. */
function bruteForceBest(input: readonly Chapter[], end: number | null): number {
  let best = -1;
  for (let mask = 1; mask < 1 << input.length; mask++) {
    const kept = input.filter((_, i) => mask & (1 << i));
    const chapters = kept[0]!.time < MIN_LENGTH ? [{ ...kept[0]!, time: 0 }, ...kept.slice(1)] : [{ time: 0, name: 'Intro' }, ...kept];
    if (valid(chapters, end)) best = Math.max(best, kept.length);
  }
  return best;
}

/** Every chapter is named after the marker at its time; the 0:00 one may be Intro or a marker of the first 10 s. */
function namesHold(chapters: readonly Chapter[], input: readonly Chapter[]): void {
  chapters.forEach((c, k) => {
    if (k === 0) {
      const early = input.filter((m) => m.time < MIN_LENGTH);
      if (c.name === 'Intro') expect(early).toEqual([]);
      else expect(early.map((m) => m.name)).toContain(c.name);
    } else {
      expect(input.some((m) => m.name === c.name && m.time === c.time), `${c.time} ${c.name}`).toBe(true);
    }
  });
}

describe('the YouTube fixer', () => {
  it('gives a valid list, or the input unchanged with one warning', () => {
    fc.assert(
      fc.property(lists(40), ({ input, end }) => {
        const { chapters, warnings, fixed } = fixChapters(input, end);
        if (fixed) {
          expect(valid(chapters, end)).toBe(true);
          namesHold(chapters, input);
          // every marker is kept or accounted for by one warning; Intro and a move say so too
          const kept = chapters.filter((c) => c.name !== 'Intro').length;
          expect(warnings.filter((w) => w.code === 'youtube-merged')).toHaveLength(input.length - kept);
          expect(warnings.every((w) => ['youtube-merged', 'youtube-moved', 'youtube-intro'].includes(w.code))).toBe(true);
        } else {
          expect(chapters).toEqual(input);
          expect(warnings).toHaveLength(1);
          expect(warnings[0]!.code).toBe('youtube-too-few');
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('drops no more markers than it must (against every subset of short lists)', () => {
    fc.assert(
      fc.property(lists(10), ({ input, end }) => {
        const { chapters, fixed } = fixChapters(input, end);
        const best = bruteForceBest(input, end);
        expect(fixed).toBe(best >= 0);
        if (fixed) expect(chapters.filter((c) => c.name !== 'Intro')).toHaveLength(best);
      }),
      { numRuns: 1000 },
    );
  });

  it('leaves a valid list exactly as it is, without a warning', () => {
    const gaps = fc.array(fc.integer({ min: MIN_LENGTH, max: 400 }), { minLength: MIN_CHAPTERS - 1, maxLength: 30 });
    fc.assert(
      fc.property(gaps, fc.option(fc.integer({ min: MIN_LENGTH, max: 100 })), (steps, tail) => {
        let t = 0;
        const input = [{ time: 0, name: 'm0' }, ...steps.map((g, i) => ({ time: (t += g), name: `m${i + 1}` }))];
        const out = fixChapters(input, tail === null ? null : t + tail);
        expect(out).toEqual({ chapters: input, warnings: [], fixed: true });
      }),
    );
  });

  it('is linear: 100,000 markers a second apart take milliseconds, not the minutes a quadratic search would', () => {
    const input = Array.from({ length: 100_000 }, (_, i) => ({ time: i, name: `m${i}` }));
    const started = performance.now();
    const { chapters, fixed } = fixChapters(input, 100_000);
    expect(performance.now() - started).toBeLessThan(3000);
    expect(fixed).toBe(true);
    expect(chapters).toHaveLength(10_000);
  });
});

describe('youtube export with fixing on', () => {
  it('prints a valid list, or the markers as they are with one youtube-too-few warning', () => {
    const markers = fc.array(fc.tuple(fc.double({ min: -30, max: 400, noNaN: true }), fc.constantFrom('A', 'B - C', 'D')), { minLength: 1, maxLength: 25 });
    fc.assert(
      fc.property(markers, fc.option(fc.double({ min: 0, max: 500, noNaN: true })), fc.constantFrom('down', 'nearest', 'up') as fc.Arbitrary<'down'>, (list, end, rounding) => {
        const r = makeResult([...list].sort((a, b) => a[0] - b[0]).map(([t, n], i): [number, string] => [t, `${n} ${i}`]), end);
        const { text, warnings } = exportResult(r, 'youtube', { rounding });
        const chapters = text.split('\n').slice(0, -1).map((line): Chapter => {
          const m = /^(?:(\d+):([0-5]\d)|(\d{1,2})):([0-5]\d) (.+)$/.exec(line);
          expect(m, line).not.toBeNull();
          const time = m![1] !== undefined ? Number(m![1]) * 3600 + Number(m![2]) * 60 + Number(m![4]) : Number(m![3]) * 60 + Number(m![4]);
          return { time, name: m![5]! };
        });
        const tooFew = warnings.filter((w) => w.code === 'youtube-too-few');
        if (tooFew.length === 0) expect(valid(chapters, r.durationSeconds)).toBe(true);
        else {
          expect(tooFew).toHaveLength(1);
          expect(warnings.filter((w) => /^youtube-/.test(w.code))).toHaveLength(1);
        }
      }),
      { numRuns: 300 },
    );
  });
});
