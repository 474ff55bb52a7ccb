import { describe, expect, it } from 'vitest';
import { convert } from '../../lib';
import { exportResult } from '../../lib/exporters';
import { REPORT_COLUMNS, type Report } from '../../lib/exporters/report';
import { makeResult } from '../helpers/exporters/make-result';
import { parseCsv } from '../helpers/exporters/parsers';
import { rppBytes } from '../helpers/rpp-builder';

const set = makeResult(
  [
    [0, 'Bicep - Glue [GBAYE0601498]', 250.5],
    [240, 'ISRC GB-AYE-06-01499 Bicep - Atlas'],
    [480.4, 'Interlude'],
    [3700.75, '=cmd|x - "Title", with comma'],
  ],
  3900,
  'sets/Friday.als',
);

describe('licensing report (CSV)', () => {
  it('writes a header row with the set, the column names, then one row a track', () => {
    const { text, warnings, mediaType, extension } = exportResult(set, 'report', { performer: 'DJ Test' });
    expect([mediaType, extension, warnings]).toEqual(['text/csv; charset=utf-8; header=present', 'report.csv', []]);
    const rows = parseCsv(text);
    for (const row of rows) expect(row).toHaveLength(REPORT_COLUMNS.length);
    expect(rows[0]).toEqual(['title', 'Friday', 'duration', '01:05:00', 'duration_seconds', '3900.000', 'tracks', '4', 'performer', 'DJ Test']);
    expect(rows[1]).toEqual([...REPORT_COLUMNS]);
    expect(rows.slice(2)).toEqual([
      ['1', '00:00:00', '0.000', '00:04:10', '250.500', '00:04:10', '250.500', 'Bicep', 'Glue', 'GBAYE0601498'],
      ['2', '00:04:00', '240.000', '00:08:00', '480.400', '00:04:00', '240.400', 'Bicep', 'Atlas', 'GBAYE0601499'],
      ['3', '00:08:00', '480.400', '01:01:40', '3700.750', '00:53:40', '3220.350', '', 'Interlude', ''],
      ['4', '01:01:40', '3700.750', '01:05:00', '3900.000', '00:03:19', '199.250', "'=cmd|x", '"Title", with comma', ''],
    ]);
    expect(text.split('\r\n')[1]).toBe('index,start,start_seconds,end,end_seconds,duration,duration_seconds,artist,title,isrc');
  });

  it('writes milliseconds with precision ms, and leaves an unknown end empty with a warning', () => {
    const rows = parseCsv(exportResult({ ...set, durationSeconds: null }, 'report', { precision: 'ms' }).text);
    expect(rows[0]!.slice(2, 6)).toEqual(['duration', '', 'duration_seconds', '']);
    expect(rows[4]!.slice(0, 7)).toEqual(['3', '00:08:00.400', '480.400', '01:01:40.750', '3700.750', '00:53:40.350', '3220.350']);
    expect(rows[5]!.slice(3, 7)).toEqual(['', '', '', '']);
    const { warnings } = exportResult({ ...set, durationSeconds: null }, 'report');
    expect(warnings.map((w) => w.code)).toEqual(['unknown-end']);
  });

  it('takes the set\'s length from the result: a set of regions only lasts to its last region\'s end', async () => {
    const regions = await convert(rppBytes({ bpm: 100, regions: [{ name: 'Talk', start: 0, end: 60 }, { name: 'Song', start: 60, end: 200.25 }] }));
    expect(regions.durationSeconds).toBe(200.25);
    expect(parseCsv(exportResult(regions, 'report').text)[0]!.slice(3, 6)).toEqual(['00:03:20', 'duration_seconds', '200.250']);
    // a result that says nothing of its length (made by hand) leaves it empty
    expect(parseCsv(exportResult(makeResult([[0, 'A'], [60, 'B', 200.25]]), 'report').text)[0]!.slice(3, 6)).toEqual(['', 'duration_seconds', '']);
  });
});

describe('licensing report (JSON)', () => {
  it('holds the same content as the CSV', () => {
    const options = { performer: 'DJ Test' };
    const report = JSON.parse(exportResult(set, 'report-json', options).text) as Report;
    const rows = parseCsv(exportResult(set, 'report', options).text);
    expect(report).toMatchObject({ title: 'Friday', performer: 'DJ Test', duration: '01:05:00', durationSeconds: 3900 });
    expect(report.tracks).toHaveLength(rows.length - 2);
    report.tracks.forEach((t, i) => {
      const row = rows[i + 2]!;
      const cells = [t.index, t.start, t.startSeconds, t.end, t.endSeconds, t.duration, t.durationSeconds, t.artist, t.title, t.isrc];
      cells.forEach((value, k) => {
        const cell = row[k]!;
        if (value === null) expect(cell).toBe('');
        else if (typeof value === 'number') expect(Number(cell)).toBe(value);
        else expect(cell === value || cell === `'${value}`).toBe(true);
      });
    });
    expect(report.tracks[0]).toEqual({
      index: 1, start: '00:00:00', startSeconds: 0, end: '00:04:10', endSeconds: 250.5, duration: '00:04:10', durationSeconds: 250.5,
      artist: 'Bicep', title: 'Glue', isrc: 'GBAYE0601498',
    });
  });
});
