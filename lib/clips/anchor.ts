/** Where a song's entry sits: its first clip's start, or the middle of the crossfade into it. */
import type { ClipAnchor } from '../options';
import type { Song } from './songs';

/** Beats → seconds of the set (the tempo map), to put the middle of a crossfade in time. */
export type SecondsAt = (beat: number) => number;

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

/**
 * The beat halfway (in time) between beats a ≤ b. seconds(beat) only grows, so a bracketing search
 * converges: a linear-interpolation step (exact where the tempo is constant), every other step a
 * bisection (so a curved tempo cannot stall it).
 */
function middle(a: number, b: number, secondsAt?: SecondsAt): number {
  if (!secondsAt || b <= a) return (a + b) / 2;
  let lo = a;
  let hi = b;
  let sLo = secondsAt(a);
  let sHi = secondsAt(b);
  const target = (sLo + sHi) / 2;
  let x = (a + b) / 2;
  for (let i = 0; i < 200 && hi - lo > 1e-12 * Math.max(1, Math.abs(hi)); i++) {
    const interpolated = sHi > sLo ? lo + ((target - sLo) * (hi - lo)) / (sHi - sLo) : Number.NaN;
    x = i % 2 === 0 && interpolated > lo && interpolated < hi ? interpolated : (lo + hi) / 2;
    const s = secondsAt(x);
    if (Math.abs(s - target) <= 1e-12 * Math.max(1, Math.abs(target))) return x;
    if (s < target) [lo, sLo] = [x, s];
    else [hi, sHi] = [x, s];
  }
  return x;
}
