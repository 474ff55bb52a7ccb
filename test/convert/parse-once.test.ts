/**
 * Parse once, time anywhere: timeProject(parseProject(file), options) is convert(file, options)
 * for every fixture and a spread of options (results, or the same typed error), and the stored
 * JSON document of a project loses nothing (the same results after a round trip, byte for byte).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convert, parseProject, projectFromJson, projectToJson, timeProject, type Project, type TimeOptions } from '../../lib';
import { buildAls } from '../helpers/als-builder';
import { expectedFiles, fixture } from '../helpers/fixtures';
import { BITWIG, buildDawproject } from '../helpers/dawproject-builder';
import { FlpBuilder } from '../helpers/flp-builder';
import { mixProject, rppBytes } from '../helpers/rpp-builder';

const realFiles = Object.entries(expectedFiles()).filter(([, e]) => !e.error).map(([path]) => path);

/** Hand-built sets for what the fixtures lack: curves, clips, song start, loop, FL arrangements. */
const built: Record<string, Uint8Array> = {
  'curves, clips, song start and loop.als': buildAls({
    live: 11,
    tempo: 120,
    tempoEvents: [{ beat: -63072000, bpm: 120 }, { beat: 0, bpm: 120, curve: [0.3, 0.9, 0.6, 0.1] }, { beat: 32, bpm: 150 }, { beat: 64, bpm: 90 }],
    meter: [6, 8],
    locators: [{ time: 8, name: 'Start', isSongStart: true }, { time: 40, name: 'Drop' }, { time: 70, name: 'Outro' }],
    loop: { start: 16, length: 32, on: true },
    audioTracks: [
      { name: 'Deck A', clips: [{ start: 0, end: 48, name: 'Artist A - One' }, { start: 96, end: 128, file: 'Artist C - Three.wav', disabled: true }] },
      { name: 'Deck B', muted: true, clips: [{ start: 40, end: 100, file: 'Artist B - Two.mp3' }] },
    ],
  }),
  'no locators, only clips.als': buildAls({
    live: 12,
    creator: 'Ableton Live 12.3.1',
    tempoEvents: [{ beat: 0, bpm: 100 }, { beat: 16, bpm: 140 }],
    audioTracks: [{ name: 'A', clips: [{ start: 0, end: 20, name: 'Song 1' }, { start: 16, end: 40, name: 'Song 2' }] }],
  }),
  'arrangements.flp': new FlpBuilder({ ppq: 96 }).version('21.0.3.3517').tempo(128)
    .arrangement(0, 'Main').marker({ ticks: 0, name: 'Main one' }).marker({ ticks: 96 * 16, name: 'Main two' })
    .arrangement(1, 'Radio edit').marker({ ticks: 96 * 4, name: 'Radio zero' }).marker({ ticks: 96 * 8, name: 'Radio one' })
    .currentArrangement(1).build(),
  // REAPER: markers, a region, a loop (time selection) and items, all stored in seconds; and one of regions only
  'mix.rpp': rppBytes({ ...mixProject(), markers: [...mixProject().markers!, { name: 'Drop', seconds: 200 }, { name: 'B', seconds: 260 }] }),
  'regions only.rpp': rppBytes({ bpm: 100, regions: [{ name: 'Talk', start: 0, end: 60 }, { name: 'Song', start: 60, end: 150 }], selection: [10, 70] }),
  'seconds and beats.dawproject': buildDawproject({
    application: BITWIG,
    tempo: 120,
    tempoAutomation: { timeUnit: 'seconds', points: [{ time: 0, value: 100, interpolation: 'linear' }, { time: 30, value: 140, interpolation: 'hold' }, { time: 60, value: 90 }] },
    meterAutomation: { points: [{ time: 0, numerator: 4, denominator: 4 }, { time: 64, numerator: 7, denominator: 8 }] },
    markers: { timeUnit: 'seconds', markers: [{ time: 0, name: 'Main one' }, { time: 45.5, name: 'Drop' }, { time: 80, name: 'B' }] },
  }),
};

const cases: Array<[string, () => Uint8Array]> = [
  ...realFiles.map((path): [string, () => Uint8Array] => [path, () => fixture(path)]),
  ...Object.entries(built).map(([name, bytes]): [string, () => Uint8Array] => [name, () => bytes]),
];

const options: fc.Arbitrary<TimeOptions> = fc.record({
  timing: fc.constantFrom('auto', 'stepped', 'continuous'),
  start: fc.oneof(fc.constantFrom('zero', 'song-start', 'loop', '#1', '#2', '#9', 'Drop', 'B', 'Radio one', 'nowhere'), fc.double({ min: -64, max: 256, noNaN: true })),
  beforeStart: fc.constantFrom('drop', 'negative'),
  source: fc.constantFrom('auto', 'locators', 'clips'),
  arrangement: fc.constantFrom('Main', 0, 1, 'Radio edit', 'Club mix'),
  includeDisabledClips: fc.boolean(),
  includeMutedTracks: fc.boolean(),
  clipAnchor: fc.constantFrom('start', 'crossfade-middle'),
  tempoPoints: fc.boolean(),
}, { requiredKeys: [] });

/** The result, or the error as { code, message }. */
function outcome(run: () => unknown): unknown {
  try {
    return run();
  } catch (e) {
    const err = e as { code?: string; message?: string };
    return { error: err.code ?? String(e), message: err.message };
  }
}
async function outcomeAsync(run: () => Promise<unknown>): Promise<unknown> {
  try {
    return await run();
  } catch (e) {
    const err = e as { code?: string; message?: string };
    return { error: err.code ?? String(e), message: err.message };
  }
}

const roundTrip = (project: Project): Project => projectFromJson(JSON.parse(JSON.stringify(projectToJson(project))));

describe.each(cases)('%s', (name, bytes) => {
  it('timeProject(parseProject(file), options) equals convert(file, options), errors included', async () => {
    const project = await parseProject(bytes());
    await fc.assert(
      fc.asyncProperty(options, async (opts) => {
        const timed = outcome(() => timeProject(project, { ...opts, fileName: name }));
        const converted = await outcomeAsync(() => convert(bytes(), { ...opts, fileName: name }));
        expect(timed).toEqual(converted);
      }),
      { numRuns: 25, seed: 20261206 },
    );
  });

  it('the stored JSON document loses nothing: the same document, the same results after a round trip', async () => {
    const project = await parseProject(bytes());
    const again = roundTrip(project);
    // the same document, field for field (key order aside)
    expect(JSON.parse(JSON.stringify(projectToJson(again)))).toStrictEqual(JSON.parse(JSON.stringify(projectToJson(project))));
    fc.assert(
      fc.property(options, (opts) => {
        expect(outcome(() => timeProject(again, opts))).toEqual(outcome(() => timeProject(project, opts)));
      }),
      { numRuns: 25, seed: 20261207 },
    );
  });
});

describe('the stored project document', () => {
  it('says what it is and which layout it has', async () => {
    const doc = projectToJson(await parseProject(fixture('ableton/automation.als')));
    expect(doc).toMatchObject({ format: 'dawstamps-project', schema: 1, daw: 'ableton', version: '10.1.7', application: 'Ableton Live 10.1.7' });
    expect(doc.timelines[0]!.tempo.beats.length).toBe(doc.timelines[0]!.tempo.bpms.length);
  });

  it('keeps curve handles and every FL Studio arrangement', async () => {
    const curved = projectToJson(await parseProject(built['curves, clips, song start and loop.als']!));
    expect(curved.timelines[0]!.tempo.curves).toEqual([[1, 0.3, 0.9, 0.6, 0.1]]);
    const fl = projectToJson(await parseProject(built['arrangements.flp']!));
    expect(fl.timelines.map((t) => [t.arrangement?.name, t.markers.map((m) => m.name)])).toEqual([
      ['Main', ['Main one', 'Main two']],
      ['Radio edit', ['Radio zero', 'Radio one']],
    ]);
    expect(fl.defaultTimeline).toBe(1);
  });

  it('refuses a damaged or foreign document with invalid-project, naming what is wrong', async () => {
    const good = JSON.parse(JSON.stringify(projectToJson(await parseProject(fixture('ableton/automation.als')))));
    const broken: Array<[string, (d: any) => void, RegExp]> = [
      ['not a project', (d) => { d.format = 'something'; }, /not a dawstamps project/],
      ['a newer layout', (d) => { d.schema = 2; }, /layout 2; this version reads layout 1/],
      ['no timelines', (d) => { d.timelines = []; }, /no timeline/],
      ['a bad default', (d) => { d.defaultTimeline = 3; }, /defaultTimeline/],
      ['a string beat', (d) => { d.timelines[0].markers[0].beat = '4'; }, /timelines\[0\]\.markers\[0\]\.beat is not a number/],
      ['a zero BPM', (d) => { d.timelines[0].tempo.bpms[1] = 0; }, /bpms\[1\] is not a tempo from 0.01 to 100000 BPM/],
      ['a BPM no tempo map can time', (d) => { d.timelines[0].tempo.bpms[1] = 1e-300; }, /bpms\[1\] is not a tempo/],
      ['breakpoints out of order', (d) => { d.timelines[0].tempo.beats.reverse(); }, /comes before the breakpoint ahead of it/],
      ['a beat past any set', (d) => { d.timelines[0].markers[0].beat = 1e300; }, /markers\[0\]\.beat is not a number within/],
      ['a 0/0 time signature', (d) => { d.timelines[0].meter = { numerator: 0, denominator: 0 }; }, /meter is not a time signature/],
      ['a curve handle past 1', (d) => { d.timelines[0].tempo.curves = [[0, 2, 0, 0, 0]]; }, /handle outside 0…1/],
      ['uneven columns', (d) => { d.timelines[0].tempo.beats.pop(); }, /beats and .* BPM values/],
      ['an unknown kind', (d) => { d.timelines[0].markers[0].kind = 'cue'; }, /kind is not one of/],
      ['a curve out of range', (d) => { d.timelines[0].tempo.curves = [[99, 0, 0, 0, 0]]; }, /curves\[0\] is not \[index/],
      ['an unknown DAW', (d) => { d.daw = 'cubase'; }, /daw is not one of/],
    ];
    for (const [what, damage, message] of broken) {
      const doc = structuredClone(good);
      damage(doc);
      expect(() => projectFromJson(doc), what).toThrow(expect.objectContaining({ code: 'invalid-project', message: expect.stringMatching(message) }));
    }
    for (const notObject of [null, 42, 'text', []]) expect(() => projectFromJson(notObject)).toThrow(expect.objectContaining({ code: 'invalid-project' }));
  });
});

describe('the stored project document under limits', () => {
  it('holds a document to lib\'s limits (or the caller\'s), as a file would be', async () => {
    const doc = JSON.parse(JSON.stringify(projectToJson(await parseProject(fixture('ableton/automation.als')))));
    expect(() => projectFromJson(doc)).not.toThrow();
    expect(() => projectFromJson(doc, { limits: { maxMarkers: 2 } })).toThrow(expect.objectContaining({ code: 'invalid-project', message: expect.stringMatching(/markers holds 6 markers, more than the limit of 2/) }));
    expect(() => projectFromJson(doc, { limits: { maxBreakpoints: 1 } })).toThrow(expect.objectContaining({ code: 'invalid-project', message: expect.stringMatching(/breakpoints, more than the limit of 1/) }));
  });
});
