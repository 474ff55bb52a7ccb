/** Model 2 (timing.md): seconds(b) = ∫₀ᵇ 60 / bpm(x) dx, O(n) build, O(log n) per query. */
import { curveSecondsTo } from './bezier';
import { segmentAt, type Envelope } from './envelope';
import { fillFromAnchor } from './prefix';
import { curveSegment } from './segment';

/** Seconds from the start of segment j to beat x inside it. */
function partial(env: Envelope, j: number, x: number): number {
  const b0 = env.beats[j]!;
  if (x <= b0) return 0;
  const curve = curveSegment(env, j);
  if (curve) return curveSecondsTo(curve, x);
  const v0 = env.from[j]!;
  const v = v0 + ((env.to[j]! - v0) * (x - b0)) / (env.beats[j + 1]! - b0);
  const r = (v - v0) / v0;
  // 60·Δb/(v − v0)·ln(v/v0), written so that a flat or nearly flat ramp loses nothing.
  return r === 0 ? (60 * (x - b0)) / v0 : (60 * (x - b0) * (Math.log1p(r) / r)) / v0;
}

/** Builds seconds(beat) for the continuous model; negative beats give negative seconds. */
export function continuousSeconds(env: Envelope): (beat: number) => number {
  const last = env.beats.length - 1;
  const widths = new Float64Array(last);
  for (let j = 0; j < last; j++) widths[j] = partial(env, j, env.beats[j + 1]!);
  const at = new Float64Array(last + 1); // seconds at each breakpoint beat, 0 at beat 0
  const j0 = segmentAt(env.beats, 0);
  if (j0 < 0) fillFromAnchor(at, widths, 0, (60 * env.beats[0]!) / env.leftBpm);
  else if (j0 >= last) fillFromAnchor(at, widths, last, (60 * env.beats[last]!) / env.from[last]!);
  else fillFromAnchor(at, widths, j0, -partial(env, j0, 0));

  return (beat: number): number => {
    const j = segmentAt(env.beats, beat);
    if (j < 0) return at[0]! - (60 * (env.beats[0]! - beat)) / env.leftBpm;
    if (j >= last) return at[last]! + (60 * (beat - env.beats[last]!)) / env.from[last]!;
    return at[j]! + partial(env, j, beat);
  };
}
