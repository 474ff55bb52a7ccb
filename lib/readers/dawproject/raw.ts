/** What the streaming pass collects from a project.xml: small, already-typed pieces (docs/dawproject.md). */
import { enlarged } from '../../binary';

/** A timeline's unit (DAWproject `timeUnit`): quarter notes or seconds. */
export type TimeUnit = 'beats' | 'seconds';

/** A position as the file stores it: a number in a unit. */
export interface Position {
  value: number;
  unit: TimeUnit;
}

/** Interpolation of the segment that starts at a tempo point (the format's default is hold). */
export const HOLD = 0;
export const LINEAR = 1;
/** An interpolation the format does not define: read as hold, with a warning. */
export const UNKNOWN = 2;

/**
 * The `RealPoint`s of the tempo automation in file order, as columns: a file may hold many
 * (up to `maxBreakpoints`), and an object per point is garbage.
 */
export class PointList {
  length = 0;
  time = new Float64Array(8);
  value = new Float64Array(8);
  interpolation = new Uint8Array(8);

  push(time: number, value: number, interpolation: number): void {
    if (this.length === this.time.length) this.grow();
    const n = this.length++;
    this.time[n] = time;
    this.value[n] = value;
    this.interpolation[n] = interpolation;
  }

  private grow(): void {
    const size = this.time.length * 2;
    this.time = enlarged(this.time, size);
    this.value = enlarged(this.value, size);
    this.interpolation = enlarged(this.interpolation, size);
  }
}

/** A TimeSignaturePoint; NaN for what is not a readable number (lib/readers/numbers.ts). */
export interface RawMeterPoint {
  time: number;
  numerator: number;
  denominator: number;
}

export interface RawMarker {
  at: Position;
  name: string;
  /** True for a marker of a `markers` timeline inside the arrangement's lanes (not the arrangement's own Markers). */
  onLane: boolean;
}

/** One Clip of a Clips timeline on the arrangement's lanes (not the clips inside a clip's content). */
export interface RawClip {
  /** `time` in the unit of the timeline it sits on (undefined: not a readable number, lib/readers/numbers.ts). */
  time: number | undefined;
  unit: TimeUnit;
  duration: number | undefined;
  playStart: number | undefined;
  playStop: number | undefined;
  /** The unit of playStart/playStop (`contentTimeUnit`, else inherited). */
  contentUnit: TimeUnit;
  fadeInTime: number | undefined;
  fadeUnit: TimeUnit;
  enabled: boolean;
  name: string;
  /** The id of a timeline this (linked/alias) clip plays instead of holding content. */
  reference: string | undefined;
  /** The Structure track of the nearest enclosing timeline with a `track`. */
  trackId: string | undefined;
  /** True once an `Audio` element was seen in the clip's content. */
  hasAudio: boolean;
  /** The first audio file's name (no folders) in the content. */
  fileName: string | null;
}

/** A Structure track, in document order (nested tracks follow their parent). */
export interface RawTrack {
  id: string | undefined;
  name: string;
  /** Index of the enclosing track (group/folder), or -1. */
  parent: number;
  /** Its channel's Mute parameter. */
  muted: boolean;
}

export interface RawProject {
  /** The `version` of the root `Project` (the format version, "1.0"). */
  formatVersion: string | undefined;
  application: { name: string | undefined; version: string | undefined } | null;
  tempo: { value: number | undefined; unit: string | undefined; min: number | undefined; max: number | undefined } | null;
  timeSignature: { numerator: number | undefined; denominator: number | undefined } | null;
  tempoAutomation: { unit: TimeUnit; valueUnit: string | undefined; points: PointList } | null;
  meterAutomation: { unit: TimeUnit; points: RawMeterPoint[] } | null;
  markers: RawMarker[];
  clips: RawClip[];
  tracks: RawTrack[];
  /** Timelines (by id) that hold audio, with the first file's name: what alias clips refer to. */
  audioTimelines: Map<string, string | null>;
  /** Oddities counted while reading, reported as warnings. */
  counts: {
    badPoints: number;
    unknownInterpolation: number;
    unknownTimeUnit: number;
    badMarkers: number;
    extraTempoAutomation: number;
    extraMeterAutomation: number;
    /** Lanes or tracks nested deeper than the reader walks. */
    tooDeep: number;
    /** Further archive entries called project.xml (the first is read). */
    duplicateEntries: number;
  };
}

/** An empty RawProject to be filled by the rules. */
export function emptyRawProject(): RawProject {
  return {
    formatVersion: undefined,
    application: null,
    tempo: null,
    timeSignature: null,
    tempoAutomation: null,
    meterAutomation: null,
    markers: [],
    clips: [],
    tracks: [],
    audioTimelines: new Map(),
    counts: { badPoints: 0, unknownInterpolation: 0, unknownTimeUnit: 0, badMarkers: 0, extraTempoAutomation: 0, extraMeterAutomation: 0, tooDeep: 0, duplicateEntries: 0 },
  };
}
