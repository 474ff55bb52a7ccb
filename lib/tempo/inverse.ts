/**
 * Seconds → beats: the inverse of a tempo map's seconds(beat), which only grows. Used for the
 * positions a DAW stores in seconds (Reaper, DAWproject), and for the middle of a crossfade in time.
 */
import { MAX_ABS_BEAT } from './envelope';

/** Beats → seconds (a tempo map's `seconds`). */
export type SecondsAt = (beat: number) => number;

/**
 * The beat where `secondsAt` reaches `target`, searched between `lo` and `hi` (whose seconds
 * bracket the target). A linear-interpolation step (exact where the tempo is constant), every
 * other step a bisection (so a curved or stepped tempo cannot stall it), to 1e-12 relative.
 */
export function solveBeat(secondsAt: SecondsAt, target: number, lo: number, hi: number): number {
  let sLo = secondsAt(lo);
  let sHi = secondsAt(hi);
  if (target <= sLo) return lo;
  if (target >= sHi) return hi;
  let x = (lo + hi) / 2;
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

/**
 * The beat at `seconds` from beat 0 (negative before it). `bpmGuess` sizes the first bracket; it
 * doubles until it holds the target (tempos are positive and finite, so it does within ~60 steps).
 */
export function beatAtSeconds(secondsAt: SecondsAt, seconds: number, bpmGuess: number): number {
  if (seconds === 0) return 0;
  const sign = seconds > 0 ? 1 : -1;
  let span = Math.max(1e-9, Math.abs((seconds * bpmGuess) / 60));
  let near = 0;
  for (let i = 0; i < 200; i++) {
    const far = Math.max(-MAX_ABS_BEAT, Math.min(MAX_ABS_BEAT, sign * span));
    const s = secondsAt(far);
    if (sign > 0 ? s >= seconds : s <= seconds) return sign > 0 ? solveBeat(secondsAt, seconds, near, far) : solveBeat(secondsAt, seconds, far, near);
    if (Math.abs(far) >= MAX_ABS_BEAT) return far;
    near = far;
    span *= 2;
  }
  return sign * MAX_ABS_BEAT;
}
