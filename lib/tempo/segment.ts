/** The BPM inside one envelope segment, straight or curved. */
import type { CurveSegment } from './bezier';
import { curveBpm } from './bezier';
import type { Envelope } from './envelope';

/** The curved segment j as a Bezier box, or null when it is a straight ramp. */
export function curveSegment(env: Envelope, j: number): CurveSegment | null {
  const index = env.curveOf[j]!;
  if (index < 0) return null;
  return { b0: env.beats[j]!, b1: env.beats[j + 1]!, v0: env.from[j]!, v1: env.to[j]!, curve: env.curves[index]! };
}

/** The BPM at beat x of segment j (beats[j] ≤ x < beats[j+1]). */
export function segmentBpm(env: Envelope, j: number, x: number): number {
  const curve = curveSegment(env, j);
  if (curve) return curveBpm(curve, x);
  const b0 = env.beats[j]!;
  const v0 = env.from[j]!;
  return v0 + (env.to[j]! - v0) * ((x - b0) / (env.beats[j + 1]! - b0));
}

/** The BPM at any beat: held outside the breakpoints, right-continuous at jumps. */
export function envelopeBpm(env: Envelope, j: number, x: number): number {
  if (j < 0) return env.leftBpm;
  if (j >= env.to.length) return env.from[env.from.length - 1]!;
  return segmentBpm(env, j, x);
}
