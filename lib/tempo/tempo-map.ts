/** The tempo map: beats → seconds in either model of docs/timing.md, plus the BPM curve. */
import type { TempoPoint, TimingModel } from '../model';
import { TempoColumns } from './columns';
import { continuousSeconds } from './continuous';
import { buildEnvelope, segmentAt } from './envelope';
import { beatAtSeconds } from './inverse';
import { envelopeBpm } from './segment';
import { steppedSeconds } from './stepped';

export interface TempoMapOptions {
  /** The tempo when the envelope has at most one breakpoint. */
  staticBpm: number;
  model: TimingModel;
  /** Grid step of the stepped model, in beats (Ableton 1/4, FL Studio 1/128). */
  step: number;
}

/** Beats → seconds for one project and one model. */
export interface TempoMap {
  readonly model: TimingModel;
  /** True when the tempo changes somewhere. */
  readonly automated: boolean;
  /** Seconds from beat 0 to `beat` (negative before beat 0). O(log n). */
  seconds(beat: number): number;
  /** The beat at `seconds` from beat 0: the inverse of `seconds` (O(log n) per step of a search). */
  beatAt(seconds: number): number;
  /** The envelope's BPM at `beat` (right-continuous at jumps). O(log n). */
  bpmAt(beat: number): number;
  /** The breakpoints as [beat, bpm] ([[0, bpm]] for a static tempo). */
  points(): Array<[number, number]>;
  /** True when a curved segment lies (partly) between beats a and b. */
  curvedBetween(a: number, b: number): boolean;
}

/**
 * Builds the map in O(n); throws DawstampsError 'corrupt-file' for impossible breakpoints.
 * `points` as objects or, from a reader that has them so, as columns (no object per breakpoint).
 */
export function createTempoMap(points: readonly TempoPoint[] | TempoColumns, options: TempoMapOptions): TempoMap {
  const columns = points instanceof TempoColumns ? points : TempoColumns.of(points);
  const env = buildEnvelope(columns, options.staticBpm);
  const step = options.step;
  const seconds = options.model === 'stepped' ? steppedSeconds(env, step > 0 && Number.isFinite(step) ? step : 0.25) : continuousSeconds(env);
  const bpm = columns.bpm;
  const n = columns.length;
  let automated = false;
  for (let i = 1; i < n && !automated; i++) automated = bpm[i]! !== bpm[0]!;
  const bpmAt = (beat: number): number => envelopeBpm(env, segmentAt(env.beats, beat), beat);
  return {
    model: options.model,
    automated,
    seconds,
    beatAt: (target) => beatAtSeconds(seconds, target, bpmAt(0)),
    bpmAt,
    points: () => {
      if (n <= 1) return [[0, options.staticBpm]];
      const list: Array<[number, number]> = [];
      for (let i = 0; i < n; i++) list.push([columns.beat[i]!, bpm[i]!]);
      return list;
    },
    curvedBetween(a, b) {
      if (env.curves === 0) return false;
      // the segments that overlap (a, b), in order; a scan (called once per conversion, not per marker)
      const last = env.curveOf.length - 1;
      for (let j = Math.max(0, segmentAt(env.beats, a)); j <= last && env.beats[j]! < b; j++) {
        if (env.curveOf[j]! >= 0 && env.beats[j + 1]! > a) return true;
      }
      return false;
    },
  };
}
