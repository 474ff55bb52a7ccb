// Absurd numbers in a project.xml: each is left out with a warning, and what is left is finite
// everywhere, in every export (the fuzz suite found 1e308 reaching Infinity, test/fuzz/dawproject.test.ts).
import { describe, expect, it } from 'vitest';
import { convert, exportResult } from '../../../lib';
import { buildDawproject, projectXml, type DawprojectSpec } from '../../helpers/dawproject-builder';
import { zip } from '../../helpers/zip-writer';

/** Two songs on one track; the first at `first`, the second from 32 to 64 (beats, or seconds). */
const songs = (first: { time: number; duration: number }, timeUnit: 'beats' | 'seconds' = 'beats'): DawprojectSpec => ({
  tempo: 120,
  tracks: [{ id: 'deck', name: 'Deck A' }],
  lanes: {
    kind: 'lanes',
    timeUnit,
    children: [{ kind: 'clips', track: 'deck', clips: [{ ...first, name: 'A', audio: { path: 'audio/a.wav' } }, { time: 32, duration: 32, name: 'B', audio: { path: 'audio/b.wav' } }] }],
  },
});

describe('absurd numbers in a DAWproject', () => {
  it('a clip lasting 1e308 beats is left out (bad-clip): no Infinity end, every export works', async () => {
    const r = await convert(buildDawproject(songs({ time: 0, duration: 1e308 })));
    expect(r.markers.map((m) => m.name)).toEqual(['B']);
    expect(r.durationSeconds).toBe(32);
    expect(r.warnings.map((w) => w.code)).toContain('bad-clip');
    for (const format of ['webvtt', 'podcast', 'ffmetadata', 'report']) expect(() => exportResult(r, format), format).not.toThrow();
  });

  it('a clip whose time and duration are each within 10^12 but whose end is not is left out, in beats and in seconds', async () => {
    for (const unit of ['beats', 'seconds'] as const) {
      const r = await convert(buildDawproject(songs({ time: 9e11, duration: 9e11 }, unit)));
      expect(r.markers.map((m) => m.name), unit).toEqual(['B']);
      expect(r.warnings.find((w) => w.code === 'bad-clip')?.message).toMatch(/^1 arrangement clip\(s\) without a readable time and length, or ending further out/);
    }
  });

  it('a marker at 1e308 is left out (bad-marker), not listed at "Infinity.NaN.NaN"', async () => {
    const r = await convert(buildDawproject({ tempo: 120, markers: { markers: [{ time: 1e308, name: 'Far' }, { time: 8, name: 'Near' }] } }));
    expect(r.markers.map((m) => [m.name, m.seconds, m.position])).toEqual([['Near', 4, '3.1.1']]);
    expect(r.warnings.map((w) => w.code)).toContain('bad-marker');
  });

  it('hexadecimal is not a number: time="0x10" is no marker at beat 16, value="0x78" no tempo of 120', async () => {
    const xml = projectXml({ tempo: 90, markers: { markers: [{ time: 1234, name: 'Hex' }, { time: 8, name: 'Near' }] } }).replace('time="1234"', 'time="0x10"').replace('value="90"', 'value="0x78"');
    const r = await convert(zip([{ name: 'project.xml', data: xml }]));
    expect(r.markers.map((m) => [m.name, m.seconds])).toEqual([['Near', 4]]);
    expect(r.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['bad-marker', 'no-tempo']));
  });

  it('a tempo point at 1e308 is ignored (bad-automation-point), not a corrupt file', async () => {
    const r = await convert(buildDawproject({ tempo: 120, tempoAutomation: { points: [{ time: 0, value: 120, interpolation: 'linear' }, { time: 1e308, value: 60 }] }, markers: { markers: [{ time: 8, name: 'A' }] } }));
    expect(r.markers[0]!.seconds).toBe(4);
    expect(r.warnings.map((w) => w.code)).toContain('bad-automation-point');
  });
});
