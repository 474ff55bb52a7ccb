/**
 * What every surface shares about entries: an unnamed entry's name (the table's and the exports'
 * alike, an ISRC kept beside it), and where the set ends when only its entries say so.
 */
import { describe, expect, it } from 'vitest';
import { convert, exportResult } from '../../lib';
import { buildAls } from '../helpers/als-builder';
import { rppBytes } from '../helpers/rpp-builder';

describe('an entry with no name but its ISRC', () => {
  it('is "Track N" in the result and in every export, its ISRC in the report, one warning', async () => {
    const r = await convert(buildAls({ live: 11, locators: [{ time: 0, name: '[GBAYE0601498]' }, { time: 8, name: 'B' }] }));
    expect(r.markers.map((m) => [m.name, m.originalName])).toEqual([['Track 1 [GBAYE0601498]', '[GBAYE0601498]'], ['B', undefined]]);
    expect(r.warnings.filter((w) => w.code === 'empty-name')).toHaveLength(1);
    expect(exportResult(r, 'text').text).toBe('00:00 Track 1\n00:04 B\n');
    const report = exportResult(r, 'report');
    expect(report.text).toMatch(/,Track 1,GBAYE0601498\r\n/);
    expect(report.warnings.map((w) => w.code)).not.toContain('empty-name');
  });
});

describe('a set of regions only (a podcast in REAPER)', () => {
  const regions = rppBytes({ bpm: 100, regions: [{ name: 'Talk', start: 0, end: 60 }, { name: 'Song', start: 60, end: 150 }] });

  it('lasts to its last region\'s end, and every chapter format agrees', async () => {
    const r = await convert(regions);
    expect(r.durationSeconds).toBe(150);
    expect(r.markers.map((m) => [m.seconds, m.endSeconds])).toEqual([[0, 60], [60, 150]]);
    const vtt = exportResult(r, 'webvtt');
    expect(vtt.text).toContain('00:01:00.000 --> 00:02:30.000\nSong');
    expect(vtt.warnings.map((w) => w.code)).not.toContain('unknown-end');
  });
});

describe('a last chapter at the set\'s very end', () => {
  it('says the set ends where the chapter starts, not before it', async () => {
    const r = await convert(rppBytes({ bpm: 100, markers: [{ name: 'A', seconds: 0 }, { name: 'End', seconds: 30 }], tracks: [{ items: [{ position: 0, length: 30, file: 'a.wav' }] }] }));
    expect(r.durationSeconds).toBe(30);
    const why = exportResult(r, 'webvtt').warnings.find((w) => w.code === 'unknown-end')!.message;
    expect(why).toMatch(/the set ends where it starts, at 0:30/);
    expect(why).not.toMatch(/before it starts/);
  });
});
