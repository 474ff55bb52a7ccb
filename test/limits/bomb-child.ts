/**
 * Run in a child process with a small heap by gzip-bomb.test.ts:
 *   node --max-old-space-size=64 --import tsx test/limits/bomb-child.ts LIMIT_BYTES MEMBERS
 * Builds a gzip bomb of MEMBERS concatenated 16 MB members (valid multi-member gzip, about 16 KB
 * each), converts it with the inflated-size limit LIMIT_BYTES ('default' = the 1 GiB default),
 * and prints one JSON line: the outcome, the bytes actually inflated, time and peak memory.
 */
import { gzipSync } from 'node:zlib';
import { convert, isDawstampsError, type InflateInput } from '../../lib/index';
import { pakoInflate } from '../../lib/inflate';

const [limitArg = 'default', membersArg = '8'] = process.argv.slice(2);
const spaces = gzipSync(Buffer.alloc(16 << 20, 0x20), { level: 9 });
const parts = [gzipSync('<?xml version="1.0"?><Ableton><LiveSet><Junk>')];
for (let i = 0; i < Number(membersArg); i++) parts.push(spaces);
parts.push(gzipSync('</Junk></LiveSet></Ableton>'));
const bomb = new Uint8Array(Buffer.concat(parts));
const bombInflates = Number(membersArg) * (16 << 20);

let inflated = 0;
const counting = (gzip: InflateInput, onChunk: (c: Uint8Array) => void): void | Promise<void> =>
  pakoInflate(gzip, (chunk) => {
    inflated += chunk.length;
    onChunk(chunk);
  });

globalThis.gc?.();
const rssBefore = process.memoryUsage().rss;
const started = performance.now();
let outcome = 'ok';
try {
  await convert(bomb, { inflate: counting, ...(limitArg === 'default' ? {} : { limits: { maxInflatedBytes: Number(limitArg) } }) });
} catch (e) {
  outcome = isDawstampsError(e) ? e.code : `untyped: ${String(e)}`;
}
const ms = performance.now() - started;
const mb = (n: number): number => Math.round(n / 1024 / 1024);
console.log(JSON.stringify({ outcome, ms: Math.round(ms), gzipBytes: bomb.length, bombInflates, inflated, rssBeforeMB: mb(rssBefore), maxRssMB: mb(process.resourceUsage().maxRSS * 1024) }));
