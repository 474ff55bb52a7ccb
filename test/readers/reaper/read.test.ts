// What the REAPER reader reads: source, timing reason, markers and regions, names, clips, loop.
import { describe, expect, it } from 'vitest';
import { convert, parseProject } from '../../../lib';
import { detectReader, listFormats } from '../../../lib/readers';
import { sniffReaper } from '../../../lib/readers/reaper';
import { mixProject, rppBytes, rppText } from '../../helpers/rpp-builder';

const text = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('sniffing', () => {
  it('claims <REAPER_PROJECT after an optional BOM and whitespace, nothing else', () => {
    expect(sniffReaper(text('<REAPER_PROJECT 0.1 "7.14/win64" 1\n>'))).toBe(true);
    expect(sniffReaper(text('\uFEFF\r\n  <REAPER_PROJECT\r\n>'))).toBe(true);
    expect(sniffReaper(text('<REAPER_PROJECTS 0.1'))).toBe(false);
    expect(sniffReaper(text('<?xml version="1.0"?><REAPER_PROJECT/>'))).toBe(false);
    expect(sniffReaper(text('  MARKER 1 0 x 0'))).toBe(false);
    expect(detectReader(rppBytes(mixProject())).daw).toBe('reaper');
    expect(listFormats()).toContainEqual({ daw: 'reaper', label: 'REAPER project', extensions: ['.rpp'] });
  });
});

describe('the project', () => {
  it('names REAPER and its version, and why the timing is continuous', async () => {
    const result = await convert(rppBytes(mixProject()), { fileName: 'mix.rpp' });
    expect(result.source).toEqual({ daw: 'reaper', version: '7.14', application: 'REAPER 7.14', file: 'mix.rpp' });
    expect(result.timing.model).toBe('continuous');
    expect(result.timing.step).toBeNull();
    expect(result.timing.reason).toBe(
      "REAPER 7.14 stores positions in seconds and plays its tempo map continuously; its linear tempo ramps change the BPM linearly in time (the SWS extension's reading, not checked against REAPER itself), followed to within 1e-8 s.",
    );
    const flat = await convert(rppBytes({ version: '6.83+dev0912/macOS-arm64', markers: [{ name: 'x', seconds: 1 }] }));
    expect(flat.source).toMatchObject({ version: '6.83+dev0912', application: 'REAPER 6.83+dev0912' });
    expect(flat.timing.reason).toBe('REAPER 6.83+dev0912 stores positions in seconds and plays its tempo map continuously.');
    const anonymous = await convert(rppBytes({ version: null, markers: [{ name: 'x', seconds: 1 }] }));
    expect(anonymous.source).toMatchObject({ version: null, application: 'REAPER' });
  });

  it('reads the same from LF, CRLF and BOM files', async () => {
    const lf = await convert(rppBytes(mixProject()));
    expect(await convert(rppBytes(mixProject(), { crlf: true }))).toEqual(lf);
    expect(await convert(rppBytes(mixProject(), { crlf: true, bom: true }))).toEqual(lf);
  });
});

describe('markers and regions', () => {
  it('lists markers and regions at their stored seconds, regions with their ends, in time order', async () => {
    const result = await convert(rppBytes(mixProject()));
    expect(result.markerSource).toBe('markers');
    expect(result.markers.map((m) => [m.name, m.seconds, m.kind])).toEqual([
      ['Intro', 0, 'marker'],
      ['Bicep – Glue', 95.25, 'marker'],
      ['Floating Points "LesAlpx"', 301.5, 'marker'],
      ["Ending 'live' edit", 420, 'region'],
    ]);
    expect(result.markers[3]!.endSeconds).toBe(480.125);
    expect(result.otherMarkers).toEqual([]);
    const project = await parseProject(rppBytes(mixProject()));
    expect(project.timelines[0]!.markers.map((m) => [m.seconds, m.endSeconds, m.tracklist])).toEqual([[0, undefined, true], [95.25, undefined, true], [301.5, undefined, true], [420, 480.125, true]]);
  });

  it('ends the set at the last end of an item or a region: a project of regions alone has an end', async () => {
    const regions = [{ name: 'A - One', start: 0, end: 60 }, { name: 'B - Two', start: 60, end: 150 }];
    const alone = (await parseProject(rppBytes({ bpm: 120, regions }))).timelines[0]!;
    expect([alone.endSeconds, alone.endBeat]).toEqual([150, 300]);
    const item = { position: 0, length: 100, file: 'mix.wav' };
    const past = (await parseProject(rppBytes({ bpm: 120, regions, tracks: [{ items: [item] }] }))).timelines[0]!;
    expect([past.endSeconds, past.endBeat]).toEqual([150, 300]);
    const longer = (await parseProject(rppBytes({ bpm: 120, regions, tracks: [{ items: [{ ...item, length: 200 }] }] }))).timelines[0]!;
    expect([longer.endSeconds, longer.endBeat]).toEqual([200, 400]);
    const none = (await parseProject(rppBytes({ bpm: 120, markers: [{ name: 'x', seconds: 5 }] }))).timelines[0]!;
    expect([none.endSeconds, none.endBeat]).toEqual([undefined, null]);
  });

  it('keeps names with spaces, all three quote characters, unicode and a quote left open', async () => {
    const names = ['plain', 'two words', 'say "hi"', "it's", 'both "a" and \'b\'', 'Zażółć gęślą jaźń — 日本語 🎧', ''];
    const markers = names.map((name, i) => ({ name, seconds: i * 10 }));
    const project = await parseProject(rppBytes({ markers }));
    expect(project.timelines[0]!.markers.map((m) => m.name)).toEqual(names);
    expect(rppText({ markers })).toContain('MARKER 5 40.00000000000000 `both "a" and \'b\'` 0');
    const open = await parseProject(text('<REAPER_PROJECT 0.1 "7.14/win64"\n  MARKER 1 5 "no end quote 0\n>\n'));
    expect(open.timelines[0]!.markers[0]).toMatchObject({ name: 'no end quote 0', seconds: 5 });
  });

  it('pairs region lines by index, apart from marker numbers, and wherever the end line comes', async () => {
    const body = [
      'MARKER 1 10 "Song A" 1 0 1 R {A} 0',
      'MARKER 1 12 "Marker one" 0',
      'MARKER 2 30 "Song B" 1',
      'MARKER 1 30 "" 1',
      'MARKER 2 61.5 "" 1',
      'MARKER 3 70 "Open ended" 1',
      'MARKER 4 90 "Backwards" 1',
      'MARKER 4 80 "" 1',
    ];
    const bytes = text(`<REAPER_PROJECT 0.1 "7.14/win64"\n${body.map((l) => `  ${l}\n`).join('')}>\n`);
    const project = await parseProject(bytes);
    expect(project.timelines[0]!.markers.map((m) => [m.name, m.seconds, m.kind, m.endSeconds])).toEqual([
      ['Song A', 10, 'region', 30],
      ['Marker one', 12, 'marker', undefined],
      ['Song B', 30, 'region', 61.5],
      ['Open ended', 70, 'region', undefined],
      ['Backwards', 90, 'region', undefined],
    ]);
    expect(project.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['unclosed-region', 'bad-region']));
    const result = await convert(bytes);
    expect(result.markers.map((m) => m.seconds)).toEqual([10, 12, 30, 70, 90]);
    expect(result.markers[2]!.endSeconds).toBe(61.5);
  });

  it('reads the time selection as the loop and starts the clock there on request', async () => {
    const project = await parseProject(rppBytes({ ...mixProject(), loop: true }));
    const loop = project.timelines[0]!.loop!;
    expect(loop.enabled).toBe(true);
    expect(loop.startBeat).toBeCloseTo(194.71046875, 9); // 60 s at 122 + (122·35.25 + 0.05·35.25²)/60
    const result = await convert(rppBytes(mixProject()), { start: 'loop' });
    expect(result.start.label).toBe('loop start');
    expect(result.markers[0]).toMatchObject({ name: 'Bicep – Glue' });
    expect(Math.abs(result.markers[0]!.seconds)).toBeLessThan(1e-8);
    expect(Math.abs(result.markers[1]!.seconds - (301.5 - 95.25))).toBeLessThan(1e-8);
  });

  it('ignores PT lines of other envelopes and statements of other blocks', async () => {
    // the builder gives every track a volume envelope with PT lines, and items NAME/POSITION lines
    const project = await parseProject(rppBytes({ bpm: 120, tracks: mixProject().tracks }));
    expect(project.timelines[0]!.tempo.length).toBe(0);
    expect(project.staticBpm).toBe(120);
  });
});

describe('clips', () => {
  it('without markers the tracklist comes from the audio items, named after their takes or files', async () => {
    const { markers: _m, regions: _r, ...noMarkers } = mixProject();
    const result = await convert(rppBytes(noMarkers));
    expect(result.markerSource).toBe('clips');
    expect(result.markers.map((m) => m.name)).toEqual(['Intro', 'Bicep - Glue (Original Mix)', 'LesAlpx']);
    expect(result.markers.map((m) => m.endSeconds)).toEqual([expect.closeTo(100, 7), expect.closeTo(305.25, 7), expect.closeTo(481.5, 7)]);
    expect(Math.abs(result.markers[1]!.seconds - 95.25)).toBeLessThan(1e-8);
    expect(result.durationSeconds).toBeCloseTo(481.5, 8);
    const project = await parseProject(rppBytes(noMarkers));
    const clips = project.timelines[0]!.clips!;
    expect(clips.map((c) => [c.fileName, c.trackName, c.startSeconds, c.endSeconds])).toEqual([
      ['Intro.wav', 'Decks', 0, 100],
      ['01. Bicep - Glue (Original Mix).mp3', 'Decks', 95.25, 305.25],
      ['Zażółć gęślą jaźń.flac', 'Decks', 301.5, 481.5],
    ]);
  });

  it('leaves muted items, muted tracks and tracks in muted folders out by default', async () => {
    const song = (name: string, position: number, muted = false) => ({ position, length: 60, name, file: `${name}.wav`, muted });
    const spec = {
      tracks: [
        { name: 'A', items: [song('one', 0), song('muted item', 60, true)] },
        { name: 'B', muted: true, items: [song('muted track', 120)] },
        { name: 'Folder', folder: 1, muted: true },
        { name: 'In folder', folder: -1, items: [song('in muted folder', 180)] },
        { name: 'After', items: [song('after folder', 240)] },
      ],
    };
    const result = await convert(rppBytes(spec));
    expect(result.markers.map((m) => m.name)).toEqual(['one', 'after folder']);
    expect(result.warnings.find((w) => w.code === 'clips-left-out')?.message).toMatch(/1 disabled clip .* and 2 clips on muted tracks/);
    const all = await convert(rppBytes(spec), { includeMutedTracks: true, includeDisabledClips: true });
    expect(all.markers.map((m) => m.name)).toEqual(['one', 'muted item', 'muted track', 'in muted folder', 'after folder']);
  });

  it('uses the playing take, looks through SOURCE SECTION, skips MIDI and empty items', async () => {
    const project = await parseProject(rppBytes({
      tracks: [{
        items: [
          { position: 0, length: 10, name: 'first take', file: 'a.wav', takes: [{ name: 'second take', file: 'b.wav' }], active: 1 },
          { position: 10, length: 10, name: 'only take', file: 'c.wav', takes: [{ name: 'other', file: 'd.wav' }] },
          { position: 20, length: 10, name: 'reversed', file: 'e.wav', section: true },
          { position: 30, length: 10, name: 'notes', source: 'MIDI' },
        ],
      }],
    }));
    const clips = project.timelines[0]!.clips!;
    expect(clips.map((c) => [c.name, c.fileName])).toEqual([['second take', 'b.wav'], ['only take', 'c.wav'], ['reversed', 'e.wav']]);
    expect(clips[0]!.trackName).toBe('Track 1');
  });

  it('says why a tracklist is empty', async () => {
    const result = await convert(rppBytes({}));
    expect(result.markers).toEqual([]);
    expect(result.markerSource).toBe('clips');
    expect(result.warnings.map((w) => w.code)).toContain('no-clips');
    const forced = await convert(rppBytes({}), { source: 'locators' });
    expect(forced.warnings.map((w) => w.code)).toContain('no-tracklist-markers');
  });
});
