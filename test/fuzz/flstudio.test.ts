// Mutations of every FL Studio fixture: truncations, flipped bits, filled, inserted, deleted and
// duplicated byte runs. (test/readers/flstudio/fuzz.test.ts hits the event walker; this one runs
// the whole convert() with the suite's result checks.)
import { describe, it } from 'vitest';
import { casesFor, FUZZ_TIMEOUT, rng, Tally } from './fuzz-kit';
import { fixtures } from './fixtures';
import { mutateBytes, truncate } from './mutate';

const all = fixtures('flstudio');

describe.each(all.map((f, i) => [f.name, f, i] as const))('fuzzing %s', (_, fx, i) => {
  it('truncated at many offsets: a result or a typed error', async () => {
    const r = rng(400 + i);
    const tally = new Tally();
    const fixed = [0, 1, 4, 8, 13, 14, 18, 21, 22, 23, 24, 30, fx.bytes.length - 1];
    const n = casesFor(0.02, 40);
    for (let k = 0; k < n; k++) {
      const m = truncate(fx.bytes, k < fixed.length ? fixed[k]! : r.int(fx.bytes.length));
      await tally.run(`${fx.name} ${m.label}`, m.bytes);
    }
    tally.finish(n);
    console.log(`${fx.name} truncated: ${tally.summary()}`);
  }, FUZZ_TIMEOUT);

  it('byte-damaged copies (also with continuous timing and negative times): a result or a typed error', async () => {
    const r = rng(500 + i);
    const tally = new Tally();
    const n = casesFor(0.06, 60);
    for (let k = 0; k < n; k++) {
      const m = mutateBytes(fx.bytes, r);
      const options = k % 4 === 3 ? { timing: 'continuous' as const, beforeStart: 'negative' as const, start: 'song-start' } : {};
      await tally.run(`${fx.name} ${m.label}`, m.bytes, options);
    }
    tally.finish(n);
    console.log(`${fx.name} damaged: ${tally.summary()}`);
  }, FUZZ_TIMEOUT);
});
