/**
 * Stems look like songs: a tracklist from clips whose songs mostly start together on different
 * tracks is one song's stems (or a production), not a DJ mix.
 *
 * The rule: a song is "in parallel" when another song starts within `PARALLEL_BEATS` (one beat) of
 * it on a different track. When at least half of the songs (and at least two) are in parallel, the
 * tracklist gets a `clips-in-parallel` warning. A DJ mix overlaps songs for its crossfades, but each
 * one starts bars after the one before, so few or none are in parallel.
 */
import type { Warning } from '../model';
import type { Song } from './songs';

/** How close (in beats) two starts must be to count as together. */
export const PARALLEL_BEATS = 1;

/** How many songs (sorted by start) start within a beat of a song on another track. O(n). */
export function countInParallel(songs: readonly Song[]): number {
  const onTrack = new Map<number, number>();
  const add = (s: Song, by: number): void => void onTrack.set(s.trackIndex, (onTrack.get(s.trackIndex) ?? 0) + by);
  let lo = 0;
  let hi = 0;
  let count = 0;
  for (const song of songs) {
    // the window [lo, hi) holds the songs starting within PARALLEL_BEATS of this one
    while (hi < songs.length && songs[hi]!.startBeat <= song.startBeat + PARALLEL_BEATS) add(songs[hi++]!, 1);
    while (songs[lo]!.startBeat < song.startBeat - PARALLEL_BEATS) add(songs[lo++]!, -1);
    if (hi - lo > (onTrack.get(song.trackIndex) ?? 0)) count++;
  }
  return count;
}

/** The `clips-in-parallel` warning when the songs look like stems (see the file comment), else null. */
export function parallelWarning(songs: readonly Song[]): Warning | null {
  const together = countInParallel(songs);
  if (together < 2 || together * 2 < songs.length) return null;
  const which = together === songs.length ? `All ${songs.length} songs` : `${together} of the ${songs.length} songs`;
  return {
    code: 'clips-in-parallel',
    message: `${which} found in the clips start together on different tracks: these look like stems of one song, not a DJ mix. Place a locator (in FL Studio, a marker) at each song to get its tracklist.`,
  };
}
