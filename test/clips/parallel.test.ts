/**
 * Stems are not songs: a tracklist from clips whose songs mostly start together on different tracks
 * warns `clips-in-parallel` (lib/clips/parallel.ts); DJ mixes with overlapping crossfades do not.
 * Hand-built sets at 120 BPM (test/helpers/als-builder.ts) and real fixtures (test/fixtures).
 */
import { describe, expect, it } from 'vitest';
import { convert, type Result } from '../../lib';
import { countInParallel, type Song } from '../../lib/clips';
import { buildAls, type AlsAudioTrack } from '../helpers/als-builder';
import { fixture } from '../helpers/fixtures';

const parallel = (r: Result) => r.warnings.filter((w) => w.code === 'clips-in-parallel');
const song = (startBeat: number, trackIndex: number): Song => ({ name: `${startBeat}@${trackIndex}`, startBeat, endBeat: startBeat + 64, trackIndex, clipCount: 1 });

/** A DJ mix: `n` songs on alternating decks, each starting 96 beats after the last, overlapping by `overlap` beats. */
function djMix(n: number, overlap: number, doubleDropAt: number | null = null): AlsAudioTrack[] {
  const decks: AlsAudioTrack[] = [{ name: 'Deck A', clips: [] }, { name: 'Deck B', clips: [] }];
  for (let i = 0; i < n; i++) {
    const start = i * 96;
    decks[i % 2]!.clips!.push({ start, end: start + 96 + overlap, name: `Artist ${i} - Song ${i}`, file: `Artist ${i} - Song ${i}.wav` });
  }
  if (doubleDropAt !== null) decks.push({ name: 'Deck C', clips: [{ start: doubleDropAt * 96, end: doubleDropAt * 96 + 64, name: 'Acapella - Drop', file: 'Acapella - Drop.wav' }] });
  return decks;
}

describe('songs in parallel', () => {
  it('counts songs that start within a beat of a song on another track (the window slides in one pass)', () => {
    expect(countInParallel([song(0, 0), song(0.5, 1), song(1.4, 2), song(64, 0)])).toBe(3);
    expect(countInParallel([song(0, 0), song(0, 0), song(0.5, 0)])).toBe(0); // one track: a song cut into pieces, not stems
    expect(countInParallel([song(0, 0), song(1, 1), song(2.5, 0)])).toBe(2); // exactly one beat apart counts; 1.5 does not
    expect(countInParallel([])).toBe(0);
  });

  it('stems of one song (six tracks from beat 0, no locators) warn, and say what to do', async () => {
    const stems = ['Drums', 'Bass', 'Vocals', 'Synth', 'FX', 'Keys'].map((name, i): AlsAudioTrack => ({
      name,
      clips: [{ start: i === 4 ? 0.25 : 0, end: 256, name: `My Song ${name}`, file: `My Song ${name}.wav` }],
    }));
    const r = await convert(buildAls({ live: 11, tempo: 120, audioTracks: stems }));
    expect(r.markerSource).toBe('clips');
    expect(r.markers).toHaveLength(6);
    expect(parallel(r)).toEqual([{
      code: 'clips-in-parallel',
      message: 'All 6 songs found in the clips start together on different tracks: these look like stems of one song, not a DJ mix. Place a locator (in FL Studio, a marker) at each song to get its tracklist.',
    }]);
  });

  it('the stems of two songs, one after the other, warn as well', async () => {
    const tracks = ['Drums', 'Bass', 'Vox'].map((name): AlsAudioTrack => ({
      name,
      clips: [{ start: 0, end: 120, file: `First ${name}.wav` }, { start: 128, end: 256, file: `Second ${name}.wav` }],
    }));
    const r = await convert(buildAls({ live: 12, tempo: 120, audioTracks: tracks }));
    expect(parallel(r).map((w) => w.message)).toEqual([expect.stringMatching(/^All 6 songs found in the clips start together/)]);
  });

  it('a DJ mix with overlapping crossfades does not warn, nor one with a double drop', async () => {
    const mix = await convert(buildAls({ live: 11, tempo: 120, audioTracks: djMix(12, 16) }));
    expect(mix.markers).toHaveLength(12);
    expect(mix.markers.every((m, i) => m.endSeconds! > (mix.markers[i + 1]?.seconds ?? 0))).toBe(true); // they overlap
    expect(parallel(mix)).toEqual([]);
    // an acapella dropped on song 5's first beat: 2 of 13 songs start together
    const drop = await convert(buildAls({ live: 11, tempo: 120, audioTracks: djMix(12, 16, 5) }));
    expect(drop.markers).toHaveLength(13);
    expect(parallel(drop)).toEqual([]);
  });

  it('the rule needs at least half: 2 of 4 together warns, 2 of 5 does not', async () => {
    const four: AlsAudioTrack[] = [{ clips: [{ start: 0, end: 64, file: 'a.wav' }, { start: 128, end: 192, file: 'c.wav' }, { start: 256, end: 320, file: 'd.wav' }] }, { clips: [{ start: 0, end: 64, file: 'b.wav' }] }];
    expect(parallel(await convert(buildAls({ tempo: 120, audioTracks: four }))).map((w) => w.message)).toEqual([expect.stringMatching(/^2 of the 4 songs/)]);
    four[0]!.clips!.push({ start: 384, end: 448, file: 'e.wav' });
    expect(parallel(await convert(buildAls({ tempo: 120, audioTracks: four })))).toEqual([]);
  });

  // Hand-checked with `--source clips`: live9-markers-noauto.als gives 17 songs, of which only the two
  // at beat 160 ("FX Hit 09", "1 11-Audio revv") start together on two tracks; fl-test.flp gives 6,
  // of which the two claps at beat 64 (tracks 2 and 3) do. Real productions, yet no stems: no warning.
  it.each([['ableton/live9-markers-noauto.als', 17], ['flstudio/fl-test.flp', 6]])('real project %s: %i songs, 2 together, no warning', async (path, n) => {
    const r = await convert(fixture(path), { source: 'clips' });
    expect(r.markers).toHaveLength(n);
    expect(r.markers.filter((m, i, all) => all.some((o, j) => j !== i && Math.abs(o.beat - m.beat) <= 1))).toHaveLength(2);
    expect(parallel(r)).toEqual([]);
  });
});
