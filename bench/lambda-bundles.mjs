#!/usr/bin/env node
// Cold-start figures for the Lambda bundles, built exactly as the stack builds them
// (infra/bundling/build-lambda.ts): index.mjs plus s3-storage.mjs, the AWS SDK chunk that the first
// storage call imports. For each bundle: sizes, the module load of index.mjs (what Lambda's init
// does: the target), and what the first request adds after it (API: GET /, which builds the app
// and signs with the SDK, no network; worker: the SDK chunk and an S3 client, what the first
// upload needs before its S3 calls). Each with the SDK bundled in the chunk (what ships) and with
// the SDK left external (the nodejs22.x runtime's copy: here the unbundled @aws-sdk/@smithy
// packages from node_modules). Wall and CPU (user + system) time of each phase, in a fresh process.
// Targets: bundle < 1 MB (index.mjs + chunk), module load < 100 ms. Also the page's JavaScript as the
// API bundle ships it (web/*.js with lib's browser bundle dawstamps.js), gzipped: target < 150 KB.
// Measured on Node 20 on the dev box; Lambda runs nodejs22.x on arm64. Usage: npm run bench:bundles [-- --runs N]
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const { LAMBDA_ENTRIES, REPO_ROOT } = await tsImport('../infra/constructs/bundle-options.ts', import.meta.url);
const { buildLambda } = await tsImport('../infra/bundling/build-lambda.ts', import.meta.url);

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 9;
const MAX_BYTES = 1024 * 1024;
const MAX_LOAD_MS = 100;
const MAX_PAGE_JS_GZIP = 150 * 1024;
// Inside the repository so that the external-SDK variant resolves node_modules like the runtime would.
const OUT = join(REPO_ROOT, '.bench', 'lambda');

const env = {
  PATH: process.env.PATH ?? '', AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'bench', AWS_SECRET_ACCESS_KEY: 'bench',
  BUCKET_NAME: 'bench', UPLOAD_PREFIX: 'uploads/', RESULT_PREFIX: 'results/', JOB_PREFIX: 'jobs/',
  MAX_UPLOAD_BYTES: '104857600', ALLOWED_ORIGINS: '', API_TOKEN: '', NODE_NO_WARNINGS: '1',
};

const PAGE_REQUEST = {
  version: '2.0', routeKey: '$default', rawPath: '/', rawQueryString: '', isBase64Encoded: false,
  headers: { host: 'bench.lambda-url.us-east-1.on.aws' },
  requestContext: { domainName: 'bench.lambda-url.us-east-1.on.aws', http: { method: 'GET', path: '/', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'bench' }, requestId: 'r', routeKey: '$default', stage: '$default', timeEpoch: 0 },
};

/** One cold start in a fresh node process: { load, loadCpu, first, firstCpu } in ms (first: null without a first step). */
function coldStart(file, first) {
  const script = `const c0 = process.cpuUsage(), t0 = performance.now();
const m = await import(${JSON.stringify(pathToFileURL(file).href)});
const t1 = performance.now(), c1 = process.cpuUsage(c0);
const cpu = (c) => (c.user + c.system) / 1000;
let first = null, firstCpu = null;
${first ?? ''}
if (${JSON.stringify(Boolean(first))}) { first = performance.now() - t1; firstCpu = cpu(process.cpuUsage(c0)) - cpu(c1); }
process.stdout.write(JSON.stringify({ load: t1 - t0, loadCpu: cpu(c1), first, firstCpu }));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { env: { ...env, LAMBDA_TASK_ROOT: join(file, '..') }, cwd: OUT });
  return JSON.parse(String(out));
}

/** The first step after the load, per bundle. */
function firstStep(name, chunk) {
  if (name === 'api') {
    return `const res = await m.handler(${JSON.stringify(PAGE_REQUEST)}, {});
if (res.statusCode !== 200) throw new Error('GET / answered ' + res.statusCode);`;
  }
  return `const s3 = await import(${JSON.stringify(pathToFileURL(chunk).href)});
s3.createS3Storage(s3.createS3Client({ region: 'us-east-1' }), 'bench');`;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => x.toFixed(1);

/** The page's scripts in a built API bundle's web/: files, bytes, gzipped bytes (level 9, as a server would send them). */
function pageScripts(dir) {
  const files = readdirSync(join(dir, 'web')).filter((f) => f.endsWith('.js'));
  const bodies = files.map((f) => readFileSync(join(dir, 'web', f)));
  return { files, bytes: bodies.reduce((n, b) => n + b.length, 0), gzip: bodies.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0) };
}

const rows = [];
let page = null;
// a fresh folder each run: files of an earlier build (a renamed script) must not be counted
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
// The floor on this machine: importing an empty module in a fresh process.
const empty = join(OUT, 'empty.mjs');
writeFileSync(empty, 'export {};\n');
const floorRuns = Array.from({ length: RUNS }, () => coldStart(empty));
for (const name of Object.keys(LAMBDA_ENTRIES)) {
  for (const sdk of ['bundled', 'runtime']) {
    const b = await buildLambda(name, join(OUT, `${name}-${sdk}`), { sdk });
    if (name === 'api' && sdk === 'bundled') page = pageScripts(b.dir);
    const first = firstStep(name, b.chunk);
    coldStart(b.file, first); // warm the file system cache once
    const runs = Array.from({ length: RUNS }, () => coldStart(b.file, first));
    const load = median(runs.map((r) => r.load));
    const bytes = b.bytes + b.chunkBytes;
    const ships = sdk === 'bundled';
    rows.push({
      bundle: name, 'aws-sdk': ships ? 'bundled (ships)' : 'from runtime',
      // 'size KB', 'load ms (median)' and 'target' are read by bench/cases/bundles.mjs (case 6).
      'size KB': (bytes / 1024).toFixed(1), 'index KB': (b.bytes / 1024).toFixed(1), 'chunk KB': (b.chunkBytes / 1024).toFixed(1),
      'load ms (median)': ms(load), 'load cpu': ms(median(runs.map((r) => r.loadCpu))), 'load ms (min)': ms(Math.min(...runs.map((r) => r.load))),
      'first req ms': ms(median(runs.map((r) => r.first))), 'first req cpu': ms(median(runs.map((r) => r.firstCpu))),
      target: ships ? (bytes < MAX_BYTES && load < MAX_LOAD_MS ? 'pass' : 'FAIL') : '-',
    });
  }
}
console.log(`Lambda bundles: esbuild node22 esm, minified; node ${process.version} (Lambda: nodejs22.x arm64); ${RUNS} runs each, medians`);
console.table(rows);
console.log(`floor (empty module): ${ms(median(floorRuns.map((r) => r.load)))} ms, cpu ${ms(median(floorRuns.map((r) => r.loadCpu)))} ms. Measured on this machine, not in Lambda.`);
console.log('size = index.mjs + chunk; load = import of index.mjs (Lambda init); first req = what the first request adds: API GET / (app + SDK chunk + signing, no network), worker SDK chunk + S3 client.');
console.log(`targets: index.mjs + chunk < ${MAX_BYTES / 1024} KB, module load < ${MAX_LOAD_MS} ms (shipping variant)`);
const pagePass = page !== null && page.gzip < MAX_PAGE_JS_GZIP;
console.log(`page JavaScript (the API bundle's web/*.js, lib's browser bundle included): ${page?.files.length ?? 0} files, ${((page?.bytes ?? 0) / 1024).toFixed(1)} KB, `
  + `${((page?.gzip ?? 0) / 1024).toFixed(1)} KB gzipped; target < ${MAX_PAGE_JS_GZIP / 1024} KB gzipped: ${pagePass ? 'pass' : 'FAIL'}`);
if (rows.some((r) => r.target === 'FAIL') || !pagePass) process.exitCode = 1;
