/** The start option through convert() on hand-built sets (test/helpers/als-builder.ts). */
import { describe, expect, it } from 'vitest';
import { convert, isDawstampsError, type ConvertOptions } from '../../lib';
import { createTempoMap } from '../../lib/tempo';
import { buildAls } from '../helpers/als-builder';

// 120 BPM: half a second a beat. Locators written out of time order on purpose.
const set = buildAls({
  live: 11,
  tempo: 120,
  locators: [
    { time: 32, name: 'Drop' },
    { time: 0, name: 'Intro' },
    { time: 16, name: 'Build', isSongStart: true },
    { time: 64, name: 'Outro' },
  ],
  loop: { start: 8, length: 56, on: true },
});

const run = (options: ConvertOptions) => convert(set, options);
const times = async (options: ConvertOptions) => (await run(options)).markers.map((m) => [m.name, m.seconds]);

async function codeOf(promise: Promise<unknown>): Promise<string | null> {
  const error = await promise.then(() => null, (e: unknown) => e);
  return isDawstampsError(error) ? error.code : null;
}

describe('start', () => {
  it('counts from beat 0 by default, markers in time order', async () => {
    const result = await run({});
    expect(result.start).toEqual({ beat: 0, label: 'beat 0' });
    expect(await times({})).toEqual([['Intro', 0], ['Build', 8], ['Drop', 16], ['Outro', 32]]);
  });

  it('starts at a locator by name (exact, then case-insensitive) and drops what is before it', async () => {
    expect(await times({ start: 'Build' })).toEqual([['Build', 0], ['Drop', 8], ['Outro', 24]]);
    expect(await times({ start: 'build' })).toEqual([['Build', 0], ['Drop', 8], ['Outro', 24]]);
    expect(await times({ start: 'locator:Drop' })).toEqual([['Drop', 0], ['Outro', 16]]);
    expect((await run({ start: 'build' })).start).toEqual({ beat: 16, label: '"Build"' });
  });

  it('starts at the Nth marker in time order (#N)', async () => {
    expect(await times({ start: '#3' })).toEqual([['Drop', 0], ['Outro', 16]]);
  });

  it('starts at the song start and at the loop start', async () => {
    expect(await times({ start: 'song-start' })).toEqual([['Build', 0], ['Drop', 8], ['Outro', 24]]);
    const loop = await run({ start: 'loop' });
    expect(loop.start).toEqual({ beat: 8, label: 'loop start' });
    expect(loop.markers.map((m) => m.seconds)).toEqual([4, 12, 28]);
  });

  it('starts at a beat given as a number, a numeric string or beat:X', async () => {
    for (const start of [16, '16', 'beat:16']) expect(await times({ start })).toEqual([['Build', 0], ['Drop', 8], ['Outro', 24]]);
  });

  it('reports markers before the start as negative when asked', async () => {
    expect(await times({ start: 'Build', beforeStart: 'negative' })).toEqual([['Intro', -8], ['Build', 0], ['Drop', 8], ['Outro', 24]]);
  });

  it('never takes the loop end as the set\'s end: a set without clips has no known length, loop on or not', async () => {
    const result = await run({});
    expect(result.durationSeconds).toBeNull();
    expect(result.markers.at(-1)).toMatchObject({ name: 'Outro', endSeconds: null, durationSeconds: null });
    expect((await run({ start: 'Build' })).durationSeconds).toBeNull();
  });

  it('says invalid-option for a start that is not in the set', async () => {
    expect(await codeOf(run({ start: 'Nope' }))).toBe('invalid-option');
    expect(await codeOf(run({ start: '#5' }))).toBe('invalid-option');
    expect(await codeOf(run({ start: '#0' }))).toBe('invalid-option');
    expect(await codeOf(run({ start: 'beat:abc' }))).toBe('invalid-option');
    expect(await codeOf(convert(buildAls({ locators: [{ time: 0, name: 'A' }] }), { start: 'song-start' }))).toBe('invalid-option');
  });

  it('applies the offset after conversion: the step grid stays anchored at beat 0', async () => {
    const tempoEvents = [
      { beat: -63072000, bpm: 150 },
      { beat: 0, bpm: 150 },
      { beat: 16, bpm: 50 },
      { beat: 16, bpm: 200 },
      { beat: 24, bpm: 40 },
    ];
    const ramp = buildAls({ live: 11, tempoEvents, locators: [{ time: 5.1, name: 'S' }, { time: 22.3, name: 'T' }] });
    const result = await convert(ramp, { start: 5.1 });
    const map = createTempoMap(tempoEvents, { staticBpm: 120, model: 'stepped', step: 0.25 });
    expect(result.markers[1]!.seconds).toBeCloseTo(map.seconds(22.3) - map.seconds(5.1), 12);
    // not a re-timing from a new beat 0: a grid anchored at 5.1 would sample other tempos
    const shifted = createTempoMap(tempoEvents.map((p) => ({ ...p, beat: p.beat - 5.1 })), { staticBpm: 120, model: 'stepped', step: 0.25 });
    expect(Math.abs(result.markers[1]!.seconds - shifted.seconds(22.3 - 5.1))).toBeGreaterThan(1e-3);
  });
});
