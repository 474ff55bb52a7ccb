import type { Daw, Project } from '../model';
import type { Limits } from '../limits';

/** Inflates a gzip stream chunk by chunk; `onChunk` sees each piece of output once, in order. */
export type Inflate = (gzip: Uint8Array, onChunk: (chunk: Uint8Array) => void) => void | Promise<void>;

/** What a reader is told besides the bytes. */
export interface ReadOptions {
  limits: Limits;
  /** FL Studio: which arrangement to read (index or name); default the current one. */
  arrangement?: string | number;
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
  read(bytes: Uint8Array, options: ReadOptions): Promise<Project>;
}
