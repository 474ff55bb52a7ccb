/** Where a song's entry sits: its first clip's start, or the middle of the crossfade into it. */
import type { ClipAnchor } from '../options';
import type { Song } from './songs';
import { solveBeat, type SecondsAt } from '../tempo/inverse';

export type { SecondsAt };

/**
 * The entry beat of each song (songs sorted by start). With 'crossfade-middle', a song that starts
 * while the previous song (in start order) still plays sits at the middle of that overlap, from
 * its start to the earlier of both ends — the middle in time when `secondsAt` is given (tempo
 * changes inside the crossfade count), else in beats. Without an overlap it stays at its start.
 */
export function anchorBeats(songs: readonly Song[], anchor: ClipAnchor, secondsAt?: SecondsAt): number[] {
  return songs.map((song, i) => {
    const previous = i > 0 ? songs[i - 1] : undefined;
    if (anchor !== 'crossfade-middle' || !previous || previous.endBeat <= song.startBeat) return song.startBeat;
    return middle(song.startBeat, Math.min(previous.endBeat, song.endBeat), secondsAt);
  });
}

/** The beat halfway (in time) between beats a ≤ b; halfway in beats without a tempo map. */
function middle(a: number, b: number, secondsAt?: SecondsAt): number {
  if (!secondsAt || b <= a) return (a + b) / 2;
  return solveBeat(secondsAt, (secondsAt(a) + secondsAt(b)) / 2, a, b);
}
