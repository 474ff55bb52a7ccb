/**
 * The Ableton reader keeps its tempo envelope as columns (bench case 3b: no object per
 * breakpoint). The project is plain data: timing, logging or comparing it never changes it, and
 * TempoPoint objects are made only when asked for (`tempo.points()`).
 */
import { describe, expect, it } from 'vitest';
import { timeProject } from '../../../lib';
import { resolveLimits } from '../../../lib/limits';
import { readAbleton } from '../../../lib/readers/ableton';
import { TempoColumns } from '../../../lib/tempo/columns';
import { buildAls } from '../../helpers/als-builder';
import { makeProject } from '../../helpers/project';

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
const read = () => readAbleton(buildAls(options), { limits: resolveLimits() });

describe('the Ableton tempo envelope as columns', () => {
  it('gives the same result from the columns as from the TempoPoint objects', async () => {
    const project = await read();
    const tempo = project.timelines[0]!.tempo;
    expect(tempo).toBeInstanceOf(TempoColumns);
    expect(tempo.points()).toEqual(sortedPoints);
    const fromColumns = timeProject(project);
    const fromObjects = timeProject(makeProject({ ...project, ...project.timelines[0]!, tempo: sortedPoints }));
    expect(fromObjects).toEqual(fromColumns);
    expect(fromColumns.tempo.points).toEqual(sortedPoints.map((p) => [p.beat, p.bpm]));
  });

  it('is not changed by timing, serialising or comparing it', async () => {
    const project = await read();
    const again = await read();
    const snapshot = JSON.stringify(project, (_, v) => (ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v));
    timeProject(project, { timing: 'continuous', start: 'A' });
    timeProject(project, { tempoPoints: false });
    expect(project.timelines[0]!.tempo.points()).toEqual(sortedPoints);
    expect(JSON.stringify(project, (_, v) => (ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v))).toBe(snapshot);
    expect(project).toEqual(again);
  });

  it('leaves the points out of the result when asked, the rest unchanged', async () => {
    const project = await read();
    const { tempo, ...rest } = timeProject(project, { tempoPoints: false });
    const full = timeProject(project);
    expect(tempo).toEqual({ initialBpm: full.tempo.initialBpm, automated: true });
    const { tempo: _withPoints, ...fullRest } = full;
    expect(rest).toEqual(fullRest);
  });

  it('is empty for a static tempo', async () => {
    const project = await readAbleton(buildAls({ live: 12, tempo: 128, locators: [{ time: 4, name: 'A' }] }), { limits: resolveLimits() });
    expect(project.timelines[0]!.tempo.length).toBe(0);
    expect(project.timelines[0]!.tempo.points()).toEqual([]);
  });
});
