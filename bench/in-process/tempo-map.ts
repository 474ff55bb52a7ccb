/**
 * Tempo map case, in one process: a Project with `breakpoints` tempo points (a 3-hour set: one
 * every 0.02 beats) and `markers` locators through timeProject (build the map once, time every
 * marker), in both timing models, straight and Bezier-curved. Prints JSON rows for bench/run.mjs.
 * Usage: node --import tsx bench/in-process/tempo-map.ts BREAKPOINTS MARKERS RUNS
 */
import { timeProject } from '../../lib';
import { makeProject } from '../../test/helpers/project';
import type { Project, ProjectMarker, TempoPoint } from '../../lib/model';
import { makeRandom } from '../../test/helpers/als-junk';
import { timeRuns } from './timing';

const [breakpoints = 1_000_000, markers = 10_000, runs = 5] = process.argv.slice(2).map(Number);
const SPACING = 0.02;

function envelope(curved: boolean, seed: number): TempoPoint[] {
  const r = makeRandom(seed);
  const points: TempoPoint[] = [{ beat: -63072000, bpm: 124 }];
  for (let i = 0; i < breakpoints - 1; i++) {
    const p: TempoPoint = { beat: i * SPACING, bpm: 60 + r() * 140 };
    if (curved) p.curve = { c1x: r(), c1y: r(), c2x: r(), c2y: r() };
    points.push(p);
  }
  return points;
}

function project(tempo: TempoPoint[], seed: number): Project {
  const r = makeRandom(seed);
  const last = breakpoints * SPACING;
  const list: ProjectMarker[] = Array.from({ length: markers }, (_, i) => ({ name: `Track ${i}`, beat: r() * last, kind: 'locator' as const, tracklist: true }));
  list.sort((a, b) => a.beat - b.beat);
  return makeProject({ staticBpm: 124, tempo, autoTiming: { model: 'stepped', reason: 'bench' }, markers: list, endBeat: last });
}

const rows = [];
for (const curved of [false, true]) {
  const set = project(envelope(curved, curved ? 2 : 1), 3);
  for (const timing of ['stepped', 'continuous'] as const) {
    let count = 0;
    const { ms, min, cpuMs } = timeRuns(runs, () => {
      count = timeProject(set, { timing }).markers.length;
    });
    if (count !== markers) throw new Error(`expected ${markers} markers, got ${count}`);
    rows.push({ name: `tempo map, ${curved ? 'Bezier' : 'straight'}, ${timing}`, input: `${breakpoints.toLocaleString('en')} pts, ${markers.toLocaleString('en')} markers`, ms, min, cpuMs });
  }
}
console.log(JSON.stringify(rows));
