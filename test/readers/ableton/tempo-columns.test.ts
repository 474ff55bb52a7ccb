/**
 * The Ableton reader hands its tempo envelope to the map as columns (issue 7: no object per
 * breakpoint); `project.tempo` still reads as TempoPoint objects, and edits to it count.
 */
import { describe, expect, it } from 'vitest';
import { projectToResult } from '../../../lib';
import { TempoColumns } from '../../../lib/tempo/columns';
import { readBuilt } from './helpers';

const curve = { c1x: 0.2, c1y: 0.9, c2x: 0.6, c2y: 0.1 };
const handles: [number, number, number, number] = [0.2, 0.9, 0.6, 0.1];
const options = {
  live: 12 as const,
  tempo: 100,
  // out of order: the reader sorts them stably (the two at beat 16 keep their order)
  tempoEvents: [
    { beat: -63072000, bpm: 100 },
    { beat: 16, bpm: 140 },
    { beat: 0, bpm: 100, curve: handles },
    { beat: 16, bpm: 90 },
    { beat: 32, bpm: 90 },
  ],
  locators: [{ time: 8, name: 'A' }, { time: 24, name: 'B' }],
};
const sortedPoints = [
  { beat: -63072000, bpm: 100 },
  { beat: 0, bpm: 100, curve },
  { beat: 16, bpm: 140 },
  { beat: 16, bpm: 90 },
  { beat: 32, bpm: 90 },
];

describe('the Ableton tempo envelope as columns', () => {
  it('gives the same result from the columns as from the TempoPoint objects', async () => {
    const project = await readBuilt(options);
    expect(project.tempoColumns).toBeInstanceOf(TempoColumns);
    const fromColumns = JSON.stringify(projectToResult(project));
    // reading `tempo` makes the objects and drops the columns: the map is then built from the objects
    expect(project.tempo).toEqual(sortedPoints);
    expect(project.tempoColumns).toBeUndefined();
    expect(JSON.stringify(projectToResult(project))).toBe(fromColumns);
    expect(JSON.parse(fromColumns).tempo.points).toEqual(sortedPoints.map((p) => [p.beat, p.bpm]));
  });

  it('lets edits to project.tempo count', async () => {
    const project = await readBuilt(options);
    const before = projectToResult(project).markers.map((m) => m.seconds);
    project.tempo.push({ beat: 20, bpm: 200 });
    const after = projectToResult(project).markers.map((m) => m.seconds);
    expect(after[0]).toBe(before[0]);
    expect(after[1]).not.toBe(before[1]);
    const replaced = await readBuilt(options);
    replaced.tempo = [];
    expect(replaced.tempoColumns).toBeUndefined();
    expect(projectToResult(replaced).tempo.points).toEqual([[0, 100]]);
  });

  it('is empty for a static tempo', async () => {
    const project = await readBuilt({ live: 12, tempo: 128, locators: [{ time: 4, name: 'A' }] });
    expect(project.tempoColumns?.length).toBe(0);
    expect(project.tempo).toEqual([]);
  });
});
