/**
 * The DAWproject container (docs/dawproject.md#container): a ZIP archive read with zip.js from its
 * central directory. Only `project.xml` is ever inflated, piece by piece into a sink that may
 * stop it at once (the inflated-size limit, broken XML); audio, plug-in states and metadata.xml
 * are listed and never read. The archive is in memory already (a ZIP needs random access), so
 * the reader below hands zip.js views of it, never copies.
 */
import type { Entry, FileEntry, Reader } from '@zip.js/zip.js/lib/zip-core-reader.js';
import { DawstampsError, isDawstampsError } from '../../errors';
import type { Limits } from '../../limits';

/** The entry a DAWproject keeps its project in. */
export const PROJECT_ENTRY = 'project.xml';
/** Pieces of compressed input handed to the inflater: bounds what one step may inflate. */
const PIECE = 64 * 1024;
/** No web workers (lib runs where there are none, and one entry is not worth a thread); native inflate where there is one. */
const OPTIONS = { useWebWorkers: false, useCompressionStream: true } as const;
/** Nothing is extracted to disk, so no entry name is unsafe: a name like "../x" must not fail the whole file. */
const READER_OPTIONS = { ...OPTIONS, filenameValidation: 'tolerant' } as const;

/**
 * zip.js's messages for an archive that may be intact but uses what it cannot read (encryption, a
 * compression method other than store, deflate and deflate64). Everything else it says is damage:
 * a DAWproject is one file, so even a "split zip" claim is a broken end record.
 */
const UNSUPPORTED = /encrypt|compression method/i;

/** A zip.js reader over bytes in memory: views of them, `PIECE` bytes at a time. */
function bytesReader(bytes: Uint8Array): Reader<Uint8Array> {
  const stream = (offset = 0, size = bytes.length - offset): ReadableStream<Uint8Array> => {
    let at = offset;
    const end = Math.min(bytes.length, offset + size);
    return new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          if (at >= end) return controller.close();
          const next = Math.min(end, at + PIECE);
          controller.enqueue(bytes.subarray(at, next));
          at = next;
        },
      },
      { highWaterMark: 0 },
    );
  };
  return {
    size: bytes.length,
    get readable() {
      return stream();
    },
    createReadable: (options) => stream(options?.offset, options?.size),
    readUint8Array: (index, length) => bytes.subarray(index, index + length),
  };
}

/** What reading the archive's directory found. */
export interface ProjectEntry {
  entry: FileEntry;
  /** Entries in the archive. */
  entries: number;
  /** Further entries also called project.xml (the first is read). */
  duplicates: number;
}

/**
 * zip.js, loaded when the first DAWproject is read: evaluating it costs ~8 ms, which every CLI run
 * on any other format would pay at start-up (a benchmark target, bench/README.md case 3).
 */
const zipJs = (): Promise<typeof import('@zip.js/zip.js/lib/zip-core-reader.js')> => import('@zip.js/zip.js/lib/zip-core-reader.js');

/** Finds project.xml in the central directory; at most `maxZipEntries` entries are looked at. */
export async function findProject(bytes: Uint8Array, limits: Limits): Promise<ProjectEntry> {
  const { ZipReader } = await zipJs();
  const zip = new ZipReader(bytesReader(bytes), READER_OPTIONS);
  let entries = 0;
  let found: FileEntry | null = null;
  let duplicates = 0;
  await zipCall(async () => {
    for await (const entry of zip.getEntriesGenerator() as AsyncGenerator<Entry, boolean>) {
      if (++entries > limits.maxZipEntries) {
        throw new DawstampsError('too-many-entries', `The ZIP archive holds more than ${limits.maxZipEntries} entries; dawstamps stops there.`, { limit: limits.maxZipEntries });
      }
      if (entry.directory || entry.filename !== PROJECT_ENTRY) continue;
      if (found === null) found = entry;
      else duplicates++;
    }
  });
  if (found === null) {
    throw new DawstampsError(
      'not-a-project',
      `The file is a ZIP archive with ${entries} entr${entries === 1 ? 'y' : 'ies'} but no ${PROJECT_ENTRY}, so it is not a DAWproject file (and dawstamps reads no other ZIP-based format).`,
    );
  }
  return { entry: found, entries, duplicates };
}

/**
 * Inflates the entry into `onChunk`, piece by piece. An error `onChunk` throws stops the inflater
 * and comes back as it was thrown; damage the archive shows is 'corrupt-file'.
 */
export async function inflateEntry(entry: FileEntry, onChunk: (chunk: Uint8Array) => void): Promise<void> {
  let stopped: unknown;
  const sink = new WritableStream<Uint8Array>({
    write(chunk) {
      try {
        onChunk(chunk);
      } catch (e) {
        stopped = e;
        throw e;
      }
    },
  });
  try {
    await zipCall(() => entry.getData(sink, { ...OPTIONS, checkCrc32: true }));
  } catch (e) {
    throw stopped ?? e;
  }
}

/** Runs a zip.js call, turning its errors (plain Errors with a message) into typed ones. */
async function zipCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (e) {
    if (isDawstampsError(e)) throw e;
    const why = e instanceof Error && e.message ? e.message : String(e);
    if (UNSUPPORTED.test(why)) {
      throw new DawstampsError('unsupported-format', `The DAWproject archive uses a ZIP feature dawstamps cannot read (${why.slice(0, 120)}).`);
    }
    throw new DawstampsError('corrupt-file', `The file is damaged: the ZIP archive says “${why.slice(0, 160)}”.`);
  }
}
