/** Which model convert() uses, how the result names it, and the tempo/meter parts of the result. */
import { describe, expect, it } from 'vitest';
import { convert, parseProject } from '../../lib';
import { buildAls, type AlsOptions } from '../helpers/als-builder';

const FAR_LEFT = -63072000;
const ramp: AlsOptions['tempoEvents'] = [
  { beat: FAR_LEFT, bpm: 150 },
  { beat: 0, bpm: 150 },
  { beat: 16, bpm: 50 },
];
const markers = [4, 8, 12, 16].map((time) => ({ time, name: `at ${time}` }));
const live = (layout: 11 | 12, minorVersion: string, creator: string) => buildAls({ live: layout, minorVersion, creator, tempoEvents: ramp, locators: markers });
const seconds = (r: { markers: Array<{ seconds: number }> }) => r.markers.map((m) => Number(m.seconds.toFixed(3)));

describe('timing model', () => {
  it('is stepped (step ¼ beat) for Live up to 12.2, and says why', async () => {
    const result = await convert(live(11, '11.0_11300', 'Ableton Live 11.3.4'));
    expect(result.timing).toMatchObject({ model: 'stepped', step: 0.25 });
    expect(result.timing.reason).toContain('11.3.4');
    expect(seconds(result)).toEqual([1.74, 3.868, 6.604, 10.447]);
  });

  it('is continuous for a Live 12.3 set, unless forced', async () => {
    const set = live(12, '12.0_12300', 'Ableton Live 12.3.2');
    const auto = await convert(set);
    expect(auto.timing).toMatchObject({ model: 'continuous', step: null });
    expect(seconds(auto)).toEqual([1.75, 3.892, 6.654, 10.547]);
    const forced = await convert(set, { timing: 'stepped' });
    expect(forced.timing).toMatchObject({ model: 'stepped', step: 0.25 });
    expect(forced.timing.reason).toMatch(/timing option/);
    expect(seconds(forced)).toEqual([1.74, 3.868, 6.604, 10.447]);
  });

  it('can force continuous on an older set', async () => {
    const result = await convert(live(11, '11.0_11300', 'Ableton Live 11.3.4'), { timing: 'continuous' });
    expect(result.timing.model).toBe('continuous');
    expect(seconds(result)).toEqual([1.75, 3.892, 6.654, 10.547]);
  });

  it('rejects an unknown timing name with invalid-option', async () => {
    await expect(convert(live(11, '11.0_11300', 'Ableton Live 11.3.4'), { timing: 'smooth' as never })).rejects.toMatchObject({ code: 'invalid-option' });
  });
});

describe('a timing model inferred from the version', () => {
  const inferred = (r: { warnings: Array<{ code: string; message: string }> }) => r.warnings.filter((w) => w.code === 'timing-inferred');
  const worstShift = (a: { markers: Array<{ seconds: number }> }, b: { markers: Array<{ seconds: number }> }) =>
    Math.max(...a.markers.map((m, i) => Math.abs(m.seconds - b.markers[i]!.seconds)));

  it('Live 12.3 (continuous, inferred): says how far the stepped model would move the entries, and how to switch', async () => {
    const set = live(12, '12.0_12300', 'Ableton Live 12.3.2');
    const auto = await convert(set);
    const stepped = await convert(set, { timing: 'stepped' });
    // the ramp's last marker moves most: 10.547 s continuous against 10.447 s stepped (docs/timing.md)
    const worst = worstShift(auto, stepped);
    expect(worst).toBeCloseTo(0.0993, 3);
    const [w, ...more] = inferred(auto);
    expect(more).toEqual([]);
    expect(w!.message).toBe(
      'How this set plays tempo changes is inferred from its version, not known: it is timed smoothly. ' +
      `Timed in small steps instead, entries would move by up to ${worst.toFixed(3)} s; to use that, choose the stepped timing (--timing stepped).`,
    );
    expect(inferred(stepped)).toEqual([]);
  });

  it('a set of unknown Live version (stepped, assumed): says how far continuous would move them', async () => {
    const set = buildAls({ live: 11, creator: null, minorVersion: 'unknown', tempoEvents: ramp, locators: markers });
    const auto = await convert(set);
    expect(auto.timing).toMatchObject({ model: 'stepped', reason: 'Live version unknown (assumed < 12.3)' });
    const [w] = inferred(auto);
    expect(w!.message).toContain(`entries would move by up to ${worstShift(auto, await convert(set, { timing: 'continuous' })).toFixed(3)} s`);
    expect(w!.message).toContain('--timing continuous');
  });

  it('says nothing where the model is known, the tempo is static, or no entry moves by more than 1 ms', async () => {
    expect(inferred(await convert(live(11, '11.0_11300', 'Ableton Live 11.3.4')))).toEqual([]);
    expect(inferred(await convert(buildAls({ live: 12, creator: 'Ableton Live 12.3.2', tempo: 128, locators: markers })))).toEqual([]);
    // the ramp lies after every entry: both models agree on them
    const late = [{ beat: FAR_LEFT, bpm: 150 }, { beat: 64, bpm: 150 }, { beat: 96, bpm: 50 }];
    expect(inferred(await convert(buildAls({ live: 12, creator: 'Ableton Live 12.3.2', tempoEvents: late, locators: markers })))).toEqual([]);
  });

  it('the reader marks which models are inferred', async () => {
    const flags = async (options: AlsOptions) => (await parseProject(buildAls(options))).autoTiming.inferred;
    expect(await flags({ live: 12, creator: 'Ableton Live 12.3.2' })).toBe(true);
    expect(await flags({ live: 12, creator: 'Ableton Live 12.2.5' })).toBe(false);
    expect(await flags({ live: 11 })).toBe(false);
    expect(await flags({ live: 11, creator: null, minorVersion: 'unknown' })).toBe(true);
  });
});

describe('tempo in the result', () => {
  it('lists the breakpoints as [beat, bpm] and the tempo at beat 0', async () => {
    const result = await convert(live(11, '11.0_11300', 'Ableton Live 11.3.4'));
    expect(result.tempo).toEqual({ initialBpm: 150, automated: true, points: ramp!.map((p) => [p.beat, p.bpm]) });
  });

  it('reports a static tempo as one point at beat 0', async () => {
    const result = await convert(buildAls({ tempo: 128, locators: [{ time: 32, name: 'A' }] }));
    expect(result.tempo).toEqual({ initialBpm: 128, automated: false, points: [[0, 128]] });
    expect(result.markers[0]!.seconds).toBe(15);
  });

  it('warns when a curved segment shapes the timing, and not when it lies after every marker', async () => {
    const curved = [
      { beat: FAR_LEFT, bpm: 120 },
      { beat: 8, bpm: 120, curve: [0.2, 0.8, 0.3, 0.9] as [number, number, number, number] },
      { beat: 16, bpm: 90 },
    ];
    const hit = await convert(buildAls({ live: 11, tempoEvents: curved, locators: [{ time: 12, name: 'In the curve' }] }));
    expect(hit.warnings.map((w) => w.code)).toContain('curved-tempo');
    const miss = await convert(buildAls({ live: 11, tempoEvents: curved, locators: [{ time: 4, name: 'Before' }] }));
    expect(miss.warnings.map((w) => w.code)).not.toContain('curved-tempo');
  });
});

describe('markers in the result', () => {
  it('gives bar positions under meter changes (7/4, then 6/8)', async () => {
    const set = buildAls({
      live: 11,
      meterEvents: [
        { beat: FAR_LEFT, numerator: 4, denominator: 4 },
        { beat: 8, numerator: 7, denominator: 4 },
        { beat: 22, numerator: 6, denominator: 8 },
      ],
      locators: [
        { time: 0, name: 'a' },
        { time: 15, name: 'b' },
        { time: 25.5, name: 'c' },
      ],
    });
    expect((await convert(set)).markers.map((m) => m.position)).toEqual(['1.1.1', '4.1.1', '6.2.1']);
  });

  it('keeps unsorted, empty and non-Latin names, in time order, from an uncompressed set', async () => {
    const set = buildAls(
      {
        live: 12,
        locators: [
          { time: 8, name: 'Ünïcödé — 日本語' },
          { time: 0, name: '' },
          { time: 4, name: 'Б' },
        ],
      },
      { gzip: false },
    );
    const result = await convert(set);
    // the unnamed one is shown as "Track 1" (its place) on every surface; its own name is kept
    expect(result.markers.map((m) => [m.name, m.originalName, m.beat, m.kind])).toEqual([
      ['Track 1', '', 0, 'locator'],
      ['Б', undefined, 4, 'locator'],
      ['Ünïcödé — 日本語', undefined, 8, 'locator'],
    ]);
    expect(result.warnings).toEqual([{ code: 'empty-name', message: 'One marker has no name; it is called "Track 1", after its place in the tracklist.' }]);
    expect(result.markerSource).toBe('locators');
    expect(result.otherMarkers).toEqual([]);
  });
});
