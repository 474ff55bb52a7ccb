/** The exporter contract: one module a format, all registered in `index.ts`. */
import type { Result, Warning } from '../model';
import type { Precision, Rounding } from '../text';

export interface ExportOptions {
  /** Whole seconds (default) or milliseconds, where the format lets you choose. */
  precision?: Precision;
  /** How times are rounded: default `down` to whole seconds, `nearest` to milliseconds. */
  rounding?: Rounding;
  /** Make the output valid for its destination (YouTube chapters); default true. */
  fix?: boolean;
  /** Remove download junk from names (extensions, track numbers, site tags); default false. */
  cleanNames?: boolean;
  /** The mix title (CUE TITLE, FFmpeg title); default: the project's file name without extension. */
  title?: string;
  /** The mix performer (CUE PERFORMER, FFmpeg artist). */
  performer?: string;
  /** The audio file a CUE sheet points at; default: the project's name with `.wav`. */
  audioFile?: string;
  /** The `template` format's line for each entry: `{index:02}. {artist} - {title} [{start:hh:mm:ss}]` (template-parse). */
  template?: string;
}

export interface ExportOutput {
  text: string;
  warnings: Warning[];
}

/** One output format. */
export interface Exporter {
  id: string;
  label: string;
  /** The HTTP media type of the output. */
  mediaType: string;
  /** The file name ending, without the leading dot; compound where a plain one would clash (`youtube.txt`, `chapters.json`). */
  extension: string;
  export(result: Result, options: ExportOptions): ExportOutput;
}

/** What `exportResult` returns: the output with what to call and serve it as. */
export interface ExportedFile extends ExportOutput {
  mediaType: string;
  extension: string;
}
