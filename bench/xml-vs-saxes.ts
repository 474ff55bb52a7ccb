/**
 * The streaming extractor (lib/xml) against saxes on one real set's XML: the figures behind
 * docs/xml-extractor.md. Inflates the set once (node:zlib), then times, interleaved, one warm-up
 * each and the median of RUNS runs:
 *   a. scanSet: the Ableton reader's own pass (XmlByteReader + XmlExtractor + the reader's rules)
 *      over the plain XML bytes, fed in 1 MiB pieces as for a plain-XML upload;
 *   b. the extractor walking every element (a wildcard rule at each depth, onOpen + onTag):
 *      nothing skipped, the cost of parsing all of it;
 *   c. saxes with no-op opentag/closetag/text handlers, the bytes decoded and written in 1 MiB
 *      pieces (decoding included, as in a and b);
 *   d. saxes on the whole document as one ready string (decoding not timed);
 *   e. TextDecoder alone over the same pieces (the floor both sides pay).
 * Run: npx tsx bench/xml-vs-saxes.ts [set.als|set.xml] [runs]
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { SaxesParser } from 'saxes';
import { DEFAULT_LIMITS } from '../lib/limits';
import { scanSet } from '../lib/readers/ableton/read';
import { XmlByteReader, XmlExtractor, type XmlRule } from '../lib/xml';

const path = process.argv[2] ?? new URL('../test/fixtures/large/michelle-live12.3.als', import.meta.url).pathname;
const RUNS = Math.max(1, Number(process.argv[3] ?? 9));
const PIECE = 1024 * 1024;

const file = readFileSync(path);
const xml = new Uint8Array(file[0] === 0x1f && file[1] === 0x8b ? gunzipSync(file) : file);
const text = new TextDecoder().decode(xml);
const MB = xml.length / 1e6;

function pieces(each: (piece: Uint8Array) => void): void {
  for (let at = 0; at < xml.length; at += PIECE) each(xml.subarray(at, at + PIECE));
}

let sink = 0;

const cases: Array<[string, () => Promise<void> | void]> = [
  ['a. dawstamps scanSet (reader rules)', async () => {
    const raw = await scanSet(xml, { limits: DEFAULT_LIMITS });
    sink += raw.locators.length + raw.tracks.length;
  }],
  ['b. dawstamps extractor, every element', () => {
    let n = 0;
    const rules: XmlRule[] = Array.from({ length: DEFAULT_LIMITS.maxXmlDepth }, (_, d) => ({
      path: Array(d + 1).fill('*').join('/'),
      onOpen: (e) => void (n += e.name.length),
      onTag: (t) => void (n += t.number('Value') === 1 ? 1 : 0),
    }));
    const reader = new XmlByteReader(new XmlExtractor(rules, DEFAULT_LIMITS), DEFAULT_LIMITS.maxInflatedBytes);
    pieces((p) => reader.write(p));
    reader.end();
    sink += n;
  }],
  ['c. saxes, no-op handlers (decoding included)', () => {
    const parser = new SaxesParser();
    parser.on('opentag', () => {});
    parser.on('closetag', () => {});
    parser.on('text', () => {});
    const decoder = new TextDecoder();
    pieces((p) => void parser.write(decoder.decode(p, { stream: true })));
    parser.close();
  }],
  ['d. saxes, no-op handlers, one ready string', () => {
    const parser = new SaxesParser();
    parser.on('opentag', () => {});
    parser.on('closetag', () => {});
    parser.on('text', () => {});
    parser.write(text).close();
  }],
  ['e. TextDecoder alone (floor)', () => {
    const decoder = new TextDecoder();
    pieces((p) => void (sink += decoder.decode(p, { stream: true }).length));
  }],
];

const times = new Map<string, number[]>(cases.map(([name]) => [name, []]));
for (let run = -1; run < RUNS; run++) {
  for (const [name, fn] of cases) {
    const started = performance.now();
    await fn();
    const ms = performance.now() - started;
    if (run >= 0) times.get(name)!.push(ms);
  }
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const saxes = median(times.get(cases[2]![0])!);
console.log(`${path.split('/').pop()}: ${MB.toFixed(1)} MB of XML; node ${process.version}; median of ${RUNS} runs (after a warm-up)\n`);
console.log(`${'case'.padEnd(46)} ${'median'.padStart(9)} ${'min'.padStart(9)} ${'MB/s'.padStart(7)} ${'vs c'.padStart(7)}`);
for (const [name] of cases) {
  const xs = times.get(name)!;
  const m = median(xs);
  console.log(`${name.padEnd(46)} ${`${m.toFixed(0)} ms`.padStart(9)} ${`${Math.min(...xs).toFixed(0)} ms`.padStart(9)} ${(MB / (m / 1000)).toFixed(0).padStart(7)} ${`${(saxes / m).toFixed(2)}×`.padStart(7)}`);
}
if (sink < 0) console.log(sink);
