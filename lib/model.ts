/**
 * Plain data shared by the readers, the tempo map, convert() and the exporters. The result's types
 * are inferred from its zod schema (lib/result-schema.ts), the one source the API's OpenAPI uses.
 */
import type { z } from 'zod';
import type { ErrorCode } from './errors';
import type { ChoiceValue } from './option-table';
import type { ArrangementRefSchema, DawSchema, MarkerKindSchema, ResultMarkerSchema, ResultSchema, TimingModelSchema, WarningSchema } from './result-schema';
import type { TempoColumns } from './tempo/columns';

export type { TempoColumns, TempoCurve, TempoPoint } from './tempo/columns';

/** The project formats: Ableton Live sets, FL Studio projects, DAWproject files, Reaper projects. */
export type Daw = z.infer<typeof DawSchema>;
export type TimingModel = z.infer<typeof TimingModelSchema>;
/** The `timing` option's values (lib/option-table.ts): a model, or `auto`. */
export type TimingOption = ChoiceValue<'timing'>;

export interface Meter {
  numerator: number;
  denominator: number;
}

/** A meter that takes effect at a beat (it should sit on a bar line of the previous meter). */
export interface MeterChange extends Meter {
  beat: number;
}

/** What a marker is: Ableton locators, FL Studio marker kinds, Reaper regions, arrangement clips. */
export type MarkerKind = z.infer<typeof MarkerKindSchema>;

/** A named position read from a project. */
export interface ProjectMarker {
  name: string;
  /**
   * Quarter notes from beat 0. For a marker the DAW stores in seconds, its beat under the
   * project's own timing (`autoTiming`); re-derived from `seconds` when another model is forced.
   */
  beat: number;
  /** Set where the DAW stores the marker's time (seconds from the timeline's start): that is its time. */
  seconds?: number;
  kind: MarkerKind;
  /** True when the marker is a tracklist entry (a locator, an FL kind-0 marker, a song from clips). */
  tracklist: boolean;
  /** Where the entry ends, when known (clips, regions). */
  endBeat?: number;
  /** The end in seconds, where the DAW stores it so. */
  endSeconds?: number;
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
  /** Start and end in seconds, where the DAW stores them so (then `startBeat`/`endBeat` follow from them as for markers). */
  startSeconds?: number;
  endSeconds?: number;
  disabled: boolean;
  trackMuted: boolean;
}

/**
 * Something odd that did not stop the conversion: a sentence for a DJ. `detail`: the technical
 * facts behind it (byte offsets, record sizes, event ids), for bug reports; readers set it not
 * enumerable (lib/readers/warning.ts), so JSON — the API, stored results, `--format json` — never
 * carries it, and the CLI prints it with `--debug`.
 */
export type Warning = z.infer<typeof WarningSchema>;

export type ArrangementRef = z.infer<typeof ArrangementRefSchema>;

/** A loop or export range on a timeline. */
export interface LoopRange {
  startBeat: number;
  endBeat: number;
  /** Start and end in seconds, where the DAW stores them so (REAPER's time selection). */
  startSeconds?: number;
  endSeconds?: number;
  enabled: boolean;
}

/**
 * One timeline of a project, in beats (quarter notes from its beat 0). Most DAWs have one per
 * project; FL Studio 12.9 and later has several arrangements, each with its own markers, playlist
 * and tempo automation. Positions a DAW stores in seconds (Reaper, DAWproject timelines in
 * seconds) carry them too (`seconds`, `startSeconds`…): those are the times, whatever the model.
 */
export interface Timeline {
  /** The FL Studio arrangement this timeline is; null where the DAW has only one. */
  arrangement: ArrangementRef | null;
  /** The tempo envelope (breakpoints sorted stably by beat; none when the tempo is static). */
  tempo: TempoColumns;
  /** The meter at beat 0 and its changes, sorted by beat. */
  meter: Meter;
  meterChanges: MeterChange[];
  /** Every marker, sorted stably by beat; tracklist entries have `tracklist: true`. */
  markers: ProjectMarker[];
  /** Arrangement audio clips; null when the reader does not read clips. */
  clips: ArrangementClip[] | null;
  /** The song start marker (Ableton IsSongStart, FL Studio start marker), in beats. */
  songStartBeat: number | null;
  /** The arrangement loop / export range. */
  loop: LoopRange | null;
  /** Where the set ends, when the reader knows (the last clip's end). */
  endBeat: number | null;
  /** The set's end in seconds, where the DAW stores clips so (`endBeat` then follows from it). */
  endSeconds?: number;
  /** What the reader noticed on this timeline (only shown when this timeline is the one timed). */
  warnings: Warning[];
  /** Set when this timeline (not the default one) could not be read: timing it fails with this error. */
  error?: { code: ErrorCode; message: string };
}

/**
 * What a reader returns: one model for every DAW, and the stored artifact of an upload (parse
 * once, then time and export it with any options; lib/project-json.ts writes and reads it).
 */
export interface Project {
  daw: Daw;
  /** The DAW version that saved the file ("11.3.4", "20.0.5.681"), when known. */
  version: string | null;
  /** The application that saved the file, as a person names it ("Ableton Live 11.3.4", "Bitwig Studio 5.0"). */
  application: string | null;
  /** The static tempo: used where no automation applies. */
  staticBpm: number;
  /** Step of the stepped model in beats (Ableton 1/4, FL Studio 1/128). */
  tempoStep: number;
  /**
   * What `timing: "auto"` means for this file, and why. `inferred`: the model is a guess from the
   * version rather than known (Live 12.3 and later, Live of unknown version); timing then says how
   * far the other model would move the entries (docs/timing.md#which-model-is-used). Default false.
   */
  autoTiming: { model: TimingModel; reason: string; inferred?: boolean };
  /**
   * How the tracklist is found: what this DAW calls its markers (`locators` or `markers`), and
   * whether `source: "auto"` falls back to the arrangement's audio clips when there are none.
   */
  tracklist: { markers: 'locators' | 'markers'; clipsWhenNoMarkers: boolean };
  /** The project's timelines; at least one. */
  timelines: Timeline[];
  /** The timeline timed when the caller does not choose one (FL Studio: the current arrangement). */
  defaultTimeline: number;
  /** What the reader noticed about the file as a whole. */
  warnings: Warning[];
}

/** A tracklist entry (or, in `otherMarkers`, another marker) in the result; fields described in the schema. */
export type ResultMarker = z.infer<typeof ResultMarkerSchema>;

/** The one JSON shape every surface returns (docs/exports.md); fields described in the schema. */
export type Result = z.infer<typeof ResultSchema>;
