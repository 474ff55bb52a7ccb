/**
 * REAPER's tempo map (docs/reaper.md#tempo): the project tempo (TEMPO) and the points of the tempo
 * envelope (TEMPOENVEX), whose times are seconds. A point's shape rules the segment it starts:
 * square holds its BPM to the next point, linear changes the BPM linearly in time to the next
 * point's. Here: the exact seconds → beats function of that map, the breakpoints in beats for the
 * common tempo map (ramps cut into pieces, lib/readers/reaper/ramp.ts), and the meter changes.
 */
import { DawstampsError } from '../../errors';
import type { Meter, MeterChange, Warning } from '../../model';
import { TempoColumns } from '../../tempo/columns';
import { isValidMeter } from '../../tempo/meter';
import { warning } from '../warning';
import { piecesFor, solveEndBpm } from './ramp';
import type { RawProject } from './raw';

const SQUARE = 1;
const LINEAR = 0;

/** The tempo map of one project. */
export interface ReaperTempo {
  /** The BPM where the envelope has at most one breakpoint. */
  staticBpm: number;
  /** Breakpoints in beats (empty for a static tempo). */
  columns: TempoColumns;
  meter: Meter;
  meterChanges: MeterChange[];
  /** True when some segment ramps. */
  ramps: boolean;
  /** Beats from 0 s to `seconds`, exactly under REAPER's reading. O(log n). */
  beatAt(seconds: number): number;
}

/** Tempo points as columns: time, BPM, shape (0 linear, 1 square) and beat. */
interface Nodes {
  n: number;
  t: Float64Array;
  v: Float64Array;
  shape: Int32Array;
  beat: Float64Array;
}

/** Reads the tempo map; 'too-many-breakpoints' when the ramps need more than the limit. */
export function readTempo(raw: RawProject, maxBreakpoints: number, warnings: Warning[]): ReaperTempo {
  const projectBpm = raw.tempo?.bpm ?? 120;
  const meter = projectMeter(raw, warnings);
  const nodes = readNodes(raw, projectBpm, warnings);
  const beatAt = (s: number): number => beatAtSeconds(nodes, s, projectBpm);
  const meterChanges = readMeterChanges(raw, beatAt, warnings);
  if (nodes.n === 0) return { staticBpm: projectBpm, columns: TempoColumns.empty(), meter, meterChanges, ramps: false, beatAt };
  const { columns, ramps } = breakpoints(nodes, maxBreakpoints);
  if (columns.length <= 1) return { staticBpm: nodes.v[0]!, columns: TempoColumns.empty(), meter, meterChanges, ramps, beatAt };
  return { staticBpm: projectBpm, columns, meter, meterChanges, ramps, beatAt };
}

/** The points sorted by time; a square point at 0 s with the project tempo when the first is later; beats. */
function readNodes(raw: RawProject, projectBpm: number, warnings: Warning[]): Nodes {
  const p = raw.points;
  const order = Array.from({ length: p.length }, (_, i) => i).sort((a, b) => p.seconds[a]! - p.seconds[b]! || a - b);
  const lead = p.length > 0 && p.seconds[order[0]!]! > 0 ? 1 : 0;
  const n = p.length + lead;
  const nodes: Nodes = { n, t: new Float64Array(n), v: new Float64Array(n), shape: new Int32Array(n), beat: new Float64Array(n) };
  if (lead) {
    nodes.v[0] = projectBpm;
    nodes.shape[0] = SQUARE;
    if (projectBpm !== p.bpm[order[0]!]) {
      warnings.push(warning('tempo-before-first-point', `The first tempo point is at ${p.seconds[order[0]!]} s; before it the project tempo of ${projectBpm} BPM is assumed.`));
    }
  }
  let otherShapes = 0;
  order.forEach((k, j) => {
    const i = j + lead;
    nodes.t[i] = p.seconds[k]!;
    nodes.v[i] = p.bpm[k]!;
    let shape = p.shape[k]!;
    if (shape === -1) shape = raw.defaultShape;
    if (shape !== SQUARE && shape !== LINEAR) {
      otherShapes++;
      shape = LINEAR;
    }
    nodes.shape[i] = shape;
  });
  if (otherShapes > 0) {
    warnings.push(warning('tempo-shape', `${otherShapes} tempo point(s) have a shape other than linear or square (REAPER's tempo envelope offers only those two); they were read as linear.`));
  }
  // beats from the first node, summed with compensation, then moved so that 0 s is beat 0
  let sum = 0;
  let carry = 0;
  for (let i = 1; i < n; i++) {
    const step = segmentBeats(nodes, i - 1, nodes.t[i]! - nodes.t[i - 1]!);
    const s = sum + step;
    carry += Math.abs(sum) >= Math.abs(step) ? sum - s + step : step - s + sum;
    sum = s;
    nodes.beat[i] = sum + carry;
  }
  if (n > 0) {
    const zero = beatAtSeconds(nodes, 0, projectBpm);
    for (let i = 0; i < n; i++) nodes.beat[i] = nodes.beat[i]! - zero;
  }
  return nodes;
}

/** Beats from node i's time to `tau` seconds later, within its segment (after the last node: its BPM). */
function segmentBeats(nodes: Nodes, i: number, tau: number): number {
  const v0 = nodes.v[i]!;
  if (i + 1 >= nodes.n || nodes.shape[i] === SQUARE) return (v0 * tau) / 60;
  const span = nodes.t[i + 1]! - nodes.t[i]!;
  if (span <= 0) return (v0 * tau) / 60;
  const k = (nodes.v[i + 1]! - v0) / span;
  return (v0 * tau + (k * tau * tau) / 2) / 60;
}

function beatAtSeconds(nodes: Nodes, s: number, projectBpm: number): number {
  if (nodes.n === 0) return (s * projectBpm) / 60;
  if (s < nodes.t[0]!) return nodes.beat[0]! + ((s - nodes.t[0]!) * nodes.v[0]!) / 60;
  let lo = 0;
  let hi = nodes.n - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (nodes.t[mid]! <= s) lo = mid;
    else hi = mid - 1;
  }
  return nodes.beat[lo]! + segmentBeats(nodes, lo, s - nodes.t[lo]!);
}

/** The breakpoints in beats: each node, a step's hold, and each ramp's pieces. */
function breakpoints(nodes: Nodes, maxBreakpoints: number): { columns: TempoColumns; ramps: boolean } {
  const { n, t, v, shape, beat } = nodes;
  let total = n;
  let ramps = false;
  for (let i = 0; i + 1 < n; i++) {
    if (isRamp(nodes, i)) {
      ramps = true;
      total += piecesFor(v[i]!, v[i + 1]!, t[i + 1]! - t[i]!) + 1;
    } else if (shape[i] === SQUARE) total += 1;
    if (!(total <= maxBreakpoints)) {
      throw new DawstampsError('too-many-breakpoints', `Following the tempo ramps to within a hundred-millionth of a second needs more than the limit of ${maxBreakpoints} tempo breakpoints.`, { limit: maxBreakpoints });
    }
  }
  const outBeat = new Float64Array(total);
  const outBpm = new Float64Array(total);
  let m = 0;
  const push = (b: number, bpm: number): void => {
    outBeat[m] = b;
    outBpm[m++] = bpm;
  };
  for (let i = 0; i < n; i++) {
    push(beat[i]!, v[i]!);
    if (i + 1 >= n) break;
    if (isRamp(nodes, i)) {
      const pieces = piecesFor(v[i]!, v[i + 1]!, t[i + 1]! - t[i]!);
      const span = t[i + 1]! - t[i]!;
      const k = (v[i + 1]! - v[i]!) / span;
      let prevBeat = beat[i]!;
      let prevTau = 0;
      let prevBpm = v[i]!;
      for (let j = 1; j <= pieces; j++) {
        const tau = j === pieces ? span : (span * j) / pieces;
        const b = j === pieces ? beat[i + 1]! : beat[i]! + segmentBeats(nodes, i, tau);
        const target = (tau - prevTau) / (60 * (b - prevBeat));
        const end = b > prevBeat ? solveEndBpm(prevBpm, target, v[i]! + k * tau) : v[i]! + k * tau;
        if (j < pieces || Math.abs(end - v[i + 1]!) > 1e-12 * v[i + 1]!) push(b, end);
        prevBeat = b;
        prevTau = tau;
        prevBpm = end;
      }
    } else if (shape[i] === SQUARE && v[i + 1] !== v[i] && beat[i + 1]! > beat[i]!) {
      push(beat[i + 1]!, v[i]!);
    }
  }
  return { columns: new TempoColumns(m, outBeat, outBpm, null), ramps };
}

/** A linear segment of positive length between different tempos. */
function isRamp(nodes: Nodes, i: number): boolean {
  return nodes.shape[i] === LINEAR && nodes.t[i + 1]! > nodes.t[i]! && nodes.v[i + 1] !== nodes.v[i];
}

/** TEMPO's time signature; 4/4 when there is none, or when it is none bar positions can use (`bad-time-signature`). */
function projectMeter(raw: RawProject, warnings: Warning[]): Meter {
  const t = raw.tempo;
  if (t === null) return { numerator: 4, denominator: 4 };
  const meter = { numerator: t.numerator, denominator: t.denominator };
  if (isValidMeter(meter)) return meter;
  warnings.push(warning('bad-time-signature', `The project's time signature (TEMPO) ${t.numerator}/${t.denominator} is not n/d with d a power of two up to 1024; 4/4 is assumed.`));
  return { numerator: 4, denominator: 4 };
}

/** Points that set a time signature: field 4 is 65536·denominator + numerator (flags bit 1, when present, must be set). */
function readMeterChanges(raw: RawProject, beatAt: (s: number) => number, warnings: Warning[]): MeterChange[] {
  const p = raw.points;
  const changes: MeterChange[] = [];
  let bad = 0;
  for (let i = 0; i < p.length; i++) {
    const sig = p.timeSig[i]!;
    const flags = p.flags[i]!;
    if (sig <= 0 || (flags >= 0 && (flags & 1) === 0)) continue;
    const numerator = sig % 65536;
    const denominator = Math.floor(sig / 65536);
    if (!isValidMeter({ numerator, denominator })) {
      bad++;
      continue;
    }
    changes.push({ beat: beatAt(p.seconds[i]!), numerator, denominator });
  }
  if (bad > 0) warnings.push(warning('bad-time-signature', `${bad} time signature(s) in the tempo envelope are not n/d with d a power of two up to 1024; they were ignored.`));
  return changes.sort((a, b) => a.beat - b.beat);
}
