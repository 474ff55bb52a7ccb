/** tempoVertices (lib/tempo-drawing.ts): the page's tempo line, from lib's tempo map and envelope. */
import { describe, expect, it } from 'vitest';
import { timeProject, type TempoPoint } from '../../lib';
import { createTempoMap } from '../../lib/tempo';
import { tempoVertices } from '../../lib/tempo-drawing';
import { makeProject } from '../helpers/project';

const marker = (beat: number, name = `at ${beat}`) => ({ name, beat, kind: 'locator' as const, tracklist: true });

/** 120 BPM to beat 8, a ramp to 140 at 16, held to 24, a jump to 90, a curve down to 60 at 32. */
const tempo: TempoPoint[] = [
  { beat: -63072000, bpm: 120 }, { beat: 8, bpm: 120 }, { beat: 16, bpm: 140 }, { beat: 24, bpm: 140 },
  { beat: 24, bpm: 90, curve: { c1x: 0.1, c1y: 0.9, c2x: 0.2, c2y: 1 } }, { beat: 32, bpm: 60 },
];
const project = makeProject({ tempo, autoTiming: { model: 'continuous', reason: 'test' }, markers: [marker(0), marker(4), marker(40)] });

describe('tempoVertices', () => {
  it('runs from one time to the other, in time order, on lib\'s tempo map', () => {
    for (const timing of ['continuous', 'stepped'] as const) {
      const result = timeProject(project, { timing });
      const map = createTempoMap(project.timelines[0]!.tempo, { staticBpm: 120, model: timing, step: 0.25 });
      const vertices = tempoVertices(project, result, 0, 25);
      expect(vertices[0]).toEqual([0, 120]);
      expect(vertices.at(-1)![0]).toBeCloseTo(25, 9);
      for (let i = 1; i < vertices.length; i++) expect(vertices[i]![0]).toBeGreaterThanOrEqual(vertices[i - 1]![0]);
      // every vertex lies on the map: its BPM is the envelope's at the beat of its time (jumps: either side)
      for (const [seconds, bpm] of vertices) {
        const beat = map.beatAt(seconds);
        const near = [map.bpmAt(beat), map.bpmAt(beat - 1e-9), map.bpmAt(beat + 1e-9)];
        expect(Math.min(...near.map((v) => Math.abs(v - bpm)))).toBeLessThan(1e-4);
      }
    }
  });

  it('draws a jump as two vertices at one time, and a ramp and a curve with vertices inside', () => {
    const result = timeProject(project, { timing: 'continuous' });
    const map = createTempoMap(project.timelines[0]!.tempo, { staticBpm: 120, model: 'continuous', step: 0.25 });
    const vertices = tempoVertices(project, result, 0, map.seconds(40));
    const atJump = vertices.filter(([t]) => Math.abs(t - map.seconds(24)) < 1e-9).map(([, bpm]) => bpm);
    expect(atJump).toEqual([140, 90]);
    const ramp = vertices.filter(([t]) => t > map.seconds(8) && t < map.seconds(16));
    expect(ramp.length).toBeGreaterThan(5);
    // the curve is not the straight line from 90 to 60: its handles pull it down early
    const curve = vertices.filter(([t]) => t > map.seconds(24) && t < map.seconds(32));
    expect(curve.length).toBeGreaterThan(20);
    const straight = (t: number): number => 90 - 30 * ((map.beatAt(t) - 24) / 8);
    expect(Math.max(...curve.map(([t, bpm]) => Math.abs(bpm - straight(t))))).toBeGreaterThan(3);
  });

  it('measures from the result\'s start', () => {
    const result = timeProject(project, { timing: 'continuous', start: '#2' });
    const vertices = tempoVertices(project, result, -2, 1);
    expect(vertices[0]![0]).toBeCloseTo(-2, 9);
    expect(vertices.at(-1)![0]).toBeCloseTo(1, 9);
    expect(vertices.every(([, bpm]) => bpm === 120)).toBe(true);
  });

  it('thins a long envelope and keeps its lowest and highest tempo', () => {
    const points: TempoPoint[] = Array.from({ length: 100_001 }, (_, i) => ({ beat: i, bpm: 120 + 10 * Math.sin(i / 7) + (i === 60_000 ? 50 : 0) }));
    const long = makeProject({ tempo: points, markers: [marker(0)] });
    const result = timeProject(long, {});
    const vertices = tempoVertices(long, result, 0, 49_000);
    expect(vertices.length).toBeLessThanOrEqual(2100);
    const bpms = vertices.map(([, bpm]) => bpm);
    expect(Math.max(...bpms)).toBeCloseTo(Math.max(...points.map((p) => p.bpm)), 6);
    expect(Math.min(...bpms)).toBeCloseTo(Math.min(...points.map((p) => p.bpm)), 6);
  });

  it('draws a static tempo as a flat line', () => {
    const still = makeProject({ staticBpm: 128, markers: [marker(0), marker(64)] });
    expect(tempoVertices(still, timeProject(still, {}), 0, 30)).toEqual([[0, 128], [30, 128]]);
  });
});
