/**
 * The tempo of a result as a line to draw: [seconds from the result's start, BPM] vertices from
 * lib's own tempo map and envelope, so a drawing agrees with the table. Ramps and curved (Bezier)
 * segments are sampled inside (BPM is linear in beats, not in seconds, and a curve is a curve); a
 * jump is two vertices at one time. Long envelopes are thinned to the lowest and highest value
 * of each run of segments, so the line keeps every peak.
 */
import type { Project, Result } from './model';
import { createTempoMap } from './tempo';
import { buildEnvelope, segmentAt, type Envelope } from './tempo/envelope';
import { envelopeBpm, segmentBpm } from './tempo/segment';
import { chooseTimeline } from './timeline';

/** Samples inside a ramp, and inside a curved segment. */
const RAMP_SAMPLES = 12;
const CURVE_SAMPLES = 32;

/** A vertex: seconds from the result's start, BPM. */
export type TempoVertex = [number, number];

/**
 * The tempo line of `result` (timed from `project`) between two times, in seconds from the
 * result's start. At most about `maxVertices` vertices (4 a run of segments once thinned).
 */
export function tempoVertices(project: Project, result: Result, fromSeconds: number, toSeconds: number, maxVertices = 2000): TempoVertex[] {
  const { timeline } = chooseTimeline(project, result.arrangement?.used.index);
  const map = createTempoMap(timeline.tempo, { staticBpm: project.staticBpm, model: result.timing.model, step: project.tempoStep });
  const env = buildEnvelope(timeline.tempo, project.staticBpm);
  const zero = map.seconds(result.start.beat);
  const at = (beat: number, bpm: number): TempoVertex => [map.seconds(beat) - zero, bpm];
  const from = map.beatAt(fromSeconds + zero);
  const to = Math.max(from, map.beatAt(toSeconds + zero));

  // the segments that overlap (from, to): first..last (-1: left of the first breakpoint)
  const first = segmentAt(env.beats, from);
  const last = segmentAt(env.beats, to);
  const count = last - first + 1;
  const out: TempoVertex[] = [at(from, envelopeBpm(env, first, from))];
  if (count > maxVertices / 4) thinned(env, first, last, Math.ceil((4 * count) / maxVertices), from, to, at, out);
  else {
    for (let j = first; j <= last; j++) segment(env, j, from, to, at, out);
  }
  out.push(at(to, envelopeBpm(env, last, to)));
  return out;
}

/** Segment j's vertices inside (from, to): where it starts (two at a jump) and samples inside a ramp or curve. */
function segment(env: Envelope, j: number, from: number, to: number, at: (beat: number, bpm: number) => TempoVertex, out: TempoVertex[]): void {
  if (j < 0 || j >= env.beats.length) return;
  const start = env.beats[j]!;
  if (start > from && start < to) {
    if (j > 0) out.push(at(start, env.to[j - 1]!));
    out.push(at(start, env.from[j]!));
  }
  if (j >= env.to.length || env.from[j] === env.to[j]) return;
  const end = env.beats[j + 1]!;
  const samples = env.curveOf[j]! >= 0 ? CURVE_SAMPLES : RAMP_SAMPLES;
  for (let k = 1; k < samples; k++) {
    const beat = start + ((end - start) * k) / samples;
    if (beat > from && beat < to) out.push(at(beat, segmentBpm(env, j, beat)));
  }
}

/** Runs of `per` segments as their first, lowest and highest values, in time order. */
function thinned(env: Envelope, first: number, last: number, per: number, from: number, to: number, at: (beat: number, bpm: number) => TempoVertex, out: TempoVertex[]): void {
  const { beats, from: starts, to: ends } = env;
  for (let j0 = Math.max(0, first + 1); j0 <= last; j0 += per) {
    const j1 = Math.min(last, j0 + per - 1);
    // the lowest and highest value of the run and the beat each is at (a segment's start or end)
    let loBeat = beats[j0]!;
    let lo = starts[j0]!;
    let hiBeat = loBeat;
    let hi = lo;
    for (let j = j0; j <= j1; j++) {
      const v = starts[j]!;
      if (v < lo) { lo = v; loBeat = beats[j]!; }
      if (v > hi) { hi = v; hiBeat = beats[j]!; }
      if (j < ends.length) {
        const e = ends[j]!;
        if (e < lo) { lo = e; loBeat = beats[j + 1]!; }
        if (e > hi) { hi = e; hiBeat = beats[j + 1]!; }
      }
    }
    const keep: Array<[number, number]> = [[beats[j0]!, starts[j0]!]];
    if (loBeat !== beats[j0] || lo !== starts[j0]) keep.push([loBeat, lo]);
    if (hiBeat !== loBeat || hi !== lo) keep.push([hiBeat, hi]);
    keep.sort((a, b) => a[0] - b[0]);
    for (const [beat, bpm] of keep) if (beat > from && beat < to) out.push(at(beat, bpm));
  }
}
