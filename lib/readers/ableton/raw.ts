/** What the streaming pass collects from a set: small, already-typed pieces. */
import type { TempoCurve } from '../../model';

/** One automation breakpoint (FloatEvent, EnumEvent or BoolEvent as a number). */
export interface RawEvent {
  time: number;
  value: number;
  curve?: TempoCurve;
}

/** One AutomationEnvelope of the master/main track. */
export interface RawEnvelope {
  pointeeId: string | null;
  events: RawEvent[];
}

/** The master's Tempo or TimeSignature parameter. */
export interface RawParam {
  manual: number | undefined;
  targetId: string | undefined;
  /** Live 8/9: events written inside the parameter (ArrangerAutomation). */
  inline: RawEvent[];
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
  /** Breakpoints whose Time or Value was not a number. */
  badEvents: number;
}
