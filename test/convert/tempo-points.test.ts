/**
 * `result.tempo.points` is made on first read (the text exports never read it: 100,000 breakpoints
 * cost the CLI's start-up, issue 7), yet behaves like a plain property on every surface.
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
  it('is not made until it is read; a text export leaves it unmade', async () => {
    const result = await convert(set);
    exportResult(result, 'youtube');
    const own = Object.getOwnPropertyDescriptor(result.tempo, 'points')!;
    expect(own.enumerable).toBe(true);
    expect(own.get).toBeTypeOf('function');
    expect(result.tempo.points).toEqual(expected);
    // made once, then the same array
    expect(result.tempo.points).toBe(result.tempo.points);
  });

  it('serialises, spreads, clones and compares like a plain property, in its place', async () => {
    const result = await convert(set);
    expect(Object.keys(result.tempo)).toEqual(['initialBpm', 'automated', 'points']);
    expect(JSON.parse(JSON.stringify(result)).tempo).toEqual({ initialBpm: 150, automated: true, points: expected });
    expect({ ...result.tempo }).toStrictEqual({ initialBpm: 150, automated: true, points: expected });
    expect(structuredClone(result).tempo.points).toEqual(expected);
    expect(result.tempo).toEqual({ initialBpm: 150, automated: true, points: expected });
  });

  it('can be assigned', async () => {
    const result = await convert(set);
    result.tempo.points = [[0, 120]];
    expect(result.tempo.points).toEqual([[0, 120]]);
    expect(JSON.parse(JSON.stringify(result.tempo)).points).toEqual([[0, 120]]);
  });
});
