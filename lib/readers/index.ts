/** The one registry of project readers: sniffing by content, never by file name. */
import { DawstampsError } from '../errors';
import type { Daw } from '../model';
import { abletonReader } from './ableton';
import { dawprojectReader } from './dawproject';
import { flstudioReader } from './flstudio';
import { reaperReader } from './reaper';
import type { Reader } from './types';

/** Every reader dawstamps has, in sniffing order. */
export const readers: readonly Reader[] = [abletonReader, flstudioReader, dawprojectReader, reaperReader];

/** Picks the reader for these bytes; throws 'empty-file' or 'not-a-project'. */
export function detectReader(bytes: Uint8Array): Reader {
  if (bytes.length === 0) throw new DawstampsError('empty-file', 'The file is empty (0 bytes).');
  const head = bytes.subarray(0, 4096);
  const reader = readers.find((r) => r.sniff(head));
  if (reader) return reader;
  const kinds = readers.map((r) => `${r.label} (${r.extensions.join(', ')})`).join(', ');
  throw new DawstampsError('not-a-project', `The file is not a project dawstamps reads: ${kinds}.`);
}

/** The formats dawstamps reads, for help texts, the API and the page. */
export function listFormats(): Array<{ daw: Daw; label: string; extensions: string[] }> {
  return readers.map((r) => ({ daw: r.daw, label: r.label, extensions: [...r.extensions] }));
}

export type { Inflate, InflateInput, Reader, ReadOptions } from './types';
