import { describe, expect, it } from 'vitest';
import { exportResult, type ExportFormat } from '../../lib/exporters';
import { makeResult } from '../helpers/exporters/make-result';
import { parseCsv, parseCue, parseVtt } from '../helpers/exporters/parsers';

/** Markers before the chosen start (a caller asked for beforeStart: 'negative'). */
const r = makeResult([[-95.5, 'Gone'], [-12, 'Playing'], [65.3, 'Next']], 200);

describe('markers before the start', () => {
  it('text and csv keep them, with a minus sign; json keeps the numbers', () => {
    expect(exportResult(r, 'text').text).toBe('-01:36 Gone\n-00:12 Playing\n01:05 Next\n');
    expect(parseCsv(exportResult(r, 'csv').text).map((row) => row[1])).toEqual(['start_seconds', '-95.500', '-12.000', '65.300']);
    expect(JSON.parse(exportResult(r, 'json').text).markers[0].seconds).toBe(-95.5);
  });
  it.each(['youtube', 'cue', 'audacity', 'webvtt', 'ffmetadata', 'podcast', 'mixcloud'] as ExportFormat[])(
    '%s starts the marker playing at 0 there and leaves earlier ones out, saying so',
    (format) => {
      const { text, warnings } = exportResult(r, format);
      expect(text).not.toContain('Gone');
      expect(text).toContain('Playing');
      expect(text).not.toMatch(/(^|[\s"=:])-\d/m);
      expect(warnings.filter((w) => w.code === 'before-start').map((w) => w.message)).toEqual([
        '"Gone" is at -1:35.500, before the start; left out.',
        '"Playing" starts at -0:12.000, before the start; it begins at 0:00.',
      ]);
    },
  );
  it('the clamped outputs read back at 0', () => {
    expect(parseCue(exportResult(r, 'cue').text).tracks[0]!.indexes.get(1)).toBe(0);
    expect(parseVtt(exportResult(r, 'webvtt').text)[0]).toMatchObject({ start: 0, end: 65_300, text: 'Playing' });
    expect(exportResult(r, 'youtube').text).toBe('0:00 Playing\n1:05 Next\n');
  });
  it('a marker exactly at 0 wins over earlier ones, which are left out', () => {
    const { text, warnings } = exportResult(makeResult([[-5, 'Early'], [0, 'Zero'], [30, 'B']]), 'webvtt');
    expect(parseVtt(text).map((c) => c.text)).toEqual(['Zero', 'B']);
    expect(warnings.map((w) => w.code)).toEqual(['before-start', 'unknown-end']);
  });
});
