import { describe, expect, it } from 'vitest';
import { exportResult } from '../../lib/exporters';
import { ffEscape } from '../../lib/exporters/ffmetadata';
import { makeResult } from '../helpers/exporters/make-result';
import { parseFfmetadata, parseVtt } from '../helpers/exporters/parsers';

const set = makeResult([[0, 'A - One'], [200.0000133, 'x <b> & --> y'], [3904.0002602, 'a=b;c#d\\e']], 4000.5);
const open = { ...set, durationSeconds: null };

describe('webvtt export', () => {
  it('writes one cue a marker, each ending at the next, the last at the end of the set', () => {
    const { text, warnings } = exportResult(set, 'webvtt');
    expect(warnings).toEqual([]);
    expect(text.startsWith('WEBVTT\n\n1\n00:00:00.000 --> 00:03:20.000\nA - One\n\n')).toBe(true);
    expect(parseVtt(text)).toEqual([
      { id: '1', start: 0, end: 200_000, text: 'A - One' },
      { id: '2', start: 200_000, end: 3_904_000, text: 'x <b> & --> y' },
      { id: '3', start: 3_904_000, end: 4_000_500, text: 'a=b;c#d\\e' },
    ]);
  });
  it('ends the last cue 1 s after its start when the end is unknown, and says so', () => {
    const { text, warnings } = exportResult(open, 'webvtt');
    expect(parseVtt(text)[2]).toMatchObject({ start: 3_904_000, end: 3_905_000 });
    expect(warnings).toEqual([{ code: 'unknown-end', message: 'The last chapter "a=b;c#d\\e" ends 1 s after it starts: the end of the set is not known.' }]);
  });
  it('keeps cues strictly increasing when markers share a millisecond', () => {
    const cues = parseVtt(exportResult(makeResult([[0, 'A'], [5, 'B'], [5, 'C']], 10), 'webvtt').text);
    expect(cues.map((c) => [c.start, c.end])).toEqual([[0, 5000], [5000, 5001], [5001, 10000]]);
  });
});

describe('ffmetadata export', () => {
  it('writes the header, chapters in ms and escaped titles', () => {
    const { text } = exportResult(set, 'ffmetadata', { title: 'Mix #1', performer: 'DJ=Me' });
    expect(text).toContain('[CHAPTER]\nTIMEBASE=1/1000\nSTART=3904000\nEND=4000500\ntitle=a\\=b\\;c\\#d\\\\e\n');
    const parsed = parseFfmetadata(text);
    expect(parsed.tags).toEqual({ title: 'Mix #1', artist: 'DJ=Me' });
    expect(parsed.chapters.map((c) => [c.START, c.END, c.title])).toEqual([
      ['0', '200000', 'A - One'],
      ['200000', '3904000', 'x <b> & --> y'],
      ['3904000', '4000500', 'a=b;c#d\\e'],
    ]);
  });
  it('escapes every special character and line breaks', () => {
    expect(ffEscape('a=b;c#d\\e\nf')).toBe('a\\=b\\;c\\#d\\\\e\\\nf');
  });
  it('says when the last chapter end is a guess', () => {
    const { text, warnings } = exportResult(open, 'ffmetadata');
    expect(parseFfmetadata(text).chapters[2]).toMatchObject({ START: '3904000', END: '3905000' });
    expect(warnings.map((w) => w.code)).toEqual(['unknown-end']);
  });
});

describe('podcast export', () => {
  it('writes Podcasting 2.0 chapters with end times when the set length is known', () => {
    const { text, warnings, mediaType } = exportResult(set, 'podcast');
    expect(mediaType).toBe('application/json+chapters');
    expect(warnings).toEqual([]);
    expect(JSON.parse(text)).toEqual({
      version: '1.2.0',
      chapters: [
        { startTime: 0, title: 'A - One', endTime: 200 },
        { startTime: 200, title: 'x <b> & --> y', endTime: 3904 },
        { startTime: 3904, title: 'a=b;c#d\\e', endTime: 4000.5 },
      ],
    });
  });
  it('leaves end times out, and says so, when the set length is unknown', () => {
    const { text, warnings } = exportResult(open, 'podcast');
    expect(JSON.parse(text).chapters[2]).toEqual({ startTime: 3904, title: 'a=b;c#d\\e' });
    expect(warnings.map((w) => w.code)).toEqual(['unknown-end']);
  });
});

describe('audacity export', () => {
  it('writes region labels with 6 decimals up to each entry\'s end: its own, the next start, the set\'s end', () => {
    const r = makeResult([[0, 'A'], [200.0000133, 'B', 260.5], [3904.0002602, 'C']], 4000.5);
    expect(exportResult(r, 'audacity').text).toBe('0.000000\t200.000013\tA\n200.000013\t260.500000\tB\n3904.000260\t4000.500000\tC\n');
  });
  it('writes a point label where the end is not known', () => {
    const r = makeResult([[0, 'A'], [3904.0002602, 'C']]);
    expect(exportResult(r, 'audacity').text).toBe('0.000000\t3904.000260\tA\n3904.000260\t3904.000260\tC\n');
  });
  it('never writes a negative time', () => {
    const { text } = exportResult(makeResult([[-3, 'Early'], [10, 'B']]), 'audacity');
    expect(text).toBe('0.000000\t10.000000\tEarly\n10.000000\t10.000000\tB\n');
  });
});

describe('mixcloud export', () => {
  it('writes the upload API section fields: artist/song from "Artist - Title", chapter otherwise', () => {
    const r = makeResult([[0, 'Intro'], [200.9, 'mirvs - his track你好'], [3904.0002602, 'A - B - C']]);
    const fields = JSON.parse(exportResult(r, 'mixcloud').text);
    expect(fields).toEqual({
      'sections-0-chapter': 'Intro',
      'sections-0-start_time': '0',
      'sections-1-artist': 'mirvs',
      'sections-1-song': 'his track你好',
      'sections-1-start_time': '200',
      'sections-2-artist': 'A',
      'sections-2-song': 'B - C',
      'sections-2-start_time': '3904',
    });
    expect(JSON.parse(exportResult(r, 'mixcloud', { rounding: 'up' }).text)['sections-1-start_time']).toBe('201');
  });
});
