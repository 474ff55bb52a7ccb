import type { Daw, Project } from '../model';
import type { ByteSource } from '../input';
import type { Limits } from '../limits';

/**
 * The compressed input of an inflater: the whole gzip file, or its chunks as they arrive (split
 * anywhere, even inside the gzip header). Errors of the iterable (a failing read) pass through
 * the inflater untouched; when the inflater stops early it ends the iteration (`return()`).
 */
export type InflateInput = Uint8Array | AsyncIterable<Uint8Array>;

/**
 * Inflates a gzip stream chunk by chunk; `onChunk` sees each piece of output once, in order, and
 * an error it throws stops the inflater at once and passes through. Damaged gzip: 'corrupt-file'.
 */
export type Inflate = (gzip: InflateInput, onChunk: (chunk: Uint8Array) => void) => void | Promise<void>;

/** What a reader is told besides the bytes. */
export interface ReadOptions {
  limits: Limits;
  /** Gzip inflater; readers default to pako (runs everywhere). Node callers may pass node:zlib. */
  inflate?: Inflate;
}

/** One project format: sniffed by content, read into the common model. */
export interface Reader {
  daw: Daw;
  /** A person's name for the format ("Ableton Live set"). */
  label: string;
  /** File name endings, a hint only (".als"). */
  extensions: readonly string[];
  /** True when the first bytes look like this format. */
  sniff(head: Uint8Array): boolean;
  /** Reads the whole file's bytes, or a source whose head has been peeked (lib/input.ts). */
  read(input: Uint8Array | ByteSource, options: ReadOptions): Promise<Project>;
}
