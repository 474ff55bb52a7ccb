/** Plain data shared by the readers, the tempo map, convert() and the exporters. */
import type { TempoColumns } from './tempo/columns';

export type Daw = 'ableton' | 'flstudio';
export type TimingModel = 'stepped' | 'continuous';
export type TimingOption = TimingModel | 'auto';

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

export interface Meter {
  numerator: number;
  denominator: number;
}

/** A meter that takes effect at a beat (it should sit on a bar line of the previous meter). */
export interface MeterChange extends Meter {
  beat: number;
}

/** What a marker is: Ableton locators, FL Studio marker kinds, arrangement clips. */
export type MarkerKind =
  | 'locator'
  | 'marker'
  | 'marker-loop'
  | 'skip'
  | 'pause'
  | 'loop'
  | 'start'
  | 'pattern-length'
  | 'bar-override'
  | 'time-signature'
  | 'punch-in'
  | 'punch-out'
  | 'clip';

/** A named position read from a project. */
export interface ProjectMarker {
  name: string;
  beat: number;
  kind: MarkerKind;
  /** True when the marker is a tracklist entry (a locator, an FL kind-0 marker, a song from clips). */
  tracklist: boolean;
  /** Where the entry ends, when known (clips). */
  endBeat?: number;
}

/** An audio clip on the arrangement (for tracklists built from clips). */
export interface ArrangementClip {
  /** The clip's own name (may be empty). */
  name: string;
  /** The sample's file name (no folders), when known. */
  fileName: string | null;
  trackName: string;
  trackIndex: number;
  startBeat: number;
  endBeat: number;
  disabled: boolean;
  trackMuted: boolean;
}

/** Something odd that did not stop the conversion. */
export interface Warning {
  code: string;
  message: string;
}

export interface ArrangementRef {
  index: number;
  name: string;
}

/** What a reader returns: one model for every DAW. All positions are in beats. */
export interface Project {
  daw: Daw;
  /** The DAW version that saved the file ("11.3.4", "20.0.5.681"), when known. */
  version: string | null;
  /** The static tempo: used where no automation applies. */
  staticBpm: number;
  /** The tempo envelope, sorted stably by beat; empty when the tempo is static. */
  tempo: TempoPoint[];
  /**
   * The same envelope as columns, from a reader that has it so (Ableton): convert() builds the
   * tempo map from these, with no object per breakpoint. Reading or setting `tempo` drops them,
   * so that edits to `tempo` count.
   */
  tempoColumns?: TempoColumns;
  /** Step of the stepped model in beats (Ableton 1/4, FL Studio 1/128). */
  tempoStep: number;
  /** What `timing: "auto"` means for this file, and why. */
  autoTiming: { model: TimingModel; reason: string };
  /** The meter at beat 0 and its changes, sorted by beat. */
  meter: Meter;
  meterChanges: MeterChange[];
  /** Every marker, sorted stably by beat; tracklist entries have `tracklist: true`. */
  markers: ProjectMarker[];
  /** Arrangement audio clips, when the reader reads them. */
  clips?: ArrangementClip[];
  /** The song start marker (Ableton IsSongStart, FL start marker), in beats. */
  songStartBeat: number | null;
  /** The arrangement loop / export range. */
  loop: { startBeat: number; endBeat: number; enabled: boolean } | null;
  /** Where the set ends, when the reader knows (last clip end). */
  endBeat: number | null;
  /** FL Studio: the arrangement read, and the others in the file. */
  arrangement?: { used: ArrangementRef; all: ArrangementRef[] } | null;
  warnings: Warning[];
}

/** A tracklist entry in the result. */
export interface ResultMarker {
  name: string;
  beat: number;
  /** Seconds from the chosen start. */
  seconds: number;
  /** bar.beat.sixteenth, 1-based, under the set's meter. */
  position: string;
  kind: MarkerKind;
  /** Present for entries with a known end (clips). */
  endSeconds?: number;
}

/** The one JSON shape every surface returns (shared/spec/exports.md). */
export interface Result {
  source: { daw: Daw; version: string | null; file: string | null };
  timing: { model: TimingModel; step: number | null; reason: string };
  tempo: { initialBpm: number; automated: boolean; points: Array<[number, number]> };
  /** Where the clock's zero is. */
  start: { beat: number; label: string };
  /** Where the tracklist came from. */
  markerSource: 'locators' | 'clips' | 'markers';
  markers: ResultMarker[];
  /** Markers that are not tracklist entries (FL Studio loop, punch, time signature…). */
  otherMarkers: ResultMarker[];
  arrangement?: { used: ArrangementRef; all: ArrangementRef[] };
  /** The length of the set from the chosen start, when known. */
  durationSeconds: number | null;
  warnings: Warning[];
}
