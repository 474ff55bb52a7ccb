/** The BPM inside one envelope segment, straight or curved. */
import { CurveSegment, curveBpm } from './bezier';
import type { Envelope } from './envelope';

const scratch = new CurveSegment();

/** The BPM at beat x of segment j (beats[j] ≤ x < beats[j+1]). */
export function segmentBpm(env: Envelope, j: number, x: number): number {
  if (scratch.load(env, j)) return curveBpm(scratch, x);
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
