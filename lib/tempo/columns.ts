/**
 * Tempo breakpoints as columns of numbers. A set may hold 100,000 breakpoints: an object (and a
 * boxed double per field) for each costs more than reading them (bench case 3b), so a reader that has
 * them as columns hands those to the tempo map; TempoPoint objects are made only when asked for
 * (`points()`). The model keeps an envelope so; nothing here changes after construction.
 */

/** Bezier handles of the tempo segment that starts at a breakpoint (Ableton CurveControl*). */
export interface TempoCurve {
  c1x: number;
  c1y: number;
  c2x: number;
  c2y: number;
}

/** One breakpoint of the tempo envelope; beats are quarter notes from the arrangement's beat 0. */
export interface TempoPoint {
  beat: number;
  bpm: number;
  curve?: TempoCurve;
}

export class TempoColumns {
  /**
   * `curve` holds c1x, c1y, c2x, c2y per breakpoint (NaN for none), or is null when none has a
   * curve. The arrays may be longer than `length`. `objects`: the breakpoints these columns were
   * made of, when some have a curve (their handles are read from them, not copied: copying
   * 1,000,000 curves costs a full GC of the objects, bench case 4).
   */
  constructor(
    readonly length: number,
    readonly beat: Float64Array,
    readonly bpm: Float64Array,
    readonly curve: Float64Array | null,
    readonly objects: readonly TempoPoint[] | null = null,
  ) {}

  /** No breakpoints: the tempo is static. */
  static empty(): TempoColumns {
    return new TempoColumns(0, new Float64Array(0), new Float64Array(0), null);
  }

  /** The columns of `points` (in their order). */
  static of(points: readonly TempoPoint[]): TempoColumns {
    const n = points.length;
    const beat = new Float64Array(n);
    const bpm = new Float64Array(n);
    let curves = false;
    for (let i = 0; i < n; i++) {
      const p = points[i]!;
      beat[i] = p.beat;
      bpm[i] = p.bpm;
      if (!curves && p.curve !== undefined && p.curve !== null) curves = true;
    }
    return new TempoColumns(n, beat, bpm, null, curves ? points : null);
  }

  /** True when some breakpoint may have a curve. */
  get curved(): boolean {
    return this.curve !== null || this.objects !== null;
  }

  /** The handles of breakpoint i, or undefined. */
  curveAt(i: number): TempoCurve | undefined {
    if (this.objects !== null) return this.objects[i]!.curve ?? undefined;
    const c = this.curve;
    if (c === null || c[4 * i] !== c[4 * i]) return undefined;
    return { c1x: c[4 * i]!, c1y: c[4 * i + 1]!, c2x: c[4 * i + 2]!, c2y: c[4 * i + 3]! };
  }

  /** The breakpoints as TempoPoint objects (`curve` only where there is one). */
  points(): TempoPoint[] {
    const points: TempoPoint[] = [];
    for (let i = 0; i < this.length; i++) {
      const curve = this.curveAt(i);
      points.push(curve ? { beat: this.beat[i]!, bpm: this.bpm[i]!, curve } : { beat: this.beat[i]!, bpm: this.bpm[i]! });
    }
    return points;
  }
}
