/**
 * FL Studio parse rate, in one process: readFlp over a generated project held in memory.
 * Prints JSON rows for bench/run.mjs. Usage: node --import tsx bench/in-process/flp-parse.ts FILE MARKERS RUNS
 */
import { readFileSync } from 'node:fs';
import { resolveLimits } from '../../lib/limits';
import { readFlp } from '../../lib/readers/flstudio';
import { timeRuns } from './timing';

const [file = '', markersArg = '0', runsArg = '5'] = process.argv.slice(2);
const bytes = new Uint8Array(readFileSync(file));
const limits = resolveLimits({ maxFileBytes: Math.max(bytes.length, 1) });
let markers = 0;
const { ms, min, cpuMs } = timeRuns(Number(runsArg), () => {
  const project = readFlp(bytes, { limits });
  markers = project.timelines[project.defaultTimeline]!.markers.length;
});
if (markers !== Number(markersArg)) throw new Error(`expected ${markersArg} markers, got ${markers}`);
const mbPerS = (bytes.length / 1e6) / (ms / 1000);
console.log(JSON.stringify([{ name: 'FL Studio parse (readFlp)', input: `${(bytes.length / 1e6).toFixed(1)} MB .flp`, ms, min, cpuMs, rate: mbPerS }]));
