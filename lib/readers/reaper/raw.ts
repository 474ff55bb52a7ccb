/** What the scan keeps of an .rpp: the statements a tracklist needs. */
import { enlarged } from '../../binary';

/** `MARKER idx position name flags …` (a region is two of them with one index). */
export interface RawMarker {
  index: number;
  seconds: number;
  name: string;
  flags: number;
}

/** The tempo envelope's `PT time bpm shape timesig selected flags …` points, as columns. */
export class RawPoints {
  length = 0;
  seconds: Float64Array = new Float64Array(64);
  bpm: Float64Array = new Float64Array(64);
  shape: Int32Array = new Int32Array(64);
  /** 65536 · denominator + numerator, 0 for none. */
  timeSig: Float64Array = new Float64Array(64);
  /** The sixth field (bit 1: "set time signature"), -1 when the line has none. */
  flags: Float64Array = new Float64Array(64);

  push(seconds: number, bpm: number, shape: number, timeSig: number, flags: number): void {
    if (this.length === this.seconds.length) this.grow();
    const i = this.length++;
    this.seconds[i] = seconds;
    this.bpm[i] = bpm;
    this.shape[i] = shape;
    this.timeSig[i] = timeSig;
    this.flags[i] = flags;
  }

  private grow(): void {
    const size = this.seconds.length * 2;
    this.seconds = enlarged(this.seconds, size);
    this.bpm = enlarged(this.bpm, size);
    this.shape = enlarged(this.shape, size);
    this.timeSig = enlarged(this.timeSig, size);
    this.flags = enlarged(this.flags, size);
  }
}

/** One take of an item: its name and the file of its source. */
export interface RawTake {
  name: string;
  file: string | null;
  /** The type of the source block that holds the FILE (WAVE, MP3, MIDI…). */
  sourceType: string | null;
}

/** `<ITEM`: position and length in seconds, mute, and the take that plays. */
export interface RawItem {
  position: number | null;
  length: number | null;
  muted: boolean;
  /** The first take (its statements come before any `TAKE` line). */
  first: RawTake;
  /** The take marked `TAKE SEL` (the active one when it is not the first). */
  selected: RawTake | null;
  /** The take whose statements are being read. */
  current: RawTake;
  /** The line of `<ITEM`, for the message when the item is broken. */
  line: number;
}

/** `<TRACK`: name, mute, folder nesting, items. */
export interface RawTrack {
  name: string;
  muted: boolean;
  /** ISBUS's second field: +1 opens a folder, −n closes n. */
  folderDelta: number;
  items: RawItem[];
}

/** Everything the scan keeps. */
export interface RawProject {
  /** The second field of `<REAPER_PROJECT`, e.g. "7.14/win64". */
  versionField: string | null;
  tempo: { bpm: number; numerator: number; denominator: number } | null;
  markers: RawMarker[];
  points: RawPoints;
  /** DEFSHAPE of the tempo envelope (the shape of points with shape -1). */
  defaultShape: number;
  tracks: RawTrack[];
  /** LOOP (the repeat switch). */
  repeat: boolean;
  /** SELECTION start end (the time selection). */
  selection: [number, number] | null;
  /** The project play rate (PLAYRATE's first field). */
  playRate: number | null;
  /** PROJOFFS: the ruler's start time and measure offset. */
  rulerOffset: [number, number] | null;
}

export function emptyRawProject(): RawProject {
  return { versionField: null, tempo: null, markers: [], points: new RawPoints(), defaultShape: 0, tracks: [], repeat: false, selection: null, playRate: null, rulerOffset: null };
}
