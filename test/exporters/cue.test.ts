import { describe, expect, it } from 'vitest';
import { DawstampsError } from '../../lib/errors';
import { exportResult } from '../../lib/exporters';
import { cueFileType } from '../../lib/exporters/cue';
import { makeResult, type MarkerSpec } from '../helpers/exporters/make-result';
import { parseCue } from '../helpers/exporters/parsers';

describe('cue export', () => {
  it('writes the mix header, one track a marker and parses back to the same times', () => {
    const r = makeResult([[0, 'mirvs - his track你好'], [200.0000133, 'Intro'], [3904.0002602, 'sd - x - y']]);
    const { text, warnings } = exportResult(r, 'cue', { title: 'Night Mix', performer: 'DJ Test', audioFile: 'C:\\mixes\\night.mp3' });
    expect(warnings).toEqual([]);
    expect(text).toBe(
      [
        'PERFORMER "DJ Test"',
        'TITLE "Night Mix"',
        'FILE "night.mp3" MP3',
        '  TRACK 01 AUDIO',
        '    TITLE "his track你好"',
        '    PERFORMER "mirvs"',
        '    INDEX 01 00:00:00',
        '  TRACK 02 AUDIO',
        '    TITLE "Intro"',
        '    INDEX 01 03:20:00',
        '  TRACK 03 AUDIO',
        '    TITLE "x - y"',
        '    PERFORMER "sd"',
        '    INDEX 01 65:04:00',
        '',
      ].join('\n'),
    );
    const sheet = parseCue(text);
    expect(sheet.tracks.map((t) => t.indexes.get(1)! / 75)).toEqual([0, 200, 3904]);
  });
  it('defaults the title and audio file to the project name', () => {
    const sheet = parseCue(exportResult(makeResult([[0, 'A']], null, 'sets/Friday.als'), 'cue').text);
    expect(sheet.title).toBe('Friday');
    expect(sheet.performer).toBeNull();
    expect(sheet.file).toEqual({ name: 'Friday.wav', type: 'WAVE' });
  });
  it('gives a first marker after 0 a pregap (INDEX 00) instead of inventing a track', () => {
    const sheet = parseCue(exportResult(makeResult([[12.5, 'A'], [60, 'B']]), 'cue').text);
    expect(sheet.tracks).toHaveLength(2);
    expect([...sheet.tracks[0]!.indexes]).toEqual([[0, 0], [1, 938]]);
    expect(sheet.tracks[1]!.indexes.has(0)).toBe(false);
  });
  it('rounds to the nearest frame but never lets two tracks collide', () => {
    const r = makeResult([[0, 'A'], [10.001, 'B'], [10.002, 'C'], [10.003, 'D'], [10.02, 'E']]);
    const { text, warnings } = exportResult(r, 'cue');
    expect(parseCue(text).tracks.map((t) => t.indexes.get(1))).toEqual([0, 750, 751, 752, 753]);
    expect(warnings.filter((w) => w.code === 'same-time')).toHaveLength(3);
  });
  it('replaces double quotes so names cannot break the line', () => {
    const { text, warnings } = exportResult(makeResult([[0, 'Artist "AKA" - 12" Mix']], null, 'a "b".als'), 'cue');
    const sheet = parseCue(text);
    expect(sheet.tracks[0]).toMatchObject({ performer: "Artist 'AKA'", title: "12' Mix" });
    expect(sheet.title).toBe("a 'b'");
    expect(warnings.map((w) => w.code)).toEqual(['cue-quotes']);
  });
  it('numbers up to 99 tracks and refuses 100 with a split suggestion', () => {
    const markers = (n: number): MarkerSpec[] => Array.from({ length: n }, (_, i): MarkerSpec => [i * 30, `Song ${i + 1}`]);
    const sheet = parseCue(exportResult(makeResult(markers(99)), 'cue').text);
    expect(sheet.tracks.map((t) => t.number)).toEqual(Array.from({ length: 99 }, (_, i) => i + 1));
    try {
      exportResult(makeResult(markers(100)), 'cue');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DawstampsError);
      expect((e as DawstampsError).code).toBe('export-failed');
      expect((e as DawstampsError).message).toBe(
        'A CUE sheet holds at most 99 tracks and this set has 100. Split the mix before "Song 100" (marker 100) into two files, or choose another format.',
      );
    }
  });
  it('starts markers before the start at 0 (the one playing) and leaves earlier ones out', () => {
    const { text, warnings } = exportResult(makeResult([[-30, 'Gone'], [-4, 'Playing'], [60, 'Next']]), 'cue');
    const sheet = parseCue(text);
    expect(sheet.tracks.map((t) => [t.title, t.indexes.get(1)])).toEqual([['Playing', 0], ['Next', 4500]]);
    expect(warnings.map((w) => w.code)).toEqual(['before-start', 'before-start']);
    expect(warnings[0]!.message).toContain('"Gone"');
  });
  it('warns about tracks that start after the set ends', () => {
    const { warnings } = exportResult(makeResult([[0, 'A'], [29, 'B'], [35, 'C']], 30.5), 'cue');
    expect(warnings).toEqual([{ code: 'after-end', message: '"C" starts after the set ends (0:30.500); players may never reach it.' }]);
  });
  it('picks the FILE type from the audio extension', () => {
    expect(cueFileType('a.MP3')).toBe('MP3');
    expect(cueFileType('a.aiff')).toBe('AIFF');
    expect(cueFileType('a.wav')).toBe('WAVE');
    expect(cueFileType('a.flac')).toBe('WAVE');
    expect(cueFileType('noext')).toBe('WAVE');
  });
});
