/**
 * Tempo map cost (target: 1,000,000 breakpoints + 10,000 markers in under 1 s, both models).
 * Builds Projects in memory (no file reading) and times timeProject, median of 5 runs.
 * Run: npx tsx bench/tempo-map.ts
 */
import { timeProject } from '../lib';
import { makeProject } from '../test/helpers/project';
import type { Project, TempoPoint } from '../lib/model';

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

function project(tempo: TempoPoint[], lastBeat: number, markers: number, seed: number): Project {
  const r = random(seed);
  return makeProject({
    tempo,
    autoTiming: { model: 'stepped', reason: 'bench' },
    markers: Array.from({ length: markers }, (_, i) => ({ name: `M${i}`, beat: r() * lastBeat, kind: 'locator' as const, tracklist: true })),
    endBeat: lastBeat,
  });

}

function envelope(count: number, spacing: number, curved: boolean, seed: number): TempoPoint[] {
  const r = random(seed);
  const points: TempoPoint[] = [{ beat: -63072000, bpm: 120 }];
  for (let i = 0; i < count - 1; i++) {
    const p: TempoPoint = { beat: i * spacing, bpm: 60 + r() * 140 };
    if (curved) p.curve = { c1x: r(), c1y: r(), c2x: r(), c2y: r() };
    points.push(p);
  }
  return points;
}

const cases: Array<[string, TempoPoint[], number]> = [
  ['1e6 straight, dense (3-hour set)', envelope(1_000_000, 0.02, false, 1), 20_000],
  ['1e6 straight, sparse (40 steps each)', envelope(1_000_000, 10, false, 2), 1e7],
  ['1e6 curved, dense', envelope(1_000_000, 0.02, true, 3), 20_000],
  ['1e6 curved, sparse (400 steps each)', envelope(1_000_000, 100, true, 4), 1e8],
  ['1 hostile ramp to beat 1e9', [{ beat: 0, bpm: 120 }, { beat: 1e9, bpm: 60 }], 1e9],
];

console.log('case'.padEnd(40), 'model'.padEnd(11), 'median ms', ' min ms');
for (const [name, tempo, lastBeat] of cases) {
  const set = project(tempo, lastBeat, 10_000, 7);
  for (const timing of ['stepped', 'continuous'] as const) {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      timeProject(set, { timing });
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    console.log(name.padEnd(40), timing.padEnd(11), times[2]!.toFixed(1).padStart(9), times[0]!.toFixed(1).padStart(7));
  }
}
