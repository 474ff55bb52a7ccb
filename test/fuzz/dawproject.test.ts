// DAWproject files under fire: damaged archive bytes, damaged project.xml zipped again (stored and
// deflated, so the XML reader is hit, not only zip.js's checks), hostile numbers in every attribute
// the reader uses, random bytes behind the ZIP magic, and the fixed hostile shapes (a bomb, 100,000
// entries, no project.xml, a DOCTYPE). Each case: a sane result or a typed error, in bounded time.
import { describe, expect, it } from 'vitest';
import { buildDawproject, mixSpec, projectXml, type DawprojectSpec } from '../helpers/dawproject-builder';
import { deflateBomb, zip } from '../helpers/zip-writer';
import { casesFor, FUZZ_TIMEOUT, rng, Tally, type Rng } from './fuzz-kit';
import { concat, mutateBytes, mutateXml, randomBytes, truncate } from './mutate';

const spec: DawprojectSpec = {
  ...mixSpec([{ name: 'One', file: 'one.wav', beats: 64 }, { name: '', file: 'Two (Original Mix).wav', beats: 96 }]),
  tempoAutomation: { points: [{ time: 0, value: 122, interpolation: 'linear' }, { time: 64, value: 128, interpolation: 'hold' }, { time: 96, value: 100 }] },
  meterAutomation: { points: [{ time: 16, numerator: 7, denominator: 8 }] },
  markers: { timeUnit: 'seconds', markers: [{ time: 0, name: 'Start' }, { time: 31.5, name: 'Mid' }] },
};
const xml = projectXml(spec);
const files = [buildDawproject(spec), buildDawproject(spec, { method: 0, descriptor: true })];

/** Hostile values for the attributes the reader reads. */
const NUMBERS = ['', 'NaN', 'Infinity', '-Infinity', '1e308', '-1e308', '1e-320', '0', '-0', '-1', '0x10', '1e12', '1e13', '9e11', '-9e11', '-63072000', '4.9e-324', 'true', ' 5 ', '1,5', 'hold', 'linear', 'seconds', 'beats', 'bezier'];
const ATTRS = ['time', 'value', 'duration', 'interpolation', 'timeUnit', 'numerator', 'denominator', 'playStart', 'playStop', 'fadeInTime', 'enable', 'reference', 'track', 'unit'];

/** One attribute the reader uses, set to a hostile value. */
function mutateNumber(text: string, r: Rng): { label: string; bytes: Uint8Array } {
  const name = r.pick(ATTRS);
  const hits: number[] = [];
  for (let i = text.indexOf(` ${name}="`); i !== -1; i = text.indexOf(` ${name}="`, i + 1)) hits.push(i);
  if (hits.length === 0) return mutateXml(text, r);
  const start = text.indexOf('"', r.pick(hits)) + 1;
  const end = text.indexOf('"', start);
  const v = r.pick(NUMBERS);
  return { label: `${name} at ${start} set to ${JSON.stringify(v)}`, bytes: new TextEncoder().encode(text.slice(0, start) + v + text.slice(end)) };
}

describe('fuzzing DAWproject files', () => {
  it('damaged archive bytes (cut, flipped, inserted, deleted): a result or a typed error', async () => {
    const r = rng(900);
    const tally = new Tally();
    const n = casesFor(0.03, 60);
    for (let k = 0; k < n; k++) {
      const file = files[k % files.length]!;
      const m = k % 3 === 0 ? truncate(file, r.int(file.length)) : mutateBytes(file, r);
      await tally.run(`dawproject bytes ${m.label}`, m.bytes);
    }
    tally.finish(n);
    console.log(`dawproject bytes: ${tally.summary()}`);
  }, FUZZ_TIMEOUT);

  it('damaged project.xml, zipped again stored or deflated: a result or a typed error', async () => {
    const r = rng(901);
    const tally = new Tally();
    const n = casesFor(0.04, 80);
    for (let k = 0; k < n; k++) {
      const m = k % 2 === 0 ? mutateXml(xml, r) : mutateNumber(xml, r);
      const options = k % 5 === 4 ? { beforeStart: 'negative' as const, timing: 'stepped' as const } : k % 5 === 3 ? { source: 'clips' as const } : {};
      await tally.run(`dawproject xml ${m.label}`, zip([{ name: 'project.xml', data: m.bytes, method: k % 3 === 0 ? 0 : 8 }]), options);
    }
    tally.finish(n);
    console.log(`dawproject xml: ${tally.summary()}`);
  }, FUZZ_TIMEOUT);

  it('random bytes behind the ZIP magic (local header and end record)', async () => {
    const r = rng(902);
    const tally = new Tally();
    const n = casesFor(0.01, 30);
    for (let k = 0; k < n; k++) {
      const magic = k % 2 === 0 ? [0x50, 0x4b, 0x03, 0x04] : [0x50, 0x4b, 0x05, 0x06];
      const bytes = concat(Uint8Array.from(magic), randomBytes(r.int(k % 4 === 0 ? 70_000 : 300), r));
      const outcome = await tally.run(`random after magic #${k}`, bytes);
      expect(outcome).not.toBe('ok');
    }
    tally.finish(n);
    console.log(`random after the ZIP magic: ${tally.summary()}`);
  }, FUZZ_TIMEOUT);

  it('the fixed hostile shapes: each its own typed error', async () => {
    const tally = new Tally();
    const bomb = deflateBomb('<?xml version="1.0"?><Project version="1.0"><Scenes>', 16, '</Scenes></Project>');
    const cases: Array<[string, Uint8Array, string, object?]> = [
      ['a 256 MiB project.xml bomb vs a 2 MiB limit', zip([{ name: 'project.xml', deflated: bomb.deflated, size: 0xfffffffe, crc: 0 }]), 'inflated-too-large', { limits: { maxInflatedBytes: 2 << 20 } }],
      ['100,000 entries', zip(Array.from({ length: 100_000 }, (_, i) => ({ name: `e${i}`, data: '', method: 0 }))), 'too-many-entries'],
      ['no project.xml', zip([{ name: 'metadata.xml', data: '<MetaData/>' }]), 'not-a-project'],
      ['a DOCTYPE', buildDawproject({ ...spec, prolog: '<!DOCTYPE Project SYSTEM "file:///etc/passwd">' }), 'unsafe-xml'],
      ['an empty archive', zip([]), 'not-a-project'],
      ['the end record alone, cut', zip([]).slice(0, 10), 'corrupt-file'],
    ];
    for (const [label, bytes, code, options] of cases) expect(await tally.run(label, bytes, options ?? {}), label).toBe(code);
    tally.finish(cases.length);
    console.log(`dawproject hostile shapes: ${tally.summary()}`);
  }, FUZZ_TIMEOUT);
});
