/** invalid-option messages quote the caller's value cut to ~60 characters, never a megabyte of it. */
import { describe, expect, it } from 'vitest';
import { convert } from '../lib';
import { type DawstampsError, ECHO_MAX, echoValue, isDawstampsError } from '../lib/errors';
import { exportResult } from '../lib/exporters';
import { checkOptions, parseStart } from '../lib/options';
import { buildAls } from './helpers/als-builder';
import { FlpBuilder } from './helpers/flp-builder';
import { makeResult } from './helpers/exporters/make-result';

const HUGE = `${'x'.repeat(1024 * 1024)}END`;

/** The DawstampsError that `run` throws (sync or async). */
async function errorOf(run: () => unknown): Promise<DawstampsError> {
  let caught: unknown = null;
  try {
    await run();
  } catch (e) {
    caught = e;
  }
  if (!isDawstampsError(caught)) throw new Error(`expected a DawstampsError, got ${String(caught)}`);
  return caught;
}

/** The value is quoted (its start, then an ellipsis), and no more than ECHO_MAX characters of it. */
function expectCutEcho(error: DawstampsError, fill = 'x'): void {
  expect(error.code).toBe('invalid-option');
  expect(error.message).toMatch(new RegExp(`${fill.repeat(ECHO_MAX - 10)}…`));
  expect(error.message).not.toContain(fill.repeat(ECHO_MAX));
  expect(error.message).not.toContain('END');
  expect(error.message.length).toBeLessThan(ECHO_MAX + 200);
}

describe('echoValue', () => {
  it('keeps short values whole and cuts long ones to the limit with an ellipsis', () => {
    expect(echoValue('Drop')).toBe('Drop');
    expect(echoValue('y'.repeat(ECHO_MAX))).toBe('y'.repeat(ECHO_MAX));
    expect(echoValue('y'.repeat(ECHO_MAX + 1))).toBe(`${'y'.repeat(ECHO_MAX - 1)}…`);
    expect(echoValue(HUGE)).toHaveLength(ECHO_MAX);
    expect(echoValue(42)).toBe('42');
    expect(echoValue(['a', 'b'])).toBe('a,b');
  });

  it('never splits a surrogate pair and survives values that cannot be printed', () => {
    const cut = echoValue(`${'y'.repeat(ECHO_MAX - 2)}😀😀😀`);
    expect(cut).toBe(`${'y'.repeat(ECHO_MAX - 2)}…`);
    expect(() => encodeURIComponent(cut)).not.toThrow();
    expect(echoValue({ toString: () => { throw new Error('no'); } })).toBe('(a value that cannot be shown)');
  });
});

describe('a 1 MB option value in the error message', () => {
  it('start (a beat, a marker number, a locator name)', async () => {
    expectCutEcho(await errorOf(() => parseStart(`beat:${HUGE}`)));
    expectCutEcho(await errorOf(() => parseStart(`#${'9'.repeat(1024 * 1024)}`)), '9');
    const set = buildAls({ live: 11, tempo: 120, locators: [{ time: 0, name: 'Intro' }] });
    expectCutEcho(await errorOf(() => convert(set, { start: HUGE })));
    expectCutEcho(await errorOf(() => convert(set, { start: `locator:${HUGE}` })));
  });

  it('the enumerated options (timing, beforeStart, source, clipAnchor)', async () => {
    for (const key of ['timing', 'beforeStart', 'source', 'clipAnchor']) expectCutEcho(await errorOf(() => checkOptions({ [key]: HUGE })));
  });

  it('the FL Studio arrangement, with and without arrangements in the project', async () => {
    const withArrangements = new FlpBuilder().version('20.8.4.2576').tempo(120).arrangement(0, 'Main').marker({ ticks: 96, name: 'One' }).build();
    const without = new FlpBuilder({ ppq: 96 }).version('9.1.0').tempoOld(128.5).marker({ ticks: 0, name: 'Intro' }).build();
    expectCutEcho(await errorOf(() => convert(withArrangements, { arrangement: HUGE })));
    expectCutEcho(await errorOf(() => convert(without, { arrangement: HUGE })));
    // a name of fitting length where none applies is a warning, with the name cut all the same
    const long = `${'x'.repeat(400)}END`;
    const ignored = (await convert(without, { arrangement: long })).warnings.find((w) => w.code === 'option-ignored')!;
    expect(ignored.message).toMatch(new RegExp(`${'x'.repeat(ECHO_MAX - 10)}…`));
    expect(ignored.message).not.toContain('END');
  });

  it('the export format and the exporters\u2019 options', async () => {
    const result = makeResult([[0, 'A']]);
    expectCutEcho(await errorOf(() => exportResult(result, HUGE)));
    expectCutEcho(await errorOf(() => exportResult(result, 'text', { rounding: HUGE } as never)));
  });
});
