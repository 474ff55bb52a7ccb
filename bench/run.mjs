#!/usr/bin/env node
// `npm run bench`: generates the inputs (.bench/inputs, deterministic), times every case in bench/README.md
// several times and prints one table. Exit code 0 even when a target fails, unless --strict.
//   --huge       add case 2, the 1 GB-XML set (generating it takes minutes the first time)
//   --quick      small inputs, few runs: tries the bench out; the figures do not meet the targets' sizes
//   --only 1,3a  only these cases (ids as in the table; "3" matches 3a and 3b)
//   --strict     exit 1 when a target fails or a case cannot run
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { tsImport } from 'tsx/esm/api';
import { bundleRows } from './cases/bundles.mjs';
import { cliRows } from './cases/cli.mjs';
import { flpParseRows, inflateRows, tempoMapRows } from './cases/in-process.mjs';
import { rssMethod } from './measure.mjs';
import { anyFailed, formatTable } from './table.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { values: flags } = parseArgs({ options: { huge: { type: 'boolean' }, quick: { type: 'boolean' }, strict: { type: 'boolean' }, only: { type: 'string' } } });
const only = flags.only?.split(',').map((s) => s.trim());
const wanted = (id) => !only || only.some((o) => id === o || id.startsWith(o));
const log = (line) => process.stderr.write(`bench: ${line}\n`);

const RUNS = flags.quick
  ? { big: 3, huge: 1, small: 5, fixture: 3, tempoMap: 3, flp: 3, inflate: 1, bundles: 3 }
  : { big: 5, huge: 3, small: 15, fixture: 7, tempoMap: 5, flp: 5, inflate: 3, bundles: 5 };
const TEMPO_MAP = flags.quick ? { breakpoints: 100_000, markers: 1_000 } : { breakpoints: 1_000_000, markers: 10_000 };

log('building dist/ (node build.mjs) so that the CLI measured is the current code');
execFileSync(process.execPath, ['build.mjs'], { cwd: ROOT, stdio: 'inherit' });

const { ensureInputs, FULL_SIZES, QUICK_SIZES } = await tsImport('./inputs/index.ts', import.meta.url);
const inputs = await ensureInputs(join(ROOT, '.bench', 'inputs', flags.quick ? 'quick' : 'full'), flags.quick ? QUICK_SIZES : FULL_SIZES, flags.huge === true, log);
const fixturePath = join(ROOT, 'test/fixtures/large/michelle-live12.3.als');
const fixture = existsSync(fixturePath)
  ? { file: fixturePath, bytes: readFileSync(fixturePath).length, xmlBytes: gunzipSync(readFileSync(fixturePath)).length, expected: { markers: 0, tempoPoints: 1 } }
  : null;

const started = performance.now();
const load0 = loadavg()[0];
const rows = [];
const add = (more) => {
  for (const r of more) {
    rows.push(r);
    log(`${r.id} ${r.name}: ${r.error ? `ERROR ${r.error}` : r.skipped ? 'skipped' : r.pass === false ? 'FAIL' : 'done'}`);
  }
};

const cli = join(ROOT, 'dist/cli.cjs');
for (const r of cliRows(cli, inputs, { runs: RUNS, fixture, wanted })) add([r]);
if (wanted('4')) add(tempoMapRows({ ...TEMPO_MAP, runs: RUNS.tempoMap }));
if (wanted('5a')) add(flpParseRows(inputs.flpBig, RUNS.flp));
let bundleOutput = '';
if (wanted('6')) {
  const b = bundleRows(RUNS.bundles);
  add(b.rows);
  bundleOutput = b.output;
}
if (wanted('7')) add(inflateRows(inputs.big, RUNS.inflate));

rows.sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
const seconds = ((performance.now() - started) / 1000).toFixed(0);
console.log(`dawstamps bench — node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), load average ${load0.toFixed(1)} → ${loadavg()[0].toFixed(1)}, ${seconds} s`);
console.log(`times: median of several runs (whole processes: ${RUNS.big} for big sets, ${RUNS.small} for small, interleaved with the floor); peak RSS: ${rssMethod}`);
if (load0 > cpus().length) console.log(`the machine was busy (load average ${load0.toFixed(1)} on ${cpus().length} CPUs): wall times are inflated; the cpu figures (user + system) are steadier`);
if (flags.quick) console.log('--quick: small inputs, few runs; sizes are below what the targets ask, so pass/fail here means little');
console.log('');
console.log(formatTable(rows));
if (bundleOutput) console.log(`\ncase 6, bench/lambda-bundles.mjs:\n${bundleOutput}`);
if (flags.strict && anyFailed(rows)) process.exitCode = 1;
