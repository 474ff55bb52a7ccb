/** Which source a tracklist comes from: locators, clips, or auto (locators when there are any). */
import { describe, expect, it } from 'vitest';
import { convert, type Result } from '../../lib';
import { buildAls, type AlsOptions } from '../helpers/als-builder';

const audioTracks: AlsOptions['audioTracks'] = [
  { clips: [{ start: 0, end: 72, name: 'Artist - Intro Song', file: 'intro.wav' }] },
  { clips: [{ start: 64, end: 160, name: 'Artist - Second Song', file: 'second.wav' }] },
];
const withLocators = buildAls({ live: 11, audioTracks, locators: [{ time: 8, name: 'Opening words' }, { time: 96, name: 'Drop' }] });
const withoutLocators = buildAls({ live: 11, audioTracks });
const names = (r: Result) => r.markers.map((m) => m.name);

describe('marker source', () => {
  it('auto uses the locators when the set has some', async () => {
    const r = await convert(withLocators);
    expect(r.markerSource).toBe('locators');
    expect(names(r)).toEqual(['Opening words', 'Drop']);
    expect(r.markers.map((m) => m.seconds)).toEqual([4, 48]);
    expect(r.durationSeconds).toBe(80);
  });

  it('auto falls back to the clips when there are no locators', async () => {
    const r = await convert(withoutLocators);
    expect(r.markerSource).toBe('clips');
    expect(r.markers.map((m) => [m.name, m.seconds, m.endSeconds])).toEqual([
      ['Artist - Intro Song', 0, 36],
      ['Artist - Second Song', 32, 80],
    ]);
  });

  it('clips can be asked for even when there are locators; locators when there are none', async () => {
    expect(names(await convert(withLocators, { source: 'clips' }))).toEqual(['Artist - Intro Song', 'Artist - Second Song']);
    const locators = await convert(withoutLocators, { source: 'locators' });
    expect(locators.markerSource).toBe('locators');
    expect(locators.markers).toEqual([]);
  });

  it('the start option counts clip entries (#2 = the second song)', async () => {
    const r = await convert(withoutLocators, { start: '#2' });
    expect(r.start).toEqual({ beat: 64, label: '#2 "Artist - Second Song"' });
    expect(r.markers.map((m) => [m.name, m.seconds])).toEqual([['Artist - Second Song', 0]]);
    expect(r.durationSeconds).toBe(48);
  });

  it('a set with neither locators nor clips gives an empty list and says why', async () => {
    const r = await convert(buildAls({ live: 12 }));
    expect(r.markerSource).toBe('clips');
    expect(r.markers).toEqual([]);
    expect(r.durationSeconds).toBeNull();
    expect(r.warnings.map((w) => w.code)).toEqual(['no-clips']);
  });

  it('rejects an unknown source or anchor with invalid-option', async () => {
    await expect(convert(withoutLocators, { source: 'tracks' as never })).rejects.toMatchObject({ code: 'invalid-option' });
    await expect(convert(withoutLocators, { clipAnchor: 'end' as never })).rejects.toMatchObject({ code: 'invalid-option' });
  });
});
