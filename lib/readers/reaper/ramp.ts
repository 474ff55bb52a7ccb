/**
 * A tempo that changes linearly in TIME (REAPER's linear tempo points, docs/reaper.md#tempo), written
 * as breakpoints the tempo map reads as linear in BEATS. The BPM of a linear-in-time ramp is not
 * linear in beats (it is a square root of the beat), so the ramp is cut into pieces; each piece's
 * end is placed exactly on the ramp (its time and beat are exact) and its BPM is solved so that
 * the piece, read linearly in beats, takes exactly its time. Times and beats are then exact at
 * every piece end and never drift from ramp to ramp; inside a piece the time is within
 * `RAMP_TOLERANCE_SECONDS`, and the BPM at a piece end within about 2·10⁻⁶ of the ramp's for
 * ordinary ramps (docs/reaper.md#how-exact).
 */
import { meanInverse } from '../../tempo/linear-ramp';

/** What the piece count aims at: the largest time error inside one piece (measured ≈ 1/3 of it). */
export const RAMP_TOLERANCE_SECONDS = 1e-8;

/**
 * Pieces for a ramp of `duration` seconds from v0 to v1 BPM. Inside a piece of τ seconds the
 * error is about τ³·k²/(12·v²) (k the slope in BPM per second, v the slowest tempo), so
 * n = ∛(T·(Δv/v)²/(12·ε)). Infinity or NaN for absurd inputs (the caller's limit stops those).
 */
export function piecesFor(v0: number, v1: number, duration: number): number {
  const rel = (v1 - v0) / Math.min(v0, v1);
  return Math.max(1, Math.ceil(Math.cbrt((duration * rel * rel) / (12 * RAMP_TOLERANCE_SECONDS))));
}

/** d meanInverse(a, b) / db (the mean of 1/bpm over a piece linear in beats from a to b, lib/tempo/linear-ramp.ts). */
function slope(a: number, b: number): number {
  const r = (b - a) / a;
  if (Math.abs(r) < 1e-4) return (-1 / 2 + (2 * r) / 3 - (3 * r * r) / 4) / (a * a);
  return (1 / b - meanInverse(a, b)) / (b - a);
}

/**
 * The end BPM b of a piece that starts at `a` BPM and whose mean of 1/bpm (over beats) must be
 * `target` (its seconds / (60 · its beats)). meanInverse falls as b grows, so there is one
 * answer; Newton from `guess`, kept inside a shrinking bracket (bisection when a step leaves it).
 */
export function solveEndBpm(a: number, target: number, guess: number): number {
  let lo = 0;
  let hi = Number.POSITIVE_INFINITY;
  let b = guess > 0 && Number.isFinite(guess) ? guess : a;
  for (let i = 0; i < 200; i++) {
    const f = meanInverse(a, b) - target;
    if (f === 0) return b;
    if (f > 0) lo = b;
    else hi = b;
    let next = b - f / slope(a, b);
    if (!(next > lo && next < hi)) next = Number.isFinite(hi) ? (lo + hi) / 2 : b * 2;
    if (Math.abs(next - b) <= 1e-15 * b) return next;
    b = next;
  }
  return b;
}
