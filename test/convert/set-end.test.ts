/**
 * The set's end (`durationSeconds`) and every tracklist entry's end and duration: real fixtures
 * (test/fixtures, origins in test/fixtures/LICENSES.md) and hand-built sets for the rules.
 */
import { describe, expect, it } from 'vitest';
import { convert, parseProject, timeProject, type Project, type Result } from '../../lib';
import { createTempoMap } from '../../lib/tempo';
import { buildAls, type AlsOptions } from '../helpers/als-builder';
import { fixture } from '../helpers/fixtures';
import { FlpBuilder } from '../helpers/flp-builder';

/** The default timeline's end beat as the reader gives it. */
const readerEnd = (p: Project): number | null => p.timelines[p.defaultTimeline]!.endBeat;

/** Seconds at `beat` under the project's own (auto) timing, from beat 0. */
function secondsAt(p: Project, beat: number): number {
  const t = p.timelines[p.defaultTimeline]!;
  return createTempoMap(t.tempo, { staticBpm: p.staticBpm, model: p.autoTiming.model, step: p.tempoStep }).seconds(beat);
}

/** Each entry ends where the next starts (or at its own end); durations are end − start. */
function expectConsistent(r: Result): void {
  r.markers.forEach((m) => {
    expect(m.endSeconds).not.toBeUndefined();
    expect(m.durationSeconds).toBe(m.endSeconds === null ? null : m.endSeconds! - m.seconds);
  });
  for (const m of r.otherMarkers) expect(m.endSeconds).toBeUndefined();
}

describe('the set\'s end in real projects', () => {
  it.each(['ableton/live8-markers-auto.als', 'ableton/live8-markers-noauto.als'])('%s ends with its last arrangement clip, after its last marker', async (path) => {
    // Hand-checked: `zcat <file> | grep -n CurrentEnd` lists the clips; the arrangement ones are under
    // MainSequencer/Sample/ArrangerAutomation (audio) and MainSequencer/ClipTimeable/ArrangerAutomation
    // (MIDI). The MIDI clips end at beat 224 at the latest; the last audio clip, on the muted
    // AudioTrack Id="0", ends at 510.58245504495505. Session clips (ClipSlotList) do not count.
    const project = await parseProject(fixture(path));
    expect(readerEnd(project)).toBe(510.58245504495505);
    const r = timeProject(project);
    expect(r.durationSeconds).toBeCloseTo(secondsAt(project, 510.58245504495505), 9);
    expect(r.durationSeconds!).toBeGreaterThan(secondsAt(project, 224));
    const last = r.markers.at(-1)!;
    expect(r.durationSeconds!).toBeGreaterThan(last.seconds);
    expect(last.endSeconds).toBe(r.durationSeconds);
    expect(r.markers[0]!.endSeconds).toBe(last.seconds);
    expectConsistent(r);
  });

  it('live8-markers-auto.als: 3:17, no longer the 1:05 that ended before both markers (1:21, 2:05)', async () => {
    const r = await convert(fixture('ableton/live8-markers-auto.als'));
    expect(r.markers.map((m) => Math.floor(m.seconds))).toEqual([81, 125]);
    expect(Math.floor(r.durationSeconds!)).toBe(197);
  });

  // Hand-checked: the playlist event (233) of each file, read as 32-byte records, gives each item's
  // position (u32 at +0) and length (u32 at +8) in ticks (PPQ 96): the latest position + length is
  // below. Muted items (flag 0x2000 at +18) count: complex.flp's item at 2628 is one.
  it.each([
    ['flstudio/auto-basic.flp', 1832],
    ['flstudio/auto-basic2.flp', 4582],
    ['flstudio/complex.flp', 5726],
    ['flstudio/fl-test.flp', 1170375],
  ])('%s ends with its last playlist item (tick %i)', async (path, ticks) => {
    const project = await parseProject(fixture(path));
    expect(readerEnd(project)).toBe(ticks / 96);
    const r = timeProject(project);
    const itemsEnd = secondsAt(project, ticks / 96);
    const lastMarker = r.markers.at(-1)?.seconds ?? -Infinity;
    expect(r.durationSeconds).toBeCloseTo(Math.max(itemsEnd, lastMarker), 9);
    expectConsistent(r);
  });

  it('complex.flp: its last marker lies after the last playlist item, so the set ends there (never before it)', async () => {
    const r = await convert(fixture('flstudio/complex.flp'));
    const last = r.markers.at(-1)!;
    expect(last.name).toBe('MM');
    expect(r.durationSeconds).toBe(last.seconds);
    expect(last).toMatchObject({ endSeconds: last.seconds, durationSeconds: 0 });
    expect(r.durationSeconds!).toBeGreaterThan(30.37); // the playlist's own end, which used to be the set's length
  });

  it('fl-markers.flp has no playlist items: no end is known, so its last entry has none either', async () => {
    const r = await convert(fixture('flstudio/fl-markers.flp'));
    expect(r.durationSeconds).toBeNull();
    expect(r.markers.map((m) => [m.name, m.endSeconds, m.durationSeconds])).toEqual([['Auto', null, null]]);
  });
});

describe('the set\'s end, by rule (hand-built)', () => {
  const base: AlsOptions = { live: 11, tempo: 120, locators: [{ time: 0, name: 'Intro' }, { time: 64, name: 'Drop' }] };

  it('Ableton: MIDI clips count, on muted tracks too; session clips do not', async () => {
    const r = await convert(buildAls({
      ...base,
      audioTracks: [{ clips: [{ start: 0, end: 96, name: 'Song' }] }],
      midiTracks: [{ clips: [{ start: 0, end: 128 }] }, { muted: true, clips: [{ start: 64, end: 200 }] }],
    }));
    expect(r.durationSeconds).toBe(100); // beat 200 at 120 BPM; the MIDI session clip at 9999 is no part of it
    expect(r.markers.map((m) => [m.name, m.endSeconds, m.durationSeconds])).toEqual([['Intro', 32, 32], ['Drop', 100, 68]]);
  });

  it('Ableton: a set of MIDI clips only has an end, in every layout', async () => {
    for (const live of [8, 9, 10, 11, 12] as const) {
      const project = await parseProject(buildAls({ ...base, live, midiTracks: [{ clips: [{ start: 8, end: 72 }, { start: 80, end: 136 }] }] }));
      expect(readerEnd(project)).toBe(136);
    }
  });

  it('Ableton: disabled clips and clips on muted tracks count for the length', async () => {
    const project = await parseProject(buildAls({
      ...base,
      audioTracks: [{ clips: [{ start: 0, end: 80, name: 'A' }, { start: 80, end: 300, name: 'Off', disabled: true }] }, { muted: true, clips: [{ start: 0, end: 260 }] }],
    }));
    expect(readerEnd(project)).toBe(300);
  });

  it('the loop never defines the end, on or off', async () => {
    for (const on of [true, false]) {
      const r = await convert(buildAls({ ...base, loop: { start: 0, length: 512, on }, audioTracks: [{ clips: [{ start: 0, end: 96 }] }] }));
      expect(r.durationSeconds).toBe(48);
    }
    const noClips = await convert(buildAls({ ...base, loop: { start: 0, length: 512, on: true } }));
    expect(noClips.durationSeconds).toBeNull();
  });

  it('a locator after the last clip moves the end to it: the last entry then lasts 0 s', async () => {
    const r = await convert(buildAls({ ...base, audioTracks: [{ clips: [{ start: 0, end: 48 }] }] }));
    expect(r.durationSeconds).toBe(32);
    expect(r.markers.map((m) => [m.name, m.seconds, m.endSeconds, m.durationSeconds])).toEqual([['Intro', 0, 32, 32], ['Drop', 32, 32, 0]]);
  });

  it('is measured from the chosen start; entries before it are dropped, their ends follow', async () => {
    const r = await convert(buildAls({ ...base, audioTracks: [{ clips: [{ start: 0, end: 160 }] }] }), { start: 'Drop' });
    expect(r.durationSeconds).toBe(48);
    expect(r.markers.map((m) => [m.name, m.seconds, m.endSeconds, m.durationSeconds])).toEqual([['Drop', 0, 48, 48]]);
    const negative = await convert(buildAls({ ...base, audioTracks: [{ clips: [{ start: 0, end: 160 }] }] }), { start: 'Drop', beforeStart: 'negative' });
    expect(negative.markers.map((m) => [m.name, m.seconds, m.endSeconds])).toEqual([['Intro', -32, 0], ['Drop', 0, 48]]);
  });

  it('clip tracklists: each entry ends with its song, the set with its last clip of any kind', async () => {
    const r = await convert(buildAls({
      live: 11,
      tempo: 120,
      audioTracks: [
        { clips: [{ start: 0, end: 136, name: 'One - A', file: 'a.wav' }, { start: 256, end: 384, name: 'Three - C', file: 'c.wav' }] },
        { clips: [{ start: 128, end: 264, name: 'Two - B', file: 'b.wav' }] },
      ],
      midiTracks: [{ clips: [{ start: 0, end: 512 }] }],
    }));
    expect(r.markerSource).toBe('clips');
    expect(r.markers.map((m) => [m.name, m.seconds, m.endSeconds, m.durationSeconds])).toEqual([
      ['One - A', 0, 68, 68],
      ['Two - B', 64, 132, 68],
      ['Three - C', 128, 192, 64],
    ]);
    expect(r.durationSeconds).toBe(256);
  });

  it('FL Studio: the last playlist item of any kind, muted or a pattern, ends the song', async () => {
    const flp = new FlpBuilder({ ppq: 96 }).version('20.8.4.2576').tempo(120)
      .arrangement(0, 'Arrangement').marker({ ticks: 0, name: 'One' }).marker({ ticks: 96 * 32, name: 'Two' })
      .playlist([{ position: 0, length: 96 * 64, item: 20481 }, { position: 96 * 64, length: 96 * 16, item: 20482, muted: true }])
      .currentArrangement(0).build();
    const r = await convert(flp);
    expect(r.durationSeconds).toBe(40);
    expect(r.markers.map((m) => [m.name, m.endSeconds, m.durationSeconds])).toEqual([['One', 16, 16], ['Two', 40, 24]]);
  });
});
