import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { convert } from '../../lib/convert';
import { exportFormatIds, exportResult } from '../../lib/exporters';
import { parseCsv, parseCue, parseFfmetadata, parseVtt } from '../helpers/exporters/parsers';
import { FIXTURES } from '../helpers/fixtures';

/** Every small real project in test/fixtures (expected.json), through convert() and every exporter. */
const expected = JSON.parse(readFileSync(`${FIXTURES}expected.json`, 'utf8')) as {
  files: Record<string, { error?: boolean; markers?: Array<{ name: string; seconds: number }> }>;
};
const files = Object.entries(expected.files).filter(([path, e]) => !e.error && !path.startsWith('large/'));

describe.each(files)('%s in every format', (path, facts) => {
  it('exports, parses back and keeps the expected times within a millisecond / a frame', async () => {
    const result = await convert(new Uint8Array(readFileSync(FIXTURES + path)), { fileName: path.split('/').pop()! });
    const want = facts.markers!.map((m) => m.seconds);
    for (const format of exportFormatIds) {
      if (format !== 'json' && want.length === 0) {
        expect(() => exportResult(result, format, { template: '{start} {name}' })).toThrow(expect.objectContaining({ code: 'empty-tracklist' }));
        continue;
      }
      const { text } = exportResult(result, format, { template: '{start} {name}' });
      expect(text.length, format).toBeGreaterThan(0);
    }
    // the JSON result always returns, with its warnings, even for an empty tracklist
    expect(JSON.parse(exportResult(result, 'json').text)).toEqual(JSON.parse(JSON.stringify(result)));
    if (want.length === 0) return;
    const csvSeconds = parseCsv(exportResult(result, 'csv').text).slice(1).map((row) => Number(row[1]));
    csvSeconds.forEach((s, i) => expect(Math.abs(s - want[i]!)).toBeLessThanOrEqual(0.001));
    expect(csvSeconds).toHaveLength(want.length);
    const vtt = parseVtt(exportResult(result, 'webvtt').text).map((c) => c.start / 1000);
    vtt.forEach((s, i) => expect(Math.abs(s - Math.max(0, want[i]!))).toBeLessThanOrEqual(0.001));
    expect(parseFfmetadata(exportResult(result, 'ffmetadata').text).chapters).toHaveLength(want.length);
    const frames = parseCue(exportResult(result, 'cue').text).tracks.map((t) => t.indexes.get(1)!);
    frames.forEach((f, i) => expect(Math.abs(f / 75 - want[i]!)).toBeLessThanOrEqual(1 / 75));
    const report = parseCsv(exportResult(result, 'report').text).slice(2).map((row) => Number(row[2]));
    report.forEach((s, i) => expect(Math.abs(s - Math.max(0, want[i]!))).toBeLessThanOrEqual(0.001));
    expect(report).toHaveLength(want.length);
  });
});
