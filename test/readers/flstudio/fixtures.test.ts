// Fixtures: test/fixtures/flstudio (from dawtool's test suite, see test/fixtures/LICENSES.md).
import { describe, expect, it } from 'vitest';
import { convert } from '../../../lib/index';
import { expectedFiles, fixture } from '../../helpers/fixtures';

const expected = expectedFiles() as Record<
  string,
  { markers: Array<{ name: string; seconds: number; secondsContinuous: number }> }
>;
const files = Object.keys(expected).filter((k) => k.startsWith('flstudio/'));
const load = fixture;

describe('FL Studio fixtures against expected.json', () => {
  it('covers every .flp fixture', () => {
    expect(files.length).toBe(5);
  });

  it.each(files)('%s: names and stepped seconds within 1 ms (1/128 beat, the default)', async (name) => {
    const result = await convert(load(name), { fileName: name });
    expect(result.source.daw).toBe('flstudio');
    expect(result.source.version).toBe('20.0.5.91');
    expect(result.timing).toMatchObject({ model: 'stepped', step: 1 / 128 });
    const want = expected[name]!.markers;
    expect(result.markers.map((m) => m.name)).toEqual(want.map((m) => m.name));
    result.markers.forEach((m, i) => expect(Math.abs(m.seconds - want[i]!.seconds)).toBeLessThan(0.001));
  });

  it.each(files)('%s: secondsContinuous within 1 ms under continuous timing', async (name) => {
    const result = await convert(load(name), { timing: 'continuous' });
    expect(result.timing.model).toBe('continuous');
    const want = expected[name]!.markers;
    expect(result.markers.map((m) => m.name)).toEqual(want.map((m) => m.name));
    result.markers.forEach((m, i) => expect(Math.abs(m.seconds - want[i]!.secondsContinuous)).toBeLessThan(0.001));
  });

  it('auto-basic.flp: tempo automation but no markers gives an empty tracklist, not an error', async () => {
    const result = await convert(load('flstudio/auto-basic.flp'));
    expect(result.markers).toEqual([]);
    expect(result.otherMarkers).toEqual([]);
    expect(result.tempo.automated).toBe(true);
    expect(result.warnings.map((w) => w.code)).toEqual(['no-tracklist-markers']);
  });

  it('fl-markers.flp: one tracklist marker, every other kind kept with its kind', async () => {
    const result = await convert(load('flstudio/fl-markers.flp'));
    expect(result.markers.map((m) => [m.name, m.kind])).toEqual([['Auto', 'marker']]);
    expect(result.otherMarkers.map((m) => [m.name, m.kind])).toEqual([
      ['start', 'start'],
      ['time sig', 'time-signature'],
      ['loop', 'loop'],
      ['marker loop', 'marker-loop'],
      ['marker skip', 'skip'],
      ['marker pause', 'pause'],
      ['punch in', 'punch-in'],
      ['punch out', 'punch-out'],
    ]);
    expect(result.arrangement).toEqual({ used: { index: 0, name: 'Arrangement' }, all: [{ index: 0, name: 'Arrangement' }] });
    const fromStart = await convert(load('flstudio/fl-markers.flp'), { start: 'song-start', beforeStart: 'negative' });
    expect(fromStart.start.beat).toBeCloseTo(14.125, 9);
    expect(fromStart.markers[0]!.seconds).toBeCloseTo(((12.708333333333334 - 14.125) * 60) / 130, 6);
  });

  it('complex.flp: a muted tempo clip item is left out and said so', async () => {
    const result = await convert(load('flstudio/complex.flp'));
    expect(result.warnings.map((w) => w.code)).toContain('flp-muted-tempo-clip');
  });
});
