/** What the streaming pass collects from a set: small, already-typed pieces. */
import { enlarged } from '../../binary';
import type { TempoCurve } from '../../model';

/**
 * The breakpoints of one automation (FloatEvent, EnumEvent, BoolEvent as 0/1) in file order, as
 * columns of numbers: a set may hold a million, and an object per breakpoint is garbage.
 */
export class EventList {
  length = 0;
  time = new Float64Array(8);
  value = new Float64Array(8);
  /** c1x, c1y, c2x, c2y per breakpoint, NaN without a curve; null until the first curve. */
  curve: Float64Array | null = null;

  push(time: number, value: number): void {
    const n = this.length;
    if (n === this.time.length) this.grow();
    this.time[n] = time;
    this.value[n] = value;
    this.length = n + 1;
  }

  /** Gives the last breakpoint pushed a Bezier curve. */
  curveLast(c1x: number, c1y: number, c2x: number, c2y: number): void {
    const c = (this.curve ??= new Float64Array(this.time.length * 4).fill(NaN));
    const at = 4 * (this.length - 1);
    c[at] = c1x;
    c[at + 1] = c1y;
    c[at + 2] = c2x;
    c[at + 3] = c2y;
  }

  /** The curve of breakpoint `i`, or undefined. */
  curveAt(i: number): TempoCurve | undefined {
    const c = this.curve;
    if (!c || c[4 * i] !== c[4 * i]) return undefined;
    return { c1x: c[4 * i]!, c1y: c[4 * i + 1]!, c2x: c[4 * i + 2]!, c2y: c[4 * i + 3]! };
  }

  private grow(): void {
    const size = this.time.length * 2;
    this.time = enlarged(this.time, size);
    this.value = enlarged(this.value, size);
    if (this.curve) this.curve = enlarged(this.curve, size * 4, Number.NaN);
  }
}

/** One AutomationEnvelope of the master/main track. */
export interface RawEnvelope {
  pointeeId: string | null;
  events: EventList;
}

/** The master's Tempo or TimeSignature parameter. */
export interface RawParam {
  manual: number | undefined;
  targetId: string | undefined;
  /** Live 8/9: events written inside the parameter (ArrangerAutomation). */
  inline: EventList;
}

export interface RawClip {
  time: number | undefined;
  start: number | undefined;
  end: number | undefined;
  name: string;
  disabled: boolean;
  fileName: string | null;
}

export interface RawTrack {
  index: number;
  kind: string;
  id: string | undefined;
  groupId: string | undefined;
  name: string;
  /** The track activator (Speaker); false = the track is muted. */
  speakerOn: boolean | undefined;
  clips: RawClip[];
}

export interface RawLocator {
  time: number | undefined;
  name: string;
  songStart: boolean;
}

export interface RawSet {
  rootName: string | null;
  rootAttrs: Record<string, string>;
  masterName: string | null;
  envelopes: RawEnvelope[];
  tempo: RawParam | null;
  timeSignature: RawParam | null;
  locators: RawLocator[];
  loop: { on: boolean | undefined; start: number | undefined; length: number | undefined } | null;
  tracks: RawTrack[];
  /** The latest end of an arrangement MIDI clip (−Infinity without one): only the set's end needs them. */
  midiEnd: number;
  /** Breakpoints whose Time or Value was not a number. */
  badEvents: number;
}
