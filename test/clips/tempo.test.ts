/**
 * Clip times under tempo automation. The set: 120 BPM up to beat 64, a linear ramp 120 → 60 BPM
 * over beats 64..128, then 60 BPM. Expected seconds derived by hand (docs/timing.md):
 *
 * Continuous (Live 12.3): beats 0..64 at 0.5 s = 32 s. On the ramp bpm(64 + u) = 120 − 0.9375·u, so
 *   t(64 + u) = 32 + ∫₀ᵘ 60 / (120 − 0.9375·x) dx = 32 + 64·ln(120 / (120 − 0.9375·u)).
 *   u = 8:  32 + 64·ln(120/112.5) = 36.1304653528 s;   u = 64: 32 + 64·ln 2 = 76.3614195558 s.
 *   After the ramp 1 s per beat: beat 136 = 84.3614195558 s, beat 200 = 148.3614195558 s.
 * Stepped (Live 11, ¼-beat grid): t(b) = Σ_{k<4b} 15 / bpm(k/4). Over the ramp that is
 *   Σ_{j=0}^{4u−1} 15 / (120 − 0.234375·j): u = 8 gives 4.1263014892 s (a sum of 32 terms, summed
 *   separately in Python), u = 64 gives 44.2989805909 s; so beat 72 = 36.1263014892 s, beat 128 =
 *   76.2989805909 s, beat 136 = 84.2989805909 s, beat 200 = 148.2989805909 s.
 */
import { describe, expect, it } from 'vitest';
import { convert, type Result } from '../../lib';
import { buildAls, type AlsAudioTrack } from '../helpers/als-builder';

const FAR_LEFT = -63072000;
const tempoEvents = [
  { beat: FAR_LEFT, bpm: 120 },
  { beat: 64, bpm: 120 },
  { beat: 128, bpm: 60 },
];
const audioTracks: AlsAudioTrack[] = [
  { name: 'A', clips: [{ start: 0, end: 72, name: 'Song A', file: 'a.wav' }, { start: 128, end: 200, name: 'Song C', file: 'c.wav' }] },
  { name: 'B', clips: [{ start: 64, end: 136, name: 'Song B', file: 'b.wav' }] },
];
const live12 = buildAls({ live: 12, minorVersion: '12.0_12300', creator: 'Ableton Live 12.3.2', tempo: 120, tempoEvents, audioTracks });
const live11 = buildAls({ live: 11, tempo: 120, tempoEvents, audioTracks });

function times(r: Result): Array<[string, number, number | null | undefined]> {
  return r.markers.map((m) => [m.name, m.seconds, m.endSeconds]);
}
function expectTimes(r: Result, expected: Array<[string, number, number]>): void {
  const got = times(r);
  expect(got.map((g) => g[0])).toEqual(expected.map((e) => e[0]));
  got.forEach((g, i) => {
    expect(g[1]).toBeCloseTo(expected[i]![1], 6);
    expect(g[2]).toBeCloseTo(expected[i]![2], 6);
  });
}

describe('clips under tempo automation', () => {
  it('continuous (Live 12.3): starts and ends follow the ramp', async () => {
    const r = await convert(live12, { source: 'clips' });
    expect(r.timing.model).toBe('continuous');
    expectTimes(r, [
      ['Song A', 0, 36.1304653528],
      ['Song B', 32, 84.3614195558],
      ['Song C', 76.3614195558, 148.3614195558],
    ]);
    expect(r.durationSeconds).toBeCloseTo(148.3614195558, 6);
  });

  it('stepped (Live 11): the ¼-beat grid', async () => {
    const r = await convert(live11, { source: 'clips' });
    expect(r.timing.model).toBe('stepped');
    expectTimes(r, [
      ['Song A', 0, 36.1263014892],
      ['Song B', 32, 84.2989805909],
      ['Song C', 76.2989805909, 148.2989805909],
    ]);
    expect(r.durationSeconds).toBeCloseTo(148.2989805909, 6);
  });

  it('crossfade-middle takes the middle in time of a crossfade on the ramp', async () => {
    // Song B's crossfade is beats 64..72 = 32 s .. 36.1304653528 s; its middle in time is
    // 34.0652326764 s. Inverting t(64 + u): u = (120 − 120·e^(−(t − 32)/64)) / 0.9375 = 4.0645329214,
    // so beat 68.0645329214 (not the middle in beats, 68). Song C's crossfade 128..136 lies at a
    // constant 60 BPM: beat 132 = 76.3614195558 + 4 = 80.3614195558 s.
    const r = await convert(live12, { source: 'clips', clipAnchor: 'crossfade-middle' });
    expectTimes(r, [
      ['Song A', 0, 36.1304653528],
      ['Song B', 34.0652326764, 84.3614195558],
      ['Song C', 80.3614195558, 148.3614195558],
    ]);
    expect(r.markers[1]!.beat).toBeCloseTo(68.0645329214, 6);
    expect(r.markers[2]!.beat).toBeCloseTo(132, 9);
  });

  it('a start offset moves clip entries and the set end alike', async () => {
    const r = await convert(live12, { source: 'clips', start: 64 });
    expectTimes(r, [
      ['Song B', 0, 52.3614195558],
      ['Song C', 44.3614195558, 116.3614195558],
    ]);
    expect(r.durationSeconds).toBeCloseTo(116.3614195558, 6);
  });
});
