/**
 * `result.tempo.points`: plain data, in the result unless the caller leaves it out
 * (`tempoPoints: false`: a set may hold 100,000 breakpoints, and the text exports never read them).
 */
import { describe, expect, it } from 'vitest';
import { convert, exportResult } from '../../lib';
import { buildAls } from '../helpers/als-builder';

const set = buildAls({
  live: 11,
  tempoEvents: [
    { beat: -63072000, bpm: 150 },
    { beat: 0, bpm: 150 },
    { beat: 16, bpm: 50 },
    { beat: 16, bpm: 90 },
  ],
  locators: [{ time: 8, name: 'A' }],
});
const expected = [
  [-63072000, 150],
  [0, 150],
  [16, 50],
  [16, 90],
];

describe('result.tempo.points', () => {
  it('is a plain property: serialises, spreads, clones and compares as one', async () => {
    const result = await convert(set);
    expect(Object.getOwnPropertyDescriptor(result.tempo, 'points')).toMatchObject({ value: expected, writable: true, enumerable: true });
    expect(Object.keys(result.tempo)).toEqual(['initialBpm', 'automated', 'points']);
    expect(JSON.parse(JSON.stringify(result)).tempo).toEqual({ initialBpm: 150, automated: true, points: expected });
    expect({ ...result.tempo }).toStrictEqual({ initialBpm: 150, automated: true, points: expected });
    expect(structuredClone(result).tempo.points).toEqual(expected);
  });

  it('is left out when asked; the exports do not need it', async () => {
    const full = await convert(set);
    const lean = await convert(set, { tempoPoints: false });
    expect(lean.tempo).toStrictEqual({ initialBpm: 150, automated: true });
    for (const format of ['text', 'youtube', 'cue', 'csv', 'webvtt'] as const) {
      expect(exportResult(lean, format).text).toBe(exportResult(full, format).text);
    }
  });
});
