/**
 * Run in a child process with a small heap by zip-bomb.test.ts:
 *   node --max-old-space-size=64 --import tsx test/readers/dawproject/bomb-child.ts LIMIT_BYTES BLOCKS
 * Builds a .dawproject whose project.xml inflates to BLOCKS × 16 MiB of whitespace inside <Scenes>
 * (about 16 KB of deflate data per block), converts it with the inflated-size limit LIMIT_BYTES
 * ('default' = the 1 GiB default), and prints one JSON line: the outcome, the bytes the inflater
 * actually produced (counted by wrapping the platform's DecompressionStream, which zip.js uses),
 * time and peak memory.
 */
import { deflateBomb, zip } from '../../helpers/zip-writer';

const [limitArg = 'default', blocksArg = '8'] = process.argv.slice(2);

let inflated = 0;
const Native = globalThis.DecompressionStream;
/** The native inflater with a counter on its output side. */
class CountingDecompressionStream {
  readonly writable: WritableStream<BufferSource>;
  readonly readable: ReadableStream<Uint8Array>;
  constructor(format: CompressionFormat) {
    const inner = new Native(format);
    this.writable = inner.writable;
    this.readable = inner.readable.pipeThrough(new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        inflated += chunk.length;
        controller.enqueue(chunk);
      },
    }));
  }
}
// before lib (and zip.js, which takes the platform's stream when it loads) is imported
globalThis.DecompressionStream = CountingDecompressionStream as unknown as typeof DecompressionStream;
const { convert, isDawstampsError } = await import('../../../lib/index');

const bomb = deflateBomb('<?xml version="1.0" encoding="UTF-8"?><Project version="1.0"><Application name="Bomb" version="1"/><Scenes>', Number(blocksArg), '</Scenes></Project>');
const bytes = zip([{ name: 'metadata.xml', data: '<MetaData/>' }, { name: 'project.xml', deflated: bomb.deflated, size: 0xfffffffe, crc: 0 }]);

globalThis.gc?.();
const rssBefore = process.memoryUsage().rss;
const started = performance.now();
let outcome = 'ok';
try {
  await convert(bytes, limitArg === 'default' ? {} : { limits: { maxInflatedBytes: Number(limitArg) } });
} catch (e) {
  outcome = isDawstampsError(e) ? e.code : `untyped: ${String(e)}`;
}
const ms = performance.now() - started;
const mb = (n: number): number => Math.round(n / 1024 / 1024);
console.log(JSON.stringify({ outcome, ms: Math.round(ms), zipBytes: bytes.length, bombInflates: bomb.inflatedBytes, inflated, rssBeforeMB: mb(rssBefore), maxRssMB: mb(process.resourceUsage().maxRSS * 1024) }));
