/**
 * An independent reference for the DAWproject timing tests: it imports nothing from lib/. The
 * tempo is a function of the beat written out from the points as the format defines them (hold:
 * the value until the next point; linear: a straight line in beats to the next point), and
 * seconds are its integral ∫ 60/bpm db by composite Simpson's rule with small steps, so no closed
 * form and no code of the reader is shared with what it checks.
 */

/** A tempo point placed in beats. */
export interface BeatPoint {
  beat: number;
  bpm: number;
  interpolation: 'hold' | 'linear';
}

/** The tempo at a beat (before the first point its value holds; at a point, the point's value). */
export function bpmAt(points: readonly BeatPoint[], beat: number): number {
  if (beat <= points[0]!.beat) return points[0]!.bpm;
  for (let i = points.length - 1; i >= 0; i--) {
    const p = points[i]!;
    if (beat < p.beat) continue;
    const next = points[i + 1];
    if (!next || p.interpolation === 'hold' || next.beat === p.beat) return p.bpm;
    return p.bpm + ((next.bpm - p.bpm) * (beat - p.beat)) / (next.beat - p.beat);
  }
  return points[0]!.bpm;
}

/** ∫ f over [a, b] by composite Simpson with `n` (even) intervals. */
export function simpson(f: (x: number) => number, a: number, b: number, n = 20_000): number {
  if (a === b) return 0;
  const h = (b - a) / n;
  let sum = f(a) + f(b);
  for (let k = 1; k < n; k++) sum += (k % 2 === 1 ? 4 : 2) * f(a + k * h);
  return (sum * h) / 3;
}

/** Seconds from beat 0 to `beat`, integrated piece by piece between the points (where the tempo may jump). */
export function secondsAt(points: readonly BeatPoint[], beat: number): number {
  const cuts = [0, ...points.map((p) => p.beat).filter((b) => b > Math.min(0, beat) && b < Math.max(0, beat)), beat].sort((x, y) => x - y);
  let total = 0;
  for (let i = 1; i < cuts.length; i++) {
    const a = cuts[i - 1]!;
    const b = cuts[i]!;
    // inside (a, b) the tempo is smooth; evaluate just inside the ends so a jump at a cut is not straddled
    const mid = (x: number): number => 60 / bpmAt(points, Math.min(b - 1e-12 * Math.max(1, Math.abs(b)), Math.max(a, x)));
    total += simpson(mid, a, b);
  }
  return beat >= 0 ? total : -total;
}

/** The beat at `seconds` (bisection on `secondsAt`). */
export function beatAt(points: readonly BeatPoint[], seconds: number): number {
  let lo = -1e6;
  let hi = 1e6;
  for (let i = 0; i < 200 && hi - lo > 1e-9; i++) {
    const mid = (lo + hi) / 2;
    if (secondsAt(points, mid) < seconds) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * Places points timed in seconds in beats: before the first point its tempo holds, so its beat is
 * t·bpm/60; each next point's beat is found by bisection on the numerically integrated segment.
 */
export function pointsFromSeconds(points: ReadonlyArray<{ time: number; bpm: number; interpolation: 'hold' | 'linear' }>): BeatPoint[] {
  const out: BeatPoint[] = [{ beat: (points[0]!.time * points[0]!.bpm) / 60, bpm: points[0]!.bpm, interpolation: points[0]!.interpolation }];
  for (let i = 1; i < points.length; i++) {
    const prev = out[i - 1]!;
    const p = points[i]!;
    const dt = p.time - points[i - 1]!.time;
    const segmentSeconds = (db: number): number =>
      simpson((x) => 60 / (prev.interpolation === 'hold' ? prev.bpm : prev.bpm + ((p.bpm - prev.bpm) * x) / db), 0, db, 4000);
    let lo = 0;
    let hi = (dt * 10_000) / 60;
    for (let k = 0; k < 200 && hi - lo > 1e-12; k++) {
      const mid = (lo + hi) / 2;
      if (segmentSeconds(mid) < dt) lo = mid;
      else hi = mid;
    }
    out.push({ beat: prev.beat + (lo + hi) / 2, bpm: p.bpm, interpolation: p.interpolation });
  }
  return out;
}

/** Asserts |actual − expected| < 1 ms, with a message naming both. */
export function within1ms(actual: number, expected: number, what = ''): void {
  if (!(Math.abs(actual - expected) < 0.001)) throw new Error(`${what} ${actual} s is not within 1 ms of ${expected} s`);
}
