#!/usr/bin/env node
// Cold-start figures for the Lambda bundles: minified size and module load time, each with the
// AWS SDK bundled (what ships) and with the SDK left external (what using the runtime's copy
// would load: the unbundled @aws-sdk/@smithy packages from node_modules).
// Targets (issue 7): bundle < 1 MB, module load < 100 ms. Usage: npm run bench:bundles [-- --runs N]
import { execFileSync } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { tsImport } from 'tsx/esm/api';

const { LAMBDA_ENTRIES, LAMBDA_ESBUILD, REPO_ROOT, RUNTIME_SDK_EXTERNALS } =
  await tsImport('../infra/constructs/bundle-options.ts', import.meta.url);

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 9;
const MAX_BYTES = 1024 * 1024;
const MAX_LOAD_MS = 100;
// Inside the repository so that the external-SDK variant resolves node_modules like the runtime would.
const OUT = join(REPO_ROOT, '.bench', 'lambda');

const env = {
  PATH: process.env.PATH ?? '', AWS_REGION: 'us-east-1', BUCKET_NAME: 'bench', UPLOAD_PREFIX: 'uploads/',
  RESULT_PREFIX: 'results/', MAX_UPLOAD_BYTES: '104857600', ALLOWED_ORIGINS: '', API_TOKEN: '',
};

/** Module load (import) time of file in a fresh node process, in ms. */
function loadMs(file) {
  const script = `const t = performance.now(); await import(${JSON.stringify(pathToFileURL(file).href)});
process.stdout.write(String(performance.now() - t));`;
  return Number(execFileSync(process.execPath, ['--no-warnings', '--input-type=module', '-e', script], { env, cwd: OUT }));
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const rows = [];
mkdirSync(OUT, { recursive: true });
// The floor on this machine: importing an empty module in a fresh process.
const empty = join(OUT, 'empty.mjs');
writeFileSync(empty, 'export {};\n');
const floor = median(Array.from({ length: RUNS }, () => loadMs(empty)));
for (const [name, entry] of Object.entries(LAMBDA_ENTRIES)) {
  for (const sdk of ['bundled', 'runtime']) {
    const outfile = join(OUT, `${name}-${sdk}.mjs`);
    await build({
      ...LAMBDA_ESBUILD, entryPoints: [join(REPO_ROOT, entry)], outfile, logLevel: 'silent',
      external: sdk === 'runtime' ? [...RUNTIME_SDK_EXTERNALS] : [],
    });
    loadMs(outfile); // warm the file system cache once
    const times = Array.from({ length: RUNS }, () => loadMs(outfile));
    const bytes = statSync(outfile).size;
    const ms = median(times);
    const ships = sdk === 'bundled';
    rows.push({
      bundle: name, 'aws-sdk': ships ? 'bundled (ships)' : 'from runtime',
      'size KB': (bytes / 1024).toFixed(1), 'load ms (median)': ms.toFixed(1), 'load ms (min)': Math.min(...times).toFixed(1),
      target: ships ? (bytes < MAX_BYTES && ms < MAX_LOAD_MS ? 'pass' : 'FAIL') : '-',
    });
  }
}
console.log(`Lambda bundles: esbuild ${LAMBDA_ESBUILD.target} ${LAMBDA_ESBUILD.format}, minified; node ${process.version}; ${RUNS} runs each`);
console.table(rows);
console.log(`floor (empty module): ${floor.toFixed(1)} ms. Loads are measured on this machine, not in Lambda.`);
console.log(`targets: size < ${MAX_BYTES / 1024} KB, module load < ${MAX_LOAD_MS} ms (shipping variant)`);
if (rows.some((r) => r.target === 'FAIL')) process.exitCode = 1;
