/**
 * Parse once, time anywhere, in figures: a set with 100,000 tempo breakpoints is parsed once; then
 * its stored project document is read back and timed and exported with new options, in process
 * and through the API (a done job on the local adapters, GET …/export/text?timing=continuous&start=#2).
 * Prints medians of `RUNS`. Run: npx tsx bench/stored-project.ts [BREAKPOINTS] [RUNS]
 */
import { performance } from 'node:perf_hooks';
import { convert, exportResult, parseProject, projectFromJson, projectToJson, timeProject } from '../lib';
import { buildAls } from '../test/helpers/als-builder';
import { postUpload } from '../test/helpers/functions/form';
import { createJob, localHarness } from '../test/helpers/functions/local-app';
import { tempoSet } from './inputs/ableton';

const [breakpoints = 100_000, runs = 7] = process.argv.slice(2).map(Number);
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
async function time(label: string, fn: () => unknown): Promise<number> {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  console.log(`${label.padEnd(58)} ${median(ms).toFixed(1).padStart(8)} ms`);
  return median(ms);
}

const set = buildAls(tempoSet(breakpoints).options);
const options = { timing: 'continuous' as const, start: '#2' };
console.log(`${breakpoints.toLocaleString('en')} tempo breakpoints, ${(set.length / 1e6).toFixed(1)} MB .als; median of ${runs}`);
await time('convert(file) — what every export cost before', () => convert(set, options));
const project = await parseProject(set);
const text = JSON.stringify(projectToJson(project));
console.log(`${'stored project document'.padEnd(58)} ${(text.length / 1e6).toFixed(2).padStart(8)} MB`);
await time('projectFromJson(JSON.parse(document)) — read it back', () => projectFromJson(JSON.parse(text)));
await time('timeProject + exportResult(text) — a new export', () => exportResult(timeProject(project, { ...options, tempoPoints: false }), 'text'));

const h = await localHarness();
try {
  const job = (await (await createJob(h, { filename: 'tempo.als' })).json()) as { jobId: string; upload: { url: string; fields: Record<string, string> } };
  await postUpload(job.upload.url, job.upload.fields, set, 'tempo.als', (url, init) => h.request(String(url), init));
  await h.queue.idle();
  const path = `/v1/jobs/${job.jobId}/export/text?timing=continuous&start=%232`;
  const first = performance.now();
  const res = await h.request(path);
  if (res.status !== 200) throw new Error(`export: ${res.status} ${await res.text()}`);
  console.log(`${'API export, first (reads the stored project)'.padEnd(58)} ${(performance.now() - first).toFixed(1).padStart(8)} ms`);
  await time('API export, then (the project kept in memory)', async () => (await h.request(path)).text());
} finally {
  await h.close();
}
