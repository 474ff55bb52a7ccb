// The page's pure modules, in Node: time and name formatting, refusals, the tempo curve of the timeline.
import { describe, expect, it } from 'vitest';
import { convert } from '../../lib/index';
import { expectedMarkers, fixtureBytes } from './page-kit';
import { format, settings, tempo } from './web-modules';

const { downloadName, formatBytes, formatTime, refuseReason } = format;
const { retentionText } = settings;
const { curveVertices, tempoCurve } = tempo;

describe('formatTime', () => {
  it('writes m:ss, h:mm:ss past an hour, milliseconds when asked', () => {
    expect(formatTime(0, 's')).toBe('0:00');
    expect(formatTime(59.999, 's')).toBe('0:59');
    expect(formatTime(59.9996, 'ms')).toBe('1:00.000');
    expect(formatTime(200.0000133, 's')).toBe('3:20');
    expect(formatTime(3904.00026, 's')).toBe('1:05:04');
    expect(formatTime(200, 's', true)).toBe('0:03:20');
    expect(formatTime(5.6642500714, 'ms')).toBe('0:05.664');
    expect(formatTime(-4.5, 's')).toBe('-0:04');
  });
});

describe('refusals before upload', () => {
  const max = 100 * 1024 * 1024;
  it('accepts .als and .flp of any case within the limit', () => {
    expect(refuseReason({ name: 'Mix.ALS', size: 10 }, max)).toBeNull();
    expect(refuseReason({ name: 'song.flp', size: max }, max)).toBeNull();
  });
  it('refuses other types, empty files and files over the limit with a sentence', () => {
    expect(refuseReason({ name: 'mix.wav', size: 10 }, max)).toMatch(/^"mix\.wav" is not a project file dawstamps reads/);
    expect(refuseReason({ name: 'mix.als.zip', size: 10 }, max)).toMatch(/not a project file/);
    expect(refuseReason({ name: 'a.als', size: 0 }, max)).toMatch(/is empty/);
    expect(refuseReason({ name: 'a.als', size: max + 1 }, max)).toBe('"a.als" is 100 MB; the limit is 100 MB. Projects are rarely this big: check that you picked the project file, not an archive or audio.');
    expect(formatBytes(101 * 1024 * 1024)).toBe('101 MB');
  });
});

describe('download names', () => {
  it('uses the project name and the format extension, made safe', () => {
    expect(downloadName('Friday Mix.als', 'youtube.txt')).toBe('Friday Mix.youtube.txt');
    const hostile = downloadName('../../etc/pass"wd\u0000.flp', 'cue');
    expect(hostile).toMatch(/^[^/\\"\u0000]+\.cue$/);
    expect(hostile.startsWith('.')).toBe(false);
    expect(downloadName('mix.cue', '')).toBe('mix.cue');
    expect(downloadName(null, 'csv')).toBe('tracklist.csv');
  });
});

describe('retention sentence', () => {
  it('says the days a server keeps files, or that a local server keeps them', () => {
    expect(retentionText({ uploadsDays: 1, resultsDays: 7 })).toBe('Your upload is deleted after 1 day and its result after 7 days.');
    expect(retentionText({ uploadsDays: null, resultsDays: null })).toMatch(/until its operator deletes them/);
    expect(retentionText(undefined)).toBeNull();
  });
});

describe('the timeline\'s tempo curve', () => {
  it('integrates the tempo like the continuous model: from the first marker alone it finds the others', async () => {
    for (const fixture of ['ableton/automation.als', 'ableton/automation-intense.als']) {
      const result = await convert(fixtureBytes(fixture), { timing: 'continuous' });
      const expected = expectedMarkers(fixture);
      const curve = tempoCurve({ ...result, tempo: { ...result.tempo, points: result.tempo.points! }, markers: result.markers.slice(0, 1) });
      result.markers.forEach((m, i) => expect(Math.abs(curve.secondsAt(m.beat) - expected[i]!.secondsContinuous)).toBeLessThan(1e-6));
      // and back: beatAt inverts secondsAt
      for (const m of result.markers) expect(Math.abs(curve.beatAt(curve.secondsAt(m.beat)) - m.beat)).toBeLessThan(1e-6);
    }
  });

  it('keeps ramps and jumps: BPM follows the breakpoints, a jump is two vertices at one time', () => {
    const result = {
      tempo: { initialBpm: 120, points: [[-63072000, 120], [8, 120], [16, 140], [24, 140], [24, 90]] as Array<[number, number]> },
      markers: [{ beat: 0, seconds: 0 }],
      start: { beat: 0 },
    };
    const curve = tempoCurve(result);
    expect(curve.bpmAt(12)).toBeCloseTo(130, 9);
    expect(curve.bpmAt(24)).toBe(90);
    expect(curve.secondsAt(8)).toBeCloseTo(4, 9);
    const vertices = curveVertices(curve, 0, 32);
    const at24 = vertices.filter(([t]) => Math.abs(t - curve.secondsAt(24)) < 1e-9).map(([, bpm]) => bpm);
    expect(at24).toEqual([140, 90]);
    const ramp = vertices.filter(([t]) => t > 4 && t < curve.secondsAt(16));
    expect(ramp.length).toBeGreaterThan(5);
    for (let i = 1; i < ramp.length; i++) expect(ramp[i]![1]).toBeGreaterThan(ramp[i - 1]![1]);
  });
});
