/**
 * The tracklist from arrangement audio clips (no markers, `source: auto`), as for Ableton: clip
 * names, else the audio file's name; nested lanes and their inherited timeUnit; muted tracks and
 * groups, disabled clips; note clips, linked clips, crossfades; unicode. Expected times are
 * hand-checked or from the independent reference (reference.ts).
 */
import { describe, expect, it } from 'vitest';
import { convert, parseProject, type Result } from '../../../lib';
import { buildDawproject, mixSpec, type ClipSpec, type DawprojectSpec, type LanesSpec } from '../../helpers/dawproject-builder';
import { beatAt, secondsAt, within1ms, type BeatPoint } from './reference';

const run = (spec: DawprojectSpec, options = {}): Promise<Result> => convert(buildDawproject(spec), options);
const names = (r: Result): string[] => r.markers.map((m) => m.name);

/** Arrangement lanes with one track lane per [track id, clips]. */
function lanes(tracks: Array<[string, ClipSpec[]]>, timeUnit?: 'beats' | 'seconds'): LanesSpec {
  return { kind: 'lanes', timeUnit, children: tracks.map(([track, clips]) => ({ kind: 'lanes', track, children: [{ kind: 'clips', clips }] })) };
}

describe('a tracklist from clips when there are no markers', () => {
  it('one entry per audio clip: the clip name, else the file name (cleaned); times through the tempo map', async () => {
    const spec = mixSpec(
      [
        { name: 'Opening', file: 'opening.wav', beats: 64 },
        { name: '', file: 'Bicep - Glue (Original Mix).wav', beats: 96 },
        { name: 'Floating Points – LesAlpx', file: 'x.flac', beats: 128 },
      ],
      { tempo: 120 },
    );
    const r = await run(spec);
    expect(r.markerSource).toBe('clips');
    expect(names(r)).toEqual(['Opening', 'Bicep - Glue (Original Mix)', 'Floating Points – LesAlpx']);
    // 120 BPM: a beat is 0.5 s
    expect(r.markers.map((m) => m.seconds)).toEqual([0, 32, 80]);
    expect(r.markers.map((m) => m.endSeconds)).toEqual([32, 80, 144]);
    expect(r.durationSeconds).toBe(144);
    expect(r.markers.map((m) => m.position)).toEqual(['1.1.1', '17.1.1', '41.1.1']);
  });

  it('the three Bitwig layouts of audio in a clip (nested Clips/Warps, Warps, plain Audio) all count; note clips do not', async () => {
    const r = await run({
      tracks: [{ id: 't1', name: 'Audio' }, { id: 't2', name: 'Synth' }],
      lanes: lanes([
        ['t1', [
          { time: 0, duration: 16, audio: { path: 'audio/a one.wav', layout: 'bitwig' } },
          { time: 16, duration: 16, audio: { path: 'audio/b-two.aiff', layout: 'warps' } },
          { time: 32, duration: 16, audio: { path: 'C:\\Samples\\c three.mp3', layout: 'plain' } },
        ]],
        ['t2', [{ time: 8, duration: 8, name: 'Chords', notes: 40 }, { time: 24, duration: 8, name: 'Empty' }]],
      ]),
    });
    expect(names(r)).toEqual(['a one', 'b-two', 'c three']);
  });

  it('markers win over clips in auto; --source clips lists the clips anyway', async () => {
    const spec = { ...mixSpec([{ name: 'Song', file: 's.wav', beats: 32 }]), markers: { markers: [{ time: 4, name: 'Drop' }] } };
    const auto = await run(spec);
    expect(auto.markerSource).toBe('markers');
    expect(names(auto)).toEqual(['Drop']);
    const clips = await run(spec, { source: 'clips' });
    expect(names(clips)).toEqual(['Song']);
  });

  it('no markers and no audio clips: an empty tracklist that says why', async () => {
    const r = await run({ tracks: [{ id: 't', name: 'Keys' }], lanes: lanes([['t', [{ time: 0, duration: 8, notes: 4 }]]]) });
    expect(r.markers).toEqual([]);
    expect(r.warnings.map((w) => w.code)).toContain('no-clips');
  });
});

describe('nested lanes and time units', () => {
  it('a seconds timeUnit on the outer Lanes is inherited by the lanes and clips inside; the clip times are the times', async () => {
    const points: BeatPoint[] = [{ beat: 0, bpm: 110, interpolation: 'linear' }, { beat: 128, bpm: 140, interpolation: 'hold' }];
    const r = await run({
      tempoAutomation: { points: [{ time: 0, value: 110, interpolation: 'linear' }, { time: 128, value: 140, interpolation: 'hold' }] },
      tracks: [{ id: 'd', name: 'Deck' }],
      lanes: { kind: 'lanes', timeUnit: 'seconds', children: [{ kind: 'lanes', track: 'd', children: [{ kind: 'lanes', children: [{ kind: 'clips', clips: [
        { time: 0, duration: 185.5, name: 'First' },
        { time: 185.5, duration: 200.25, name: 'Second' },
      ].map((c) => ({ ...c, audio: { path: `audio/${c.name}.wav` } })) }] }] }] },
    });
    // lib/clips builds its entries from the clips' beats, so the stored seconds come back through the map (to ~1e-12 s)
    expect(r.markers.map((m) => m.name)).toEqual(['First', 'Second']);
    const times = r.markers.flatMap((m) => [m.seconds, m.endSeconds!]);
    [0, 185.5, 185.5, 385.75].forEach((t, i) => expect(Math.abs(times[i]! - t)).toBeLessThan(1e-9));
    // the beats come from the tempo map: checked against the reference's inverse
    expect(Math.abs(r.markers[1]!.beat - beatAt(points, 185.5))).toBeLessThan(1e-6);
    within1ms(r.durationSeconds!, 385.75, 'the set ends with the last clip');
  });

  it('a Clips timeline may say beats inside seconds lanes, and a track on the Clips itself (as the reference library writes it)', async () => {
    const r = await run({
      tempo: 96,
      tracks: [{ id: 'd', name: 'Deck' }],
      lanes: { kind: 'lanes', timeUnit: 'seconds', children: [
        { kind: 'clips', track: 'd', clips: [{ time: 10, duration: 5, name: 'In seconds', audio: { path: 'a.wav' } }] },
        { kind: 'clips', track: 'd', timeUnit: 'beats', clips: [{ time: 32, duration: 16, name: 'In beats', audio: { path: 'b.wav' } }] },
      ] },
    });
    // 96 BPM: beat 32 is 20 s, 16 beats are 10 s
    expect(r.markers.map((m) => [m.name, m.seconds, m.endSeconds])).toEqual([['In seconds', 10, 15], ['In beats', 20, 30]]);
  });

  it('a clip without duration ends at playStop − playStart of its content (seconds content on a beats timeline)', async () => {
    const r = await run({
      tempo: 120,
      tracks: [{ id: 'd', name: 'Deck' }],
      lanes: lanes([['d', [{ time: 8, playStart: 2, playStop: 12.5, contentTimeUnit: 'seconds', name: 'Cut', audio: { path: 'a.wav', layout: 'plain' } }]]]),
    });
    // beat 8 at 120 BPM = 4 s; 10.5 s of content later it ends at 14.5 s
    expect(r.markers[0]).toMatchObject({ name: 'Cut', seconds: 4, endSeconds: 14.5 });
  });

  it('a negative fadeInTime (the format\'s crossfade) starts the clip that much earlier', async () => {
    const r = await run({
      tempo: 120,
      tracks: [{ id: 'd', name: 'Deck' }],
      lanes: lanes([['d', [
        { time: 0, duration: 64, name: 'One', audio: { path: '1.wav' } },
        { time: 64, duration: 64, name: 'Two', fadeInTime: -8, fadeTimeUnit: 'beats', audio: { path: '2.wav' } },
        { time: 128, duration: 64, name: 'Three', fadeInTime: -2, fadeTimeUnit: 'seconds', audio: { path: '3.wav' } },
      ]]]),
    });
    expect(r.markers.map((m) => m.seconds)).toEqual([0, 28, 62]);
    const middle = await run({
      tempo: 120,
      tracks: [{ id: 'd', name: 'Deck' }],
      lanes: lanes([['d', [
        { time: 0, duration: 64, name: 'One', audio: { path: '1.wav' } },
        { time: 64, duration: 64, name: 'Two', fadeInTime: -8, fadeTimeUnit: 'beats', audio: { path: '2.wav' } },
      ]]]),
    }, { clipAnchor: 'crossfade-middle' });
    // the crossfade runs from beat 56 to 64: its middle is beat 60 = 30 s
    expect(middle.markers.map((m) => m.seconds)).toEqual([0, 30]);
  });
});

describe('muted tracks and disabled clips', () => {
  const spec: DawprojectSpec = {
    tempo: 120,
    tracks: [
      { id: 'a', name: 'Deck A' },
      { id: 'b', name: 'Deck B', muted: true },
      { id: 'g', name: 'Group', muted: true, tracks: [{ id: 'c', name: 'Deck C' }] },
    ],
    lanes: lanes([
      ['a', [{ time: 0, duration: 32, name: 'Plays', audio: { path: '1.wav' } }, { time: 64, duration: 32, name: 'Disabled', enable: false, audio: { path: '2.wav' } }]],
      ['b', [{ time: 32, duration: 32, name: 'On a muted track', audio: { path: '3.wav' } }]],
      ['c', [{ time: 96, duration: 32, name: 'In a muted group', audio: { path: '4.wav' } }]],
    ]),
  };

  it('are left out, with a warning saying how to bring them back', async () => {
    const r = await run(spec);
    expect(names(r)).toEqual(['Plays']);
    const left = r.warnings.find((w) => w.code === 'clips-left-out');
    expect(left?.message).toMatch(/1 disabled clip .* and 2 clips on muted tracks/);
  });

  it('come back with includeDisabledClips and includeMutedTracks', async () => {
    expect(names(await run(spec, { includeDisabledClips: true, includeMutedTracks: true }))).toEqual(['Plays', 'On a muted track', 'Disabled', 'In a muted group']);
    expect(names(await run(spec, { includeMutedTracks: true }))).toEqual(['Plays', 'On a muted track', 'In a muted group']);
  });

  it('the project model keeps each clip with its track, mute and enable state', async () => {
    const project = await parseProject(buildDawproject(spec));
    const clips = project.timelines[0]!.clips!;
    expect(clips.map((c) => [c.name, c.trackName, c.trackIndex, c.disabled, c.trackMuted])).toEqual([
      ['Plays', 'Deck A', 0, false, false],
      ['On a muted track', 'Deck B', 1, false, true],
      ['Disabled', 'Deck A', 0, true, false],
      ['In a muted group', 'Deck C', 3, false, true],
    ]);
    // the set ends with the last clip of any kind, muted or disabled too (the arrangement's length, as for every DAW)
    expect(project.timelines[0]!.endBeat).toBe(Math.max(...clips.map((c) => c.endBeat)));
    expect(project.timelines[0]!.endBeat).toBe(128);
  });
});

describe('linked clips, unicode and lane markers', () => {
  it('a linked clip (reference) plays the audio of the timeline it names', async () => {
    const r = await run({
      tracks: [{ id: 'd', name: 'Deck' }],
      lanes: lanes([['d', [
        { time: 0, duration: 16, name: 'Original', audio: { path: 'audio/loop.wav', layout: 'bitwig', id: 'content-1' } },
        { time: 32, duration: 16, reference: 'content-1' },
        { time: 64, duration: 16, reference: 'nowhere', name: 'Dangling' },
      ]]]),
    });
    expect(names(r)).toEqual(['Original', 'loop']);
    expect(r.warnings.map((w) => w.code)).toContain('bad-clip-reference');
  });

  it('unicode in marker, clip, track and file names comes through as written (entities decoded)', async () => {
    const marker = await run({ markers: { markers: [{ time: 0, name: 'Café – Ωmega 🎧 "live" & <more>' }, { time: 8, name: '日本語のトラック' }] } });
    expect(names(marker)).toEqual(['Café – Ωmega 🎧 "live" & <more>', '日本語のトラック']);
    const clips = await run(mixSpec([{ name: '', file: 'Ólafur Arnalds – Þú ert sólin.wav', beats: 16 }, { name: 'Σ 🎶', file: 'b.wav', beats: 16 }]));
    expect(names(clips)).toEqual(['Ólafur Arnalds – Þú ert sólin', 'Σ 🎶']);
  });

  it('markers on a markers lane are the tracklist only when the arrangement has no Markers of its own', async () => {
    const laneMarkers: LanesSpec = { kind: 'lanes', timeUnit: 'beats', children: [{ kind: 'markers', markers: [{ time: 16, name: 'Lane cue' }] }] };
    const only = await run({ lanes: laneMarkers });
    expect(names(only)).toEqual(['Lane cue']);
    const both = await run({ lanes: laneMarkers, markers: { markers: [{ time: 0, name: 'Arrangement cue' }] } });
    expect(names(both)).toEqual(['Arrangement cue']);
    expect(both.otherMarkers.map((m) => m.name)).toEqual(['Lane cue']);
  });

  it('seconds on the lanes reach a markers lane inside them', async () => {
    const r = await run({ tempo: 120, lanes: { kind: 'lanes', timeUnit: 'seconds', children: [{ kind: 'markers', markers: [{ time: 7.5, name: 'At 7.5 s' }] }] } });
    expect(r.markers[0]).toMatchObject({ name: 'At 7.5 s', seconds: 7.5, beat: 15, position: '4.4.1' });
  });
});

describe('seconds in the reference match the reader on a ramp (clip ends)', () => {
  it('clip ends in beats on a ramp are timed like markers', async () => {
    const r = await run({
      ...mixSpec([{ name: 'A', file: 'a.wav', beats: 48 }, { name: 'B', file: 'b.wav', beats: 80 }]),
      tempoAutomation: { points: [{ time: 0, value: 124, interpolation: 'linear' }, { time: 128, value: 100 }] },
    });
    const points: BeatPoint[] = [{ beat: 0, bpm: 124, interpolation: 'linear' }, { beat: 128, bpm: 100, interpolation: 'hold' }];
    within1ms(r.markers[1]!.seconds, secondsAt(points, 48), 'B starts');
    within1ms(r.markers[1]!.endSeconds!, secondsAt(points, 128), 'B ends');
  });
});
