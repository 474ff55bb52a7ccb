import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportResult } from '../../lib/exporters';
import type { Result } from '../../lib/model';
import { extractIsrc, sanitizeName } from '../../lib/text';
import { makeResult, type MarkerSpec } from '../helpers/exporters/make-result';
import { parseAudition, parseCsv, parseCue, parseFfmetadata, parseVtt } from '../helpers/exporters/parsers';

/** Any name: Unicode, quotes, control characters, separators. */
const name = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ unit: fc.constantFrom('a', ' ', '-', '"', '=', ',', '\n', '\t', '\u0000', '你', '<', '>', '&', '#', ';', '\\'), maxLength: 12 }),
);

/** Times in time order, possibly equal, possibly before the start. */
const times = (minGap: number, allowNegative: boolean, maxLength: number): fc.Arbitrary<number[]> =>
  fc
    .array(fc.double({ min: minGap, max: 900, noNaN: true }), { minLength: 1, maxLength })
    .chain((gaps) =>
      fc.double({ min: allowNegative ? -120 : 0, max: 600, noNaN: true }).map((first) => {
        let t = first + 0;
        return gaps.map((g, i) => (i === 0 ? t : (t += g)));
      }),
    );

const result = (opts: { minGap?: number; negative?: boolean; maxLength?: number } = {}): fc.Arbitrary<Result> =>
  fc
    .tuple(
      times(opts.minGap ?? 0, opts.negative ?? true, opts.maxLength ?? 30),
      fc.array(name, { minLength: 40, maxLength: 40 }),
      fc.option(fc.double({ min: 0, max: 2000, noNaN: true })),
    )
    .map(([ts, names, tail]) => makeResult(ts.map((t, i): MarkerSpec => [t, names[i]!]), tail === null ? null : (ts.at(-1) ?? 0) + tail));

/** The name every format prints: made safe, its ISRC taken out, `Track N` when nothing is left. */
const expectedName = (raw: string, i: number): string => extractIsrc(sanitizeName(raw)).name || `Track ${i + 1}`;
const runs = { numRuns: 150 };

describe('properties over random marker lists', () => {
  it('text: one line a marker, times in order', () => {
    fc.assert(
      fc.property(result(), fc.constantFrom('s', 'ms') as fc.Arbitrary<'s' | 'ms'>, fc.constantFrom('down', 'nearest', 'up') as fc.Arbitrary<'down'>, (r, precision, rounding) => {
        const lines = exportResult(r, 'text', { precision, rounding }).text.split('\n').slice(0, -1);
        expect(lines).toHaveLength(r.markers.length);
        const secs = lines.map((l) => {
          const m = /^(-?)(?:(\d+):)?(\d\d):(\d\d)(?:\.(\d{3}))? (.+)$/.exec(l)!;
          expect(m).not.toBeNull();
          return (m[1] ? -1 : 1) * (Number(m[2] ?? 0) * 3600 + Number(m[3]) * 60 + Number(m[4]) + Number(m[5] ?? 0) / 1000);
        });
        for (let i = 1; i < secs.length; i++) expect(secs[i]!).toBeGreaterThanOrEqual(secs[i - 1]!);
        secs.forEach((s, i) => expect(Math.abs(s - r.markers[i]!.seconds)).toBeLessThanOrEqual(precision === 'ms' ? 0.001 : 1));
      }),
      runs,
    );
  });

  it('cue: ordered, no duplicate or negative INDEX, within a frame of the marker', () => {
    fc.assert(
      fc.property(result({ minGap: 0.02, negative: false, maxLength: 99 }).filter((r) => r.markers.length > 0), (r) => {
        const sheet = parseCue(exportResult(r, 'cue').text);
        const frames = sheet.tracks.map((t) => t.indexes.get(1)!);
        expect(sheet.tracks.map((t) => t.number)).toEqual(frames.map((_, i) => i + 1));
        frames.forEach((f, i) => {
          expect(f).toBeGreaterThanOrEqual(0);
          if (i > 0) expect(f).toBeGreaterThan(frames[i - 1]!);
          expect(Math.abs(f / 75 - r.markers[i]!.seconds)).toBeLessThanOrEqual(1 / 75);
        });
      }),
      runs,
    );
  });

  it('cue: markers on the same frame, or before the start, still give strictly increasing indexes', () => {
    fc.assert(
      fc.property(result({ maxLength: 99 }).filter((r) => r.markers.length > 0), (r) => {
        const frames = parseCue(exportResult(r, 'cue').text).tracks.map((t) => t.indexes.get(1)!);
        expect(frames[0]).toBeGreaterThanOrEqual(0);
        for (let i = 1; i < frames.length; i++) expect(frames[i]!).toBeGreaterThan(frames[i - 1]!);
      }),
      runs,
    );
  });

  it('csv: parses back to the markers within a millisecond', () => {
    fc.assert(
      fc.property(result(), (r) => {
        const rows = parseCsv(exportResult(r, 'csv').text);
        expect(rows).toHaveLength(r.markers.length + 1);
        rows.slice(1).forEach((row, i) => {
          expect(row).toHaveLength(5);
          expect(Math.abs(Number(row[1]) - r.markers[i]!.seconds)).toBeLessThanOrEqual(0.0005 + 1e-9);
          const nameCell = row[4]!;
          const clean = expectedName(r.markers[i]!.name, i);
          expect(nameCell === clean || nameCell === `'${clean}`).toBe(true);
          expect(/^[=+\-@\t\r]/.test(nameCell)).toBe(false);
        });
      }),
      runs,
    );
  });

  it('webvtt and ffmetadata: chapters ordered, contiguous, never negative, within a millisecond', () => {
    fc.assert(
      fc.property(result({ minGap: 0.002 }), (r) => {
        const cues = parseVtt(exportResult(r, 'webvtt').text);
        const chapters = parseFfmetadata(exportResult(r, 'ffmetadata').text).chapters;
        const kept = r.markers.length - cues.length;
        cues.forEach((c, i) => {
          expect(c.start).toBeGreaterThanOrEqual(0);
          expect(c.end).toBeGreaterThan(c.start);
          if (i > 0) expect(c.start).toBe(cues[i - 1]!.end);
          const marker = r.markers[i + kept]!;
          // rounding moves a chapter by at most 0.5 ms; a chapter that would land on the ms of a marker
          // clamped to 0:00 (one before the start) is moved 1 ms later, so the bound is a millisecond
          if (marker.seconds >= 0) expect(Math.abs(c.start / 1000 - marker.seconds)).toBeLessThanOrEqual(0.001 + 1e-9);
          expect(c.text).toBe(expectedName(marker.name, i + kept));
          expect(chapters[i]).toMatchObject({ START: String(c.start), END: String(c.end), title: c.text });
        });
      }),
      runs,
    );
  });

  it('podcast, mixcloud, audacity: ordered and never negative', () => {
    fc.assert(
      fc.property(result(), (r) => {
        const starts = (xs: number[]): void => xs.forEach((x, i) => {
          expect(x).toBeGreaterThanOrEqual(0);
          if (i > 0) expect(x).toBeGreaterThanOrEqual(xs[i - 1]!);
        });
        starts(JSON.parse(exportResult(r, 'podcast').text).chapters.map((c: { startTime: number }) => c.startTime));
        const fields = JSON.parse(exportResult(r, 'mixcloud').text) as Record<string, string>;
        starts(Object.entries(fields).filter(([k]) => k.endsWith('start_time')).map(([, v]) => Number(v)));
        starts(exportResult(r, 'audacity').text.split('\n').slice(0, -1).map((l) => Number(l.split('\t')[0])));
      }),
      runs,
    );
  });

  it('report and audition: parse back, one row a kept entry, starts in order, never before 0, ends not before starts', () => {
    fc.assert(
      fc.property(result({ minGap: 0.002 }), (r) => {
        const rows = parseCsv(exportResult(r, 'report').text);
        const tracks = rows.slice(2);
        const markers = parseAudition(exportResult(r, 'audition').text);
        expect(markers).toHaveLength(tracks.length);
        const kept = r.markers.slice(r.markers.length - tracks.length);
        tracks.forEach((row, i) => {
          expect(row).toHaveLength(10);
          const [start, end] = [Number(row[2]), row[4] === '' ? null : Number(row[4])];
          expect(start).toBeGreaterThanOrEqual(0);
          if (kept[i]!.seconds >= 0) expect(Math.abs(start - kept[i]!.seconds)).toBeLessThanOrEqual(0.0005 + 1e-9);
          if (i > 0) expect(start).toBeGreaterThanOrEqual(Number(tracks[i - 1]![2]));
          if (end !== null) expect(end).toBeGreaterThanOrEqual(start);
          expect(Math.abs(markers[i]!.start - start * 1000)).toBeLessThanOrEqual(1);
          expect(markers[i]!.name).toBe(expectedName(kept[i]!.name, r.markers.length - tracks.length + i));
          // a range ends where the next one starts (the ends of entries without their own are the next start)
          if (i + 1 < markers.length) expect(markers[i]!.start + markers[i]!.duration).toBe(markers[i + 1]!.start);
        });
      }),
      runs,
    );
  });

  it('json: parses back to the result', () => {
    fc.assert(
      fc.property(result(), (r) => {
        expect(JSON.parse(exportResult(r, 'json').text)).toEqual(r);
      }),
      { numRuns: 50 },
    );
  });
});
