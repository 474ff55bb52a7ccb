/**
 * convert() on a stream (lib/input.ts): the same result as on the whole bytes for every shared
 * fixture and any chunking (1-byte chunks, a split at every byte of a small set, inside the gzip
 * header), with both inflaters; the size limit hit mid-stream (reading stops, the stream is
 * closed); streams that fail; empty streams; FL Studio projects through a stream.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { zlibInflate } from '../../functions/node/zlib-inflate';
import { convert, isDawstampsError, type ConvertOptions, type Inflate, type Result } from '../../lib';
import { pakoInflate } from '../../lib/inflate';
import { alsXml, buildAls } from '../helpers/als-builder';
import { FlpBuilder } from '../helpers/flp-builder';
import { FIXTURES } from '../helpers/fixtures';

const expected = JSON.parse(readFileSync(`${FIXTURES}expected.json`, 'utf8')) as { files: Record<string, { error?: boolean }> };
const fixtures = Object.keys(expected.files);
const read = (name: string): Uint8Array => new Uint8Array(readFileSync(FIXTURES + name));
const inflaters: Array<[string, Inflate]> = [['pako', pakoInflate], ['node:zlib', zlibInflate]];

/** Cuts `bytes` at the given offsets. */
function cut(bytes: Uint8Array, at: number[]): Uint8Array[] {
  const points = [0, ...at, bytes.length];
  return points.slice(1).map((end, i) => bytes.slice(points[i]!, end));
}

/** Cuts `bytes` into pieces of `size` bytes. */
function pieces(bytes: Uint8Array, size: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; at += size) out.push(bytes.slice(at, at + size));
  return out;
}

/** An async iterable over `chunks` that records how far it was read and whether it was closed. */
function tracked(chunks: Iterable<Uint8Array>, fail?: { after: number; error: unknown }): AsyncIterable<Uint8Array> & { pulled: number; bytes: number; closed: boolean } {
  const state = {
    pulled: 0,
    bytes: 0,
    closed: false,
    async *[Symbol.asyncIterator](): AsyncGenerator<Uint8Array> {
      try {
        for (const chunk of chunks) {
          if (fail && state.pulled === fail.after) throw fail.error;
          await Promise.resolve();
          state.pulled++;
          state.bytes += chunk.length;
          yield chunk;
        }
        if (fail && state.pulled === fail.after) throw fail.error;
      } finally {
        state.closed = true;
      }
    },
  };
  return state;
}

/** A web ReadableStream over `chunks` (pull-based), recording whether it was cancelled. */
function webStream(chunks: Uint8Array[], fail?: { after: number; error: unknown }): { stream: ReadableStream<Uint8Array>; cancelled: () => boolean; pulled: () => number } {
  let i = 0;
  let cancelled = false;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (fail && i === fail.after) return controller.error(fail.error);
      if (i < chunks.length) controller.enqueue(chunks[i++]!);
      else controller.close();
    },
    cancel() {
      cancelled = true;
    },
  }, { highWaterMark: 0 });
  return { stream, cancelled: () => cancelled, pulled: () => i };
}

async function outcome(run: Promise<Result>): Promise<Result | { error: string }> {
  try {
    return await run;
  } catch (e) {
    if (!isDawstampsError(e)) throw e;
    return { error: e.code };
  }
}

describe('convert(stream) on every shared fixture', () => {
  it.each(fixtures)('%s: the result (or error) of convert(bytes), whatever the chunking and inflater', async (name) => {
    const bytes = read(name);
    const options: ConvertOptions = { fileName: name };
    const reference = await outcome(convert(bytes, options));
    expect('error' in reference).toBe(expected.files[name]!.error === true);
    for (const [label, inflate] of inflaters) {
      for (const size of [1 << 16, 4093]) {
        const got = await outcome(convert(tracked(pieces(bytes, size)), { ...options, inflate }));
        expect(got, `${label}, ${size}-byte chunks`).toEqual(reference);
      }
      const web = webStream(pieces(bytes, 1000));
      expect(await outcome(convert(web.stream, { ...options, inflate })), `${label}, ReadableStream`).toEqual(reference);
    }
  });

  it('reads a set one byte at a time with both inflaters', async () => {
    const bytes = read('ableton/automation.als');
    const reference = await convert(bytes);
    for (const [, inflate] of inflaters) expect(await convert(tracked(pieces(bytes, 1)), { inflate })).toEqual(reference);
    const flp = read('flstudio/fl-markers.flp');
    expect(await convert(tracked(pieces(flp, 1)))).toEqual(await convert(flp));
  });
});

describe('chunks split at awkward places', () => {
  const set = buildAls({ live: 11, locators: [{ time: 0, name: 'Intro' }, { time: 32, name: 'Drop — “Ünïcode”' }], tempoEvents: [{ beat: 0, bpm: 120 }, { beat: 64, bpm: 128 }] });
  const plain = new TextEncoder().encode(alsXml({ live: 11, locators: [{ time: 8, name: 'Ünïcode 🎵' }] }));

  it('a split at every byte of a gzipped set, inside the gzip header too, gives the same result', async () => {
    const reference = await convert(set);
    expect(reference.markers.map((m) => m.name)).toEqual(['Intro', 'Drop — “Ünïcode”']);
    for (const [label, inflate] of inflaters) {
      for (let k = 1; k < set.length; k++) {
        expect(await convert(tracked(cut(set, [k])), { inflate }), `${label}, split at ${k}`).toEqual(reference);
      }
      // the 10-byte gzip header in three pieces, then the rest
      expect(await convert(tracked(cut(set, [1, 2, 3, 10])), { inflate })).toEqual(reference);
    }
  });

  it('a split at every byte of a plain-XML set (inside the BOM, the declaration, a multi-byte character)', async () => {
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...plain]);
    const reference = await convert(withBom);
    expect(reference.markers.map((m) => m.name)).toEqual(['Ünïcode 🎵']);
    for (let k = 1; k < withBom.length; k++) expect(await convert(tracked(cut(withBom, [k]))), `split at ${k}`).toEqual(reference);
  });

  it('empty chunks anywhere are harmless', async () => {
    const chunks = pieces(set, 7).flatMap((c) => [new Uint8Array(0), c]);
    for (const [, inflate] of inflaters) expect(await convert(tracked(chunks), { inflate })).toEqual(await convert(set));
  });

  it('a gzip file of two members reads whole, however the chunks fall on the boundary', async () => {
    const xml = new TextEncoder().encode(alsXml({ live: 11, locators: [{ time: 4, name: 'A' }, { time: 8, name: 'B' }] }));
    const half = xml.length >> 1;
    const first = gzipSync(xml.subarray(0, half));
    const twoMembers = new Uint8Array([...first, ...gzipSync(xml.subarray(half))]);
    const reference = await convert(gzipSync(xml));
    expect(reference.markers.map((m) => m.name)).toEqual(['A', 'B']);
    const inflated = async (inflate: Inflate, input: Uint8Array | AsyncIterable<Uint8Array>): Promise<string> => {
      const parts: Uint8Array[] = [];
      await inflate(input, (chunk) => parts.push(chunk.slice()));
      return Buffer.concat(parts).toString('utf8');
    };
    for (const [label, inflate] of inflaters) {
      expect(await convert(twoMembers, { inflate }), `${label}, whole`).toEqual(reference);
      expect(await inflated(inflate, twoMembers), `${label}, whole`).toBe(new TextDecoder().decode(xml));
      for (const at of [first.length - 1, first.length, first.length + 1]) {
        expect(await convert(tracked(cut(twoMembers, [at])), { inflate }), `${label}, split at ${at}`).toEqual(reference);
        expect(await inflated(inflate, tracked(cut(twoMembers, [at]))), `${label}, split at ${at}`).toBe(new TextDecoder().decode(xml));
      }
      // zero padding after the last member is ignored; anything else there is damage
      expect(await inflated(inflate, tracked([twoMembers, new Uint8Array(16)]))).toBe(new TextDecoder().decode(xml));
      await expect(inflated(inflate, tracked([twoMembers, new TextEncoder().encode('junk')])), label).rejects.toMatchObject({ code: 'corrupt-file' });
    }
  });
});

describe('the file-size limit while streaming', () => {
  /** An endless plain-XML set: a valid start, then junk elements for ever. */
  function* endlessXml(): Generator<Uint8Array> {
    yield new TextEncoder().encode('<?xml version="1.0" encoding="UTF-8"?>\n<Ableton MajorVersion="5" Creator="Ableton Live 11.0"><LiveSet><Junk>');
    const junk = new TextEncoder().encode('<Item Value="1" />'.repeat(3000));
    for (;;) yield junk;
  }
  /** A non-final stored deflate block holding `data` (< 64 KB): about as many bytes in as out. */
  function storedBlock(data: Uint8Array): Uint8Array {
    const block = new Uint8Array(5 + data.length);
    block.set([0x00, data.length & 0xff, data.length >> 8, ~data.length & 0xff, (~data.length >> 8) & 0xff]);
    block.set(data, 5);
    return block;
  }
  /** An endless gzip stream: a gzip header, a set's start, then junk blocks for ever. */
  function* endlessGzip(): Generator<Uint8Array> {
    const header = [0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xff];
    yield new Uint8Array([...header, ...storedBlock(new TextEncoder().encode('<?xml version="1.0"?><Ableton Creator="Ableton Live 11.0"><LiveSet><Junk>'))]);
    const junk = storedBlock(new Uint8Array(60_000).fill(0x20));
    for (;;) yield junk;
  }

  it('stops with file-too-large as soon as the limit is passed, and closes the stream', async () => {
    const limit = 1_000_000;
    for (const [label, make] of [['plain', endlessXml], ['gzip, pako', endlessGzip], ['gzip, node:zlib', endlessGzip]] as const) {
      const source = tracked(make());
      const inflate = label.endsWith('zlib') ? zlibInflate : pakoInflate;
      await expect(convert(source, { inflate, limits: { maxFileBytes: limit } }), label).rejects.toMatchObject({ code: 'file-too-large' });
      expect(source.bytes, label).toBeGreaterThan(limit);
      expect(source.bytes, label).toBeLessThan(limit + 70_000); // one chunk past the limit, not more
      expect(source.closed, label).toBe(true);
    }
  });

  it('an FL Studio stream over the limit stops there too (it is collected, never past the limit)', async () => {
    const flp = read('flstudio/complex.flp');
    const source = tracked(pieces(flp, 1000));
    await expect(convert(source, { limits: { maxFileBytes: 5000 } })).rejects.toMatchObject({ code: 'file-too-large' });
    expect(source.bytes).toBe(6000);
    expect(source.closed).toBe(true);
    const web = webStream(pieces(flp, 1000));
    await expect(convert(web.stream, { limits: { maxFileBytes: 5000 } })).rejects.toMatchObject({ code: 'file-too-large' });
    expect(web.cancelled()).toBe(true);
    expect(web.pulled()).toBe(6);
  });

  it('a stream exactly at the limit converts', async () => {
    const set = read('ableton/automation.als');
    expect((await convert(tracked(pieces(set, 100)), { limits: { maxFileBytes: set.length } })).markers.length).toBeGreaterThan(0);
  });

  it('a consumer limit (inflated size) stops reading the stream early and closes it', async () => {
    for (const [label, inflate] of inflaters) {
      const source = tracked(endlessGzip());
      await expect(convert(source, { inflate, limits: { maxInflatedBytes: 2_000_000 } }), label).rejects.toMatchObject({ code: 'inflated-too-large' });
      expect(source.bytes, label).toBeLessThan(3_000_000);
      expect(source.closed, label).toBe(true);
    }
  });
});

describe('streams that fail, and empty streams', () => {
  const set = read('ableton/example-120.als');
  const xml = new TextEncoder().encode(alsXml({ live: 11, locators: [{ time: 8, name: 'A' }] }));
  const flp = read('flstudio/complex.flp');

  it("rejects with the stream's own error, untouched, wherever it fails", async () => {
    const cases: Array<[string, Uint8Array, Inflate | undefined]> = [
      ['gzip, pako', set, pakoInflate],
      ['gzip, node:zlib', set, zlibInflate],
      ['plain XML', xml, undefined],
      ['FL Studio', flp, undefined],
    ];
    for (const [label, bytes, inflate] of cases) {
      for (const after of [0, 1, 3]) {
        const error = new Error(`disk on fire ${label} ${after}`);
        const source = tracked(pieces(bytes, 64), { after, error });
        await expect(convert(source, inflate ? { inflate } : {}), `${label}, after ${after}`).rejects.toBe(error);
        const web = webStream(pieces(bytes, 64), { after, error });
        await expect(convert(web.stream, inflate ? { inflate } : {}), `${label}, web, after ${after}`).rejects.toBe(error);
      }
    }
  });

  it('an empty stream is an empty file', async () => {
    await expect(convert(tracked([]))).rejects.toMatchObject({ code: 'empty-file' });
    await expect(convert(tracked([new Uint8Array(0), new Uint8Array(0)]))).rejects.toMatchObject({ code: 'empty-file' });
    await expect(convert(webStream([]).stream)).rejects.toMatchObject({ code: 'empty-file' });
  });

  it('a truncated gzip stream is corrupt-file with both inflaters', async () => {
    for (const [label, inflate] of inflaters) {
      await expect(convert(tracked(pieces(set.subarray(0, set.length >> 1), 500)), { inflate }), label).rejects.toMatchObject({ code: 'corrupt-file' });
    }
  });

  it('refuses chunks that are not bytes, and inputs that are not bytes or streams', async () => {
    const text = (async function* () {
      yield 'not bytes' as unknown as Uint8Array;
    })();
    await expect(convert(text)).rejects.toMatchObject({ code: 'invalid-option' });
    await expect(convert(42 as unknown as Uint8Array)).rejects.toMatchObject({ code: 'invalid-option' });
  });
});

describe('FL Studio through a stream', () => {
  it('a generated project in small chunks reads like its bytes (markers, tempo, arrangement)', async () => {
    const bytes = new FlpBuilder({ ppq: 96 })
      .version('20.8.4.2576').tempo(128)
      .arrangement(0, 'Arrangement').marker({ ticks: 0, name: 'Intro' }).marker({ ticks: 96 * 32, name: 'Drop' })
      .currentArrangement(0)
      .build();
    const reference = await convert(bytes);
    expect(reference.markers.map((m) => m.name)).toEqual(['Intro', 'Drop']);
    expect(await convert(tracked(pieces(bytes, 3)))).toEqual(reference);
    expect(await convert(webStream(pieces(bytes, 5)).stream)).toEqual(reference);
  });
});
