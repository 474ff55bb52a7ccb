// Hostile documents made from nothing: random XML from Live's own element names, deep nesting,
// huge attributes, invalid UTF-8, extreme numbers in every field the reader uses, one format
// renamed as the other, zero bytes, a lone gzip header, random bytes behind each magic.
import { describe, expect, it } from 'vitest';
import { buildAls, type AlsOptions } from '../helpers/als-builder';
import { FlpBuilder } from '../helpers/flp-builder';
import type { ConvertOptions } from '../../lib/index';
import { casesFor, FUZZ_TIMEOUT, rng, Tally, type Rng } from './fuzz-kit';
import { fixture } from './fixtures';
import { concat, gzip, randomBytes, randomXml } from './mutate';

const enc = new TextEncoder();
const HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n<Ableton MinorVersion="11.0_11300"><LiveSet>';
const TAIL = '</LiveSet></Ableton>';

describe('generated hostile documents', () => {
  it('random XML from Live element names, gzipped or plain', async () => {
    const r = rng(1);
    const tally = new Tally();
    const n = casesFor(0.06, 60);
    for (let k = 0; k < n; k++) {
      const xml = randomXml(r);
      await tally.run(`random xml #${k}: ${xml.slice(0, 300)}`, k % 2 === 0 ? gzip(xml) : enc.encode(xml));
    }
    tally.finish(n);
    console.log(`random xml: ${tally.summary()}`);
  }, FUZZ_TIMEOUT);

  it('deep nesting, in walked and in skipped elements, just under and far over the depth limit', async () => {
    const tally = new Tally();
    const shapes: Array<[string, string]> = [];
    for (const depth of [100, 250, 257, 1000, 100_000]) {
      shapes.push([`<Tracks>${'<Tracks>'.repeat(depth)}${'</Tracks>'.repeat(depth)}</Tracks>`, `${depth} same-name skipped`]);
      shapes.push([`${'<x>'.repeat(depth)}${'</x>'.repeat(depth)}`, `${depth} <x> skipped`]);
      shapes.push([`<Locators><Locators><Locator>${'<Name>'.repeat(depth)}${'</Name>'.repeat(depth)}</Locator></Locators></Locators>`, `${depth} in a captured locator`]);
      shapes.push([`${'<a><b>'.repeat(depth)}`, `${depth} never closed`]);
    }
    for (const [body, label] of shapes) await tally.run(label, gzip(HEAD + body + TAIL));
    tally.finish(shapes.length);
    expect(tally.counts.get('xml-too-deep')).toBeGreaterThan(5);
  }, FUZZ_TIMEOUT);

  it('attributes, names and texts over the value limit (1 MB here), in read and skipped elements', async () => {
    const tally = new Tally();
    const big = 'A'.repeat(2 * 1024 * 1024); // past the limit and the slack the extractor gives a tag still arriving
    const cases: Array<[string, string]> = [
      [`<Locators><Locators><Locator><Time Value="1" /><Name Value="${big}" /></Locator></Locators></Locators>`, 'huge locator name'],
      [`<Junk Value="${big}" />`, 'huge skipped attribute'],
      [`<Junk Value="${big}`, 'huge unterminated attribute'],
      [`<Locators><Locators><Locator>${big}</Locator></Locators></Locators>`, 'huge captured text'],
      [`<${big} />`, 'huge element name'],
      [`<Junk ${big}="1" />`, 'huge attribute name'],
      [`<Locators${' a="b"'.repeat(400_000)}>`, 'a start tag of 400,000 attributes'],
    ];
    for (const [body, label] of cases) {
      expect(await tally.run(label, gzip(HEAD + body + TAIL), { limits: { maxValueBytes: 1024 * 1024 } }), label).toBe('value-too-long');
    }
    const fine: Array<[string, string]> = [
      [`<Junk>${big}</Junk>`, 'huge skipped text'],
      [`<!-- ${big} -->`, 'huge comment'],
    ];
    for (const [body, label] of fine) expect(await tally.run(label, gzip(HEAD + body + TAIL), { limits: { maxValueBytes: 1024 * 1024 } }), label).toBe('ok');
    tally.finish(cases.length + fine.length);
  }, FUZZ_TIMEOUT);

  it('invalid UTF-8 everywhere: in names, values and markup', async () => {
    const r = rng(2);
    const tally = new Tally();
    const n = casesFor(0.02, 30);
    const base = enc.encode(HEAD + '<Locators><Locators><Locator><Time Value="4" /><Name Value="Intro" /></Locator></Locators></Locators>' + TAIL);
    for (let k = 0; k < n; k++) {
      const at = r.int(base.length);
      const junk = Uint8Array.from({ length: 1 + r.int(6) }, () => 0x80 + r.int(128));
      const bytes = concat(base.subarray(0, at), junk, base.subarray(at));
      await tally.run(`invalid UTF-8 ${[...junk].map((b) => b.toString(16)).join(' ')} at ${at}`, k % 2 ? gzip(bytes) : bytes);
    }
    tally.finish(n);
  }, FUZZ_TIMEOUT);

  it('extreme numbers in every field the reader uses (locators, tempo, meter, loop, clips)', async () => {
    const r = rng(3);
    const tally = new Tally();
    const n = casesFor(0.04, 60);
    for (let k = 0; k < n; k++) {
      const options = extremeSet(r);
      const convertOptions = r.pick<ConvertOptions>([{}, { beforeStart: 'negative' }, { start: 'loop' }, { start: 'song-start', beforeStart: 'negative' }, { source: 'clips', clipAnchor: 'crossfade-middle' }, { timing: 'continuous' }, { start: edgeStart(r) }, { start: '#2', beforeStart: 'negative' }]);
      await tally.run(`extreme set ${JSON.stringify(options)} with ${JSON.stringify(convertOptions)}`, buildAls(options), convertOptions);
    }
    tally.finish(n);
    console.log(`extreme numbers: ${tally.summary()}`);
  }, FUZZ_TIMEOUT);

  it('extreme numbers in FL Studio tempo clips (points, tension, Min/Max range, placement)', async () => {
    const r = rng(5);
    const tally = new Tally();
    const n = casesFor(0.04, 60);
    const edge = (): number => r.pick([Number.NaN, Infinity, -Infinity, -1, 0, 1e308, -1e308, 5e-324, 0.5, 1e6, r() * 4]);
    for (let k = 0; k < n; k++) {
      const points = Array.from({ length: 1 + r.int(5) }, () => ({ delta: edge(), value: edge(), tension: edge() }));
      const range = r.pick([null, { min: 0, max: 0 }, { min: 4250, max: 1250 }, { min: 1250, max: 4250 }, { min: 0xffffffff, max: 0 }]);
      const u32 = (): number => r.pick([0, 1, 96, 0x7fffffff, 0xffffffff, r.int(96 * 1000)]);
      const items = Array.from({ length: 1 + r.int(3) }, () => ({ position: u32(), length: u32(), item: 3, startOffset: edge(), muted: r() < 0.2 }));
      const flp = new FlpBuilder().version('20.8.4.2576').tempo(120).link(3).automationClip(3, points, range)
        .arrangement(0, 'A').marker({ ticks: r.int(1 << 24), name: 'm' }).playlist(items, r.pick([32, 60, 80] as const)).currentArrangement(0).build();
      const options = r.pick<ConvertOptions>([{}, { timing: 'continuous' }, { beforeStart: 'negative', start: 'beat:-4' }]);
      await tally.run(`FL clip ${JSON.stringify({ points, range, items })} ${JSON.stringify(options)}`, flp, options);
    }
    tally.finish(n);
    console.log(`extreme FL clips: ${tally.summary()}`);
  }, FUZZ_TIMEOUT);

  it('an .flp named .als and an .als named .flp are read by content', async () => {
    const tally = new Tally();
    const flp = fixture('flstudio/fl-markers.flp');
    const als = fixture('ableton/example-120.als');
    expect(await tally.run('flp as .als', flp, { fileName: 'mix.als' })).toBe('ok');
    expect(await tally.run('als as .flp', als, { fileName: 'mix.flp' })).toBe('ok');
    expect(await tally.run('plain xml as .flp', enc.encode(HEAD + TAIL), { fileName: 'x.flp' })).toBe('ok');
    expect(await tally.run('gzipped flp', gzip(flp), { fileName: 'x.als' })).toBe('not-a-project'); // the gzip is fine, its content is no XML
    tally.finish(4);
  }, FUZZ_TIMEOUT);

  it('zero bytes, lone headers, and random bytes behind each magic', async () => {
    const r = rng(4);
    const tally = new Tally();
    const fixed: Array<[string, Uint8Array]> = [
      ['zero bytes', new Uint8Array(0)],
      ['one NUL', new Uint8Array(1)],
      ['gzip magic only', Uint8Array.of(0x1f, 0x8b)],
      ['lone gzip header', Uint8Array.of(0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3)],
      ['gzip of nothing', gzip(new Uint8Array(0))],
      ['gzip of a gzip', gzip(fixture('ableton/example-120.als'))],
      ['FLhd only', enc.encode('FLhd')],
      ['FLhd + FLdt, no events', new FlpBuilder().build()],
      ['<?xml only', enc.encode('<?xml')],
      ['BOM only', Uint8Array.of(0xef, 0xbb, 0xbf)],
      ['UTF-16 XML', Uint8Array.from(Buffer.from('<?xml version="1.0"?><Ableton/>', 'utf16le'))],
      ['4096 spaces then <?xml', enc.encode(' '.repeat(4096) + '<?xml version="1.0"?><Ableton/>')],
      ['1 MB of zeros', new Uint8Array(1 << 20)],
    ];
    for (const [label, bytes] of fixed) {
      const outcome = await tally.run(label, bytes);
      // an intact gzip around something that is not XML: not a project (a damaged gzip: corrupt-file)
      if (label.startsWith('gzip of')) expect(outcome, label).toBe('not-a-project');
    }
    const heads = [new Uint8Array(0), Uint8Array.of(0x1f, 0x8b), Uint8Array.of(0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3), enc.encode('FLhd'), enc.encode('<?xml '), enc.encode('FLhd\x06\x00\x00\x00\x00\x00\x01\x00\x60\x00FLdt')];
    const n = casesFor(0.03, 60);
    for (let k = 0; k < n; k++) {
      const head = heads[k % heads.length]!;
      const bytes = concat(head, randomBytes(r.int(r() < 0.9 ? 200 : 20_000), r));
      await tally.run(`random bytes behind ${JSON.stringify(new TextDecoder().decode(head))}`, bytes);
    }
    tally.finish(fixed.length + n);
    expect(tally.counts.get('empty-file')).toBeGreaterThan(0);
    expect(tally.counts.get('not-a-project')).toBeGreaterThan(0);
  }, FUZZ_TIMEOUT);
});

/** A set with numbers chosen from the edges: huge, tiny, negative, far apart. */
function extremeSet(r: Rng): AlsOptions {
  const edge = (): number => r.pick([0, -1, 1e-9, 4, 1e6, 1e12, -63072000, 1e15, -1e15, 1e300, -1e300, Number.MAX_VALUE, Number.MIN_VALUE, r() * 1000]);
  const bpm = (): number => r.pick([20, 999, 0.001, 1e-300, 1e300, -120, 120, 60 + r() * 200]);
  const o: AlsOptions = { live: r.pick([8, 9, 10, 11, 12] as const), tempo: bpm() };
  if (r() < 0.8) o.locators = Array.from({ length: r.int(5) + 1 }, (_, i) => ({ time: edge(), name: `L${i}`, isSongStart: r() < 0.2 }));
  if (r() < 0.6) {
    o.tempoEvents = Array.from({ length: r.int(6) + 1 }, () => ({ beat: edge(), bpm: bpm(), ...(r() < 0.3 ? { curve: [r(), r() * 2 - 0.5, r(), r()] as [number, number, number, number] } : {}) }));
  }
  if (r() < 0.3) o.meterEvents = [{ beat: edge(), numerator: r.pick([1, 7, 99, 0]), denominator: r.pick([1, 4, 64, 3]) }];
  if (r() < 0.4) o.loop = { start: edge(), length: edge(), on: r() < 0.7 };
  if (r() < 0.4) o.audioTracks = [{ clips: Array.from({ length: r.int(4) + 1 }, (_, i) => ({ start: edge(), end: edge(), name: `C${i}` })) }];
  return o;
}

/** A start option from the edges: huge, negative, not a number at all. */
function edgeStart(r: Rng): string | number {
  return r.pick<string | number>([1e308, -1e308, 1e12, -1e12, 'beat:1e300', 'beat:-0', '-63072000', 'NaN', 'Infinity', '#0', '#99999999999999999999', 'locator:', '']);
}
