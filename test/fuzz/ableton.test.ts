// Mutations of every Ableton fixture: damaged gzip bytes, and damage to the inflated XML that is
// gzipped again (so the XML reader is hit, not only the gzip CRC), and the same as plain XML.
import { gunzipSync } from 'node:zlib';
import { describe, it } from 'vitest';
import { casesFor, FUZZ_TIMEOUT, rng, Tally } from './fuzz-kit';
import { fixtures } from './fixtures';
import { gzip, mutateBytes, mutateXml, truncate } from './mutate';

const all = fixtures('ableton');
/** The big ones (live8/live9, 2–10 MB of XML; large/, 16 MB) get a few cases; the small ones many. */
const small = all.filter((f) => f.bytes.length < 100_000);
const medium = [...all.filter((f) => f.bytes.length >= 100_000), ...fixtures('large')];

describe.each(small.map((f, i) => [f.name, f, i] as const))('fuzzing %s', (_, fx, i) => {
  const xml = gunzipSync(fx.bytes).toString('utf8');

  it('truncated and byte-damaged gzip: a result or a typed error', async () => {
    const r = rng(100 + i);
    const tally = new Tally();
    const n = casesFor(0.015, 20);
    for (let k = 0; k < n; k++) {
      const m = k % 2 === 0 ? truncate(fx.bytes, r.int(fx.bytes.length)) : mutateBytes(fx.bytes, r);
      await tally.run(`${fx.name} gzip ${m.label}`, m.bytes);
    }
    tally.finish(n);
    console.log(`${fx.name} gzip: ${tally.summary()}`);
  }, FUZZ_TIMEOUT);

  it('damaged XML, gzipped again or plain: a result or a typed error', async () => {
    const r = rng(200 + i);
    const tally = new Tally();
    const n = casesFor(0.035, 40);
    for (let k = 0; k < n; k++) {
      const m = mutateXml(xml, r);
      const gzipped = k % 3 !== 2;
      const options = k % 5 === 4 ? { beforeStart: 'negative' as const, timing: 'continuous' as const } : {};
      await tally.run(`${fx.name} xml ${m.label}${gzipped ? ' (gzip)' : ' (plain)'}`, gzipped ? gzip(m.bytes) : m.bytes, options);
    }
    tally.finish(n);
    console.log(`${fx.name} xml: ${tally.summary()}`);
  }, FUZZ_TIMEOUT);
});

describe('fuzzing the multi-megabyte Ableton fixtures, large/ included (a few cases each)', () => {
  it.each(medium.map((f, i) => [f.name, f, i] as const))('%s: truncated, byte-damaged and XML-damaged', async (_, fx, i) => {
    const r = rng(300 + i);
    const tally = new Tally();
    const xml = gunzipSync(fx.bytes).toString('utf8');
    const n = casesFor(0.0015, 4);
    for (let k = 0; k < n; k++) {
      const m = k % 4 === 0 ? truncate(fx.bytes, r.int(fx.bytes.length)) : k % 4 === 1 ? mutateBytes(fx.bytes, r) : mutateXml(xml, r);
      await tally.run(`${fx.name} ${m.label}`, k % 4 >= 2 ? gzip(m.bytes) : m.bytes);
    }
    tally.finish(n);
    console.log(`${fx.name}: ${tally.summary()}`);
  }, FUZZ_TIMEOUT);
});
