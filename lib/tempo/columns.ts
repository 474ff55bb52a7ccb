/**
 * Tempo breakpoints as columns of numbers. A set may hold 100,000 breakpoints: an object (and a
 * boxed double per field) for each costs more than reading them (issue 7), so a reader that has
 * them as columns hands those to the tempo map; TempoPoint objects are made only when asked for.
 */
import type { Project, TempoCurve, TempoPoint } from '../model';

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

/**
 * Gives `project` its envelope as `tempoColumns`; its `tempo` (TempoPoint objects) is made on
 * first read. Reading or setting `tempo` drops the columns, so that edits to it count.
 */
export function withTempoColumns(project: Project, columns: TempoColumns): Project {
  let points: TempoPoint[] | undefined;
  project.tempoColumns = columns;
  Object.defineProperty(project, 'tempo', {
    enumerable: true,
    configurable: true,
    get: (): TempoPoint[] => {
      if (points === undefined) {
        points = columns.points();
        delete project.tempoColumns;
      }
      return points;
    },
    set: (value: TempoPoint[]) => {
      points = value;
      delete project.tempoColumns;
    },
  });
  return project;
}
