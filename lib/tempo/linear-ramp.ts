/**
 * A tempo ramp linear in beats, from v0 to v1 BPM: its mean of 1/bpm over the beats it spans is
 * ln(v1/v0)/(v1 − v0), so Δb beats of it last 60·Δb·meanInverse(v0, v1) seconds, and Δt seconds of
 * it cover Δt/(60·meanInverse(v0, v1)) beats. One function for the continuous tempo map
 * (lib/tempo/continuous.ts), DAWproject points timed in seconds and REAPER's ramp pieces.
 */

/**
 * ln(v1/v0)/(v1 − v0), and 1/v0 for a flat ramp. ln(v1/v0) is log1p(r) with r = (v1 − v0)/v0, so a
 * nearly flat ramp loses nothing: within 2 ulp of the exact value for every |r| from 10⁻¹⁶ to 0.1
 * (measured against 60-digit decimals; a series below some cut-off is no better, and treating
 * |r| < 10⁻¹² as flat was up to 4·10⁻¹³ off).
 */
export function meanInverse(v0: number, v1: number): number {
  const r = (v1 - v0) / v0;
  return r === 0 ? 1 / v0 : Math.log1p(r) / (v1 - v0);
}
