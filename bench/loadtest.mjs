// npm run loadtest: 200 concurrent jobs through `npm start`'s server on loopback (create → upload →
// process → fetch), every result checked against test/fixtures/expected.json, then the job
// status endpoint at 500 requests/s (open loop, latency from each request's scheduled time) with its
// latency percentiles, printed as a table with PASS/FAIL. Bounded in count and time (a 6-minute
// watchdog); loopback only. Exits 1 when a job fails, a result is wrong, or the status p99 is ≥ 50 ms.
// LOADTEST_JOBS, LOADTEST_RATE, LOADTEST_SECONDS override the defaults (200, 500, 10).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const FIXTURES = join(REPO, 'test', 'fixtures');
const JOBS = Number(process.env.LOADTEST_JOBS ?? 200);
const RATE = Number(process.env.LOADTEST_RATE ?? 500);
const SECONDS = Number(process.env.LOADTEST_SECONDS ?? 10);
const DEADLINE_MS = 180_000;
// Mixed sizes: 4 KB … 630 KB Ableton sets, FL Studio projects, and the 4 MB Live 12.3 set.
const MIX = ['ableton/automation.als', 'ableton/example-120.als', 'ableton/live9-automation.als', 'flstudio/complex.flp', 'flstudio/fl-test.flp', 'large/michelle-live12.3.als'];

const expected = JSON.parse(readFileSync(join(FIXTURES, 'expected.json'), 'utf8')).files;
const files = MIX.map((path) => ({ path, bytes: readFileSync(join(FIXTURES, path)), markers: expected[path].markers }));

const freePort = () => new Promise((resolve) => {
  const s = createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
});
const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const ms = (x) => `${x.toFixed(1)} ms`;

async function startServer(dataDir, port) {
  const child = spawn(process.execPath, ['dist/server.js'], { cwd: REPO, env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => { if (String(d).includes(`:${port}`)) resolve(); });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    setTimeout(() => reject(new Error('server did not start in 20 s')), 20_000).unref();
  });
  return child;
}

const step = (name, promise) => promise.catch((e) => { e.message = `${name}: ${e.message}`; throw e; });

async function oneJob(base, file, index) {
  const started = performance.now();
  const name = `${index}-${file.path.split('/').pop()}`;
  const created = await step('create', fetch(`${base}/v1/jobs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ filename: name, size: file.bytes.length }) }));
  if (created.status !== 201) throw new Error(`create: ${created.status}`);
  const job = await created.json();
  const form = new FormData();
  for (const [k, v] of Object.entries(job.upload.fields)) form.append(k, v);
  form.append('file', new Blob([file.bytes]), name);
  const up = await step('upload', fetch(job.upload.url, { method: 'POST', body: form }));
  if (up.status !== 204) throw new Error(`upload: ${up.status}`);
  for (;;) {
    const status = await (await step('status', fetch(`${base}/v1/jobs/${job.jobId}`))).json();
    if (status.status === 'failed') throw new Error(`failed: ${status.error.code}`);
    if (status.status === 'done') {
      const got = status.result.markers;
      const want = file.markers;
      const ok = got.length === want.length && got.every((m, i) => m.name === want[i].name && Math.abs(m.seconds - want[i].seconds) <= 0.001);
      if (!ok) throw new Error(`wrong markers for ${file.path}`);
      return { jobId: job.jobId, ms: performance.now() - started };
    }
    if (performance.now() - started > DEADLINE_MS) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Open loop: request i is due at start + i/RATE whatever happened before, and its latency counts
 * from that due time (a stalled server cannot hide its queueing by slowing the sender down).
 * Every tenth request polls a job still waiting for its upload (record + upload head in storage);
 * the rest poll finished jobs.
 */
async function statusLoad(base, doneIds, waitingIds) {
  const latencies = [];
  let errors = 0;
  const total = RATE * SECONDS;
  const interval = 1000 / RATE;
  const start = performance.now();
  const pending = [];
  for (let i = 0; i < total; i++) {
    const due = start + i * interval;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const id = i % 10 === 9 && waitingIds.length ? waitingIds[i % waitingIds.length] : doneIds[i % doneIds.length];
    pending.push(fetch(`${base}/v1/jobs/${id}`).then(async (res) => {
      await res.arrayBuffer();
      if (res.status !== 200) errors += 1;
      latencies.push(performance.now() - due);
    }, () => { errors += 1; }));
  }
  await Promise.all(pending);
  const elapsed = (performance.now() - start) / 1000;
  return { latencies: latencies.sort((a, b) => a - b), errors, rate: total / elapsed };
}

/** Jobs created but never uploaded: their status costs a record read and an upload head. */
async function waitingJobs(base, n) {
  const ids = [];
  for (let i = 0; i < n; i++) {
    const res = await fetch(`${base}/v1/jobs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ filename: `waiting-${i}.als` }) });
    ids.push((await res.json()).jobId);
  }
  return ids;
}

const rows = [];
const row = (check, figure, target, pass) => rows.push({ check, figure, target, pass });
function printTable() {
  const w = [Math.max(...rows.map((r) => r.check.length)), Math.max(...rows.map((r) => r.figure.length)), Math.max(...rows.map((r) => r.target.length))];
  const line = (a, b, c, d) => `| ${a.padEnd(w[0])} | ${b.padEnd(w[1])} | ${c.padEnd(w[2])} | ${d.padEnd(4)} |`;
  console.log(line('check', 'measured', 'target', 'pass'));
  console.log(`|${'-'.repeat(w[0] + 2)}|${'-'.repeat(w[1] + 2)}|${'-'.repeat(w[2] + 2)}|------|`);
  for (const r of rows) console.log(line(r.check, r.figure, r.target, r.pass === null ? '' : r.pass ? 'PASS' : 'FAIL'));
}

const dataDir = mkdtempSync(join(tmpdir(), 'dawstamps-load-'));
const port = await freePort();
const server = await startServer(dataDir, port);
const base = `http://127.0.0.1:${port}`;
// Bounded in time whatever happens: the whole run stops after 6 minutes.
const watchdog = setTimeout(() => { console.error('loadtest: over 6 minutes, giving up'); server.kill('SIGKILL'); process.exit(1); }, 360_000);
watchdog.unref();
let failed = false;
try {
  const t0 = performance.now();
  const outcomes = await Promise.allSettled(Array.from({ length: JOBS }, (_, i) => oneJob(base, files[i % files.length], i)));
  const wall = (performance.now() - t0) / 1000;
  const done = outcomes.filter((o) => o.status === 'fulfilled').map((o) => o.value);
  const errs = outcomes.filter((o) => o.status === 'rejected').map((o) => `${o.reason?.message ?? o.reason}${o.reason?.cause ? ` (${o.reason.cause.code ?? o.reason.cause.message})` : ''}`);
  const times = done.map((d) => d.ms).sort((a, b) => a - b);
  const mb = files.reduce((a, f, i) => a + f.bytes.length * Math.ceil((JOBS - i) / files.length), 0) / 1024 / 1024;
  console.log(`jobs: ${JOBS} concurrent, ${files.length} fixtures (${files.map((f) => `${(f.bytes.length / 1024).toFixed(0)} KB`).join(', ')}), ${mb.toFixed(0)} MB uploaded`);
  for (const e of [...new Set(errs)].slice(0, 5)) console.log(`  error: ${e}`);
  row('jobs create→upload→process→fetch', `${done.length}/${JOBS} correct`, `${JOBS}/${JOBS}`, done.length === JOBS);
  row('job errors', String(errs.length), '0', errs.length === 0);
  row('jobs wall time', `${wall.toFixed(1)} s`, '', null);
  if (times.length) row('create→done per job p50 / p99 / max', `${ms(pct(times, 50))} / ${ms(pct(times, 99))} / ${ms(times[times.length - 1])}`, '', null);
  if (errs.length || done.length !== JOBS) failed = true;

  if (done.length) {
    const load = await statusLoad(base, done.map((d) => d.jobId), await waitingJobs(base, 20));
    const p99 = pct(load.latencies, 99);
    row('status requests', `${load.latencies.length} at ${load.rate.toFixed(0)}/s for ${SECONDS} s`, `${RATE}/s`, load.rate >= RATE * 0.95);
    row('status errors', String(load.errors), '0', load.errors === 0);
    row('status p50', ms(pct(load.latencies, 50)), '', null);
    row('status p95', ms(pct(load.latencies, 95)), '', null);
    row('status p99', ms(p99), '< 50 ms', p99 < 50);
    row('status max', ms(load.latencies[load.latencies.length - 1]), '', null);
    if (load.errors || !(p99 < 50) || load.rate < RATE * 0.95) failed = true;
  }
  printTable();
  console.log(failed ? 'FAIL' : 'PASS: 0 errors, every result correct, status p99 < 50 ms');
} finally {
  server.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
