/** Grouping clips into songs and placing entries, on plain clip data (no file involved). */
import { describe, expect, it } from 'vitest';
import { anchorBeats, clipDisplayName, groupSongs, MERGE_GAP_BEATS } from '../../lib/clips';
import type { ArrangementClip } from '../../lib/model';

function clip(startBeat: number, endBeat: number, name: string, fileName: string | null = null, trackIndex = 0): ArrangementClip {
  return { name, fileName, trackName: `${trackIndex + 1} Audio`, trackIndex, startBeat, endBeat, disabled: false, trackMuted: false };
}
const brief = (songs: ReturnType<typeof groupSongs>) => songs.map((s) => [s.name, s.startBeat, s.endBeat, s.clipCount]);

describe('clip names', () => {
  it('use the clip name, else the file name, cleaned of extensions and download junk', () => {
    expect(clipDisplayName({ name: 'Bicep - Glue (Original Mix)', fileName: 'x.wav' })).toBe('Bicep - Glue (Original Mix)');
    expect(clipDisplayName({ name: '', fileName: '01. Daft Punk - One More Time (Radio Edit) [www.example.com].mp3' })).toBe('Daft Punk - One More Time (Radio Edit)');
    expect(clipDisplayName({ name: '  ', fileName: 'Moby - Porcelain (Official Video) [HD].flac' })).toBe('Moby - Porcelain');
    expect(clipDisplayName({ name: 'Kölsch - Grey (Extended Mix).aiff', fileName: null })).toBe('Kölsch - Grey (Extended Mix)');
    expect(clipDisplayName({ name: '', fileName: null })).toBe('Untitled clip');
  });
});

describe('songs from clips', () => {
  it('keeps overlapping songs on alternating tracks apart', () => {
    const songs = groupSongs([clip(0, 136, 'A - One', 'a.wav', 0), clip(128, 264, 'B - Two', 'b.wav', 1), clip(256, 400, 'C - Three', 'c.wav', 0)]);
    expect(brief(songs)).toEqual([
      ['A - One', 0, 136, 1],
      ['B - Two', 128, 264, 1],
      ['C - Three', 256, 400, 1],
    ]);
  });

  it('merges a song cut into pieces (same name), in any input order', () => {
    const songs = groupSongs([clip(64, 96, 'Song X', 'x.wav'), clip(0, 32, 'Song X', 'x.wav'), clip(32, 64, 'song x.wav', null)]);
    expect(brief(songs)).toEqual([['Song X', 0, 96, 3]]);
  });

  it('merges the same file on two tracks even when the clip names differ', () => {
    const songs = groupSongs([clip(0, 64, 'Song X', 'x.wav', 0), clip(16, 80, 'Song X (layer)', 'X.WAV', 1)]);
    expect(brief(songs)).toEqual([['Song X', 0, 80, 2]]);
  });

  it('merges across a gap of at most one bar, not more; a song played again later is a new entry', () => {
    expect(MERGE_GAP_BEATS).toBe(4);
    const songs = groupSongs([clip(0, 32, 'Song X'), clip(36, 48, 'Song X'), clip(52.5, 60, 'Song X'), clip(200, 260, 'Song X')]);
    expect(brief(songs)).toEqual([
      ['Song X', 0, 48, 2],
      ['Song X', 52.5, 60, 1],
      ['Song X', 200, 260, 1],
    ]);
  });

  it('lets a piece continue its song after another song has begun (interleaved tracks)', () => {
    const songs = groupSongs([clip(0, 100, 'A', null, 0), clip(90, 200, 'B', null, 1), clip(100, 110, 'A', null, 0)]);
    expect(brief(songs)).toEqual([
      ['A', 0, 110, 2],
      ['B', 90, 200, 1],
    ]);
  });

  it('never merges untitled clips by name', () => {
    expect(groupSongs([clip(0, 8, ''), clip(8, 16, '')]).map((s) => s.startBeat)).toEqual([0, 8]);
  });
});

describe('entry anchors', () => {
  const songs = groupSongs([clip(0, 136, 'A'), clip(128, 264, 'B'), clip(270, 300, 'C'), clip(280, 290, 'D')]);

  it('start: each song at its first clip start', () => {
    expect(anchorBeats(songs, 'start')).toEqual([0, 128, 270, 280]);
  });

  it('crossfade-middle: the middle of the overlap with the previous song; no overlap keeps the start', () => {
    // B overlaps A over 128..136 → 132. C starts after B ends (264) → 270.
    // D lies inside C: the overlap is 280..290 (D's own end) → 285.
    expect(anchorBeats(songs, 'crossfade-middle')).toEqual([0, 132, 270, 285]);
  });

  it('crossfade-middle in time when a tempo map is given', () => {
    // 120 BPM up to beat 130, 60 BPM after: seconds(128) = 64, seconds(136) = 65 + 6 = 71,
    // middle in time 67.5 s = beat 130 + 2.5 s at 1 beat/s = beat 132.5 (the middle in beats is 132).
    const secondsAt = (b: number) => (b <= 130 ? b / 2 : 65 + (b - 130));
    expect(anchorBeats(songs, 'crossfade-middle', secondsAt)[1]).toBeCloseTo(132.5, 6);
  });
});
