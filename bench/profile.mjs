#!/usr/bin/env node
// Where a CLI run spends its time: bundles the CLI unminified (names kept), runs it once under
// `node --cpu-prof` and prints the functions with the most self time, grouped by function.
// Usage: node bench/profile.mjs FILE [CLI options…]   (e.g. .bench/inputs/big.als --format json)
// Main thread only: node:zlib's streaming inflate runs on the libuv pool and shows up as (idle).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, '.bench', 'profile');
const args = process.argv.slice(2);
if (args.length === 0) {
  console.error('usage: node bench/profile.mjs FILE [CLI options…]');
  process.exit(1);
}

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
const cli = join(OUT, 'cli.mjs');
await build({ entryPoints: [join(ROOT, 'functions/cli/main.ts')], outfile: cli, bundle: true, platform: 'node', target: 'node20', format: 'esm', minify: false, keepNames: true, logLevel: 'warning' });

const t = performance.now();
const run = spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', OUT, cli, ...args], { stdio: ['ignore', 'ignore', 'inherit'] });
const wall = performance.now() - t;
if (run.status !== 0) console.error(`the CLI exited with ${run.status}`);

// esbuild marks where each source file starts in an unminified bundle ("// lib/xml/extractor.ts")
const starts = readFileSync(cli, 'utf8').split('\n').flatMap((line, i) => (/^\/\/ [\w@./-]+\.[cm]?[jt]s$/.test(line) ? [[i, line.slice(3)]] : []));
const sourceOf = (line) => starts.findLast(([at]) => at <= line)?.[1] ?? '?';

const profile = JSON.parse(readFileSync(join(OUT, readdirSync(OUT).find((f) => f.endsWith('.cpuprofile'))), 'utf8'));
// self time per node: the samples that landed on it, each worth its time delta
const self = new Map();
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const byFunction = new Map();
for (const node of profile.nodes) {
  const { functionName, url, lineNumber } = node.callFrame;
  const file = url.startsWith('file:') ? relative(ROOT, fileURLToPath(url)) : url;
  const where = !file ? '' : url.startsWith('file:') && fileURLToPath(url) === cli ? `${sourceOf(lineNumber)} (bundle line ${lineNumber + 1})` : `${file}:${lineNumber + 1}`;
  const key = `${functionName || '(anonymous)'} ${where}`.trim();
  byFunction.set(key, (byFunction.get(key) ?? 0) + (self.get(node.id) ?? 0));
}
const total = [...byFunction.values()].reduce((a, b) => a + b, 0);
console.log(`wall ${wall.toFixed(0)} ms (with profiling overhead); sampled ${(total / 1000).toFixed(0)} ms on the main thread`);
console.log('self ms   share  function  source (line in .bench/profile/cli.mjs)');
for (const [key, us] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
  console.log(`${(us / 1000).toFixed(0).padStart(7)}  ${((100 * us) / total).toFixed(1).padStart(5)}%  ${key}`);
}
