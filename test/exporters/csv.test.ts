import { describe, expect, it } from 'vitest';
import { exportResult } from '../../lib/exporters';
import { csvField } from '../../lib/exporters/csv';
import { makeResult } from '../helpers/exporters/make-result';
import { parseCsv } from '../helpers/exporters/parsers';

describe('csv export', () => {
  it('writes a stable header and parses back to the markers', () => {
    const r = makeResult([[0, 'mirvs - his track你好'], [200.0000133, 'a, "quoted"\nname'], [839.6, ''], [3904.0002602, 'sd']]);
    const { text, warnings, mediaType } = exportResult(r, 'csv');
    expect(mediaType).toMatch(/^text\/csv/);
    // an unnamed entry has the name every format shows (it was left empty before that name was shared)
    expect(warnings.map((w) => w.code)).toEqual(['empty-name']);
    const rows = parseCsv(text);
    expect(rows[0]).toEqual(['index', 'start_seconds', 'start', 'bar', 'name']);
    expect(rows.slice(1)).toEqual([
      ['1', '0.000', '0:00:00', '1.1.1', 'mirvs - his track你好'],
      ['2', '200.000', '0:03:20', '101.1.1', 'a, "quoted" name'],
      ['3', '839.600', '0:13:59', '420.4.1', 'Track 3'],
      ['4', '3904.000', '1:05:04', '1953.1.1', 'sd'],
    ]);
    expect(text.split('\r\n')[2]).toBe('2,200.000,0:03:20,101.1.1,"a, ""quoted"" name"');
  });
  it('escapes names a spreadsheet would run as formulas', () => {
    const names = ['=HYPERLINK("http://x")', '+1', '-2+3', '@SUM(A1)', ' \t=tab after trim', 'fine - name'];
    const r = makeResult(names.map((n, i) => [i * 10, n]));
    const parsed = parseCsv(exportResult(r, 'csv').text).slice(1).map((row) => row[4]);
    expect(parsed).toEqual(["'=HYPERLINK(\"http://x\")", "'+1", "'-2+3", "'@SUM(A1)", "'=tab after trim", 'fine - name']);
    expect(csvField('\rx')).toBe('"\'\rx"');
    expect(csvField('\tx')).toBe("'\tx");
    expect(csvField('-12.5')).toBe('-12.5');
  });
  it('keeps negative times as numbers and guards the clock text', () => {
    const rows = parseCsv(exportResult(makeResult([[-5.25, 'Early'], [0, 'A']]), 'csv', { precision: 'ms' }).text);
    const [index, seconds, start, , name] = rows[1]!;
    expect([index, seconds, start, name]).toEqual(['1', '-5.250', "'-00:05.250", 'Early']);
  });
});
