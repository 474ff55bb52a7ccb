/**
 * pako vs node:zlib on the same .als, in one process: each inflater alone (output dropped) and
 * convert() with each, against one zlib.gunzipSync of the whole file (the floor).
 * Prints JSON rows for bench/run.mjs. Usage: node --import tsx bench/in-process/inflate.ts FILE RUNS
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { convert, type Inflate } from '../../lib';
import { pakoInflate } from '../../lib/inflate';
import { zlibInflate } from '../../functions/node/zlib-inflate';
import { timeRuns, timeRunsAsync } from './timing';

const [file = '', runsArg = '3'] = process.argv.slice(2);
const runs = Number(runsArg);
const gzip = new Uint8Array(readFileSync(file));
const input = `${(gzip.length / 1e6).toFixed(1)} MB gzip`;

const floor = timeRuns(runs, () => {
  gunzipSync(gzip);
});
const rows = [{ name: 'inflate: zlib.gunzipSync, whole', input, ms: floor.ms, min: floor.min, cpuMs: floor.cpuMs, floorMs: floor.ms }];
const inflaters: Array<[string, Inflate]> = [['node:zlib stream', zlibInflate], ['pako', pakoInflate]];
for (const [label, inflate] of inflaters) {
  let bytes = 0;
  const alone = await timeRunsAsync(runs, async () => {
    bytes = 0;
    await inflate(gzip, (chunk) => {
      bytes += chunk.length;
    });
  });
  rows.push({ name: `inflate: ${label}, chunks dropped`, input, ms: alone.ms, min: alone.min, cpuMs: alone.cpuMs, floorMs: floor.ms });
  const whole = await timeRunsAsync(runs, async () => {
    await convert(gzip, { inflate });
  });
  rows.push({ name: `inflate: convert() with ${label}`, input, ms: whole.ms, min: whole.min, cpuMs: whole.cpuMs, floorMs: floor.ms });
  if (bytes === 0) throw new Error(`${label} gave no output`);
}
console.log(JSON.stringify(rows));
