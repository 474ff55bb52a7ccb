/** Model 2 (timing.md): seconds(b) = ∫₀ᵇ 60 / bpm(x) dx, O(n) build, O(log n) per query. */
import { CurveSegment } from './bezier';
import { segmentAt, type Envelope } from './envelope';
import { meanInverse } from './linear-ramp';
import { fillFromAnchor } from './prefix';
import { segmentBpm } from './segment';

const scratch = new CurveSegment();

/** Seconds from beat xa to beat xb, both inside segment j (negative when xb < xa). */
function between(env: Envelope, j: number, xa: number, xb: number): number {
  if (xb < xa) return -between(env, j, xb, xa);
  if (xb === xa) return 0;
  if (scratch.load(env, j)) return scratch.seconds(scratch.uAt(xa), scratch.uAt(xb));
  return 60 * (xb - xa) * meanInverse(segmentBpm(env, j, xa), segmentBpm(env, j, xb));
}

/** Seconds from the start of segment j to beat x inside it. */
function partial(env: Envelope, j: number, x: number): number {
  return between(env, j, env.beats[j]!, x);
}

/** Builds seconds(beat) for the continuous model; negative beats give negative seconds. */
export function continuousSeconds(env: Envelope): (beat: number) => number {
  const last = env.beats.length - 1;
  const width = (j: number): number => partial(env, j, env.beats[j + 1]!);
  const at = new Float64Array(last + 1); // seconds at each breakpoint beat, 0 at beat 0
  const j0 = segmentAt(env.beats, 0);
  if (j0 < 0) fillFromAnchor(at, width, 0, (60 * env.beats[0]!) / env.leftBpm);
  else if (j0 >= last) fillFromAnchor(at, width, last, (60 * env.beats[last]!) / env.from[last]!);
  else fillFromAnchor(at, width, j0, -partial(env, j0, 0));

  return (beat: number): number => {
    const j = segmentAt(env.beats, beat);
    if (j < 0) return j0 < 0 ? (60 * beat) / env.leftBpm : at[0]! - (60 * (env.beats[0]! - beat)) / env.leftBpm;
    if (j >= last && j0 >= last) return (60 * beat) / env.from[last]!;
    if (j >= last) return at[last]! + (60 * (beat - env.beats[last]!)) / env.from[last]!;
    // in the segment holding beat 0, measure from 0 itself: no cancellation against a far-left start
    if (j === j0) return between(env, j, 0, beat);
    return j < j0 ? at[j + 1]! - between(env, j, beat, env.beats[j + 1]!) : at[j]! + partial(env, j, beat);
  };
}
