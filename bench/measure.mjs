// Times whole processes and reads their peak RSS. Peak RSS comes from GNU time (`/usr/bin/time -f %M`)
// when it is installed, else from a preloaded probe that writes process.resourceUsage().maxRSS at exit.
// Both sides of a comparison go through the same wrapper, so its cost cancels out of the ratio.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// BENCH_NO_GNU_TIME=1 takes the probe path even where GNU time exists (to check it).
const GNU_TIME = process.env.BENCH_NO_GNU_TIME ? '' : '/usr/bin/time';
const PROBE = fileURLToPath(new URL('./rss-probe.cjs', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'dawstamps-bench-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));

/** How peak RSS is measured on this machine (printed under the table). */
export const rssMethod = existsSync(GNU_TIME) ? 'GNU time (%M; cpu = %U + %S)' : 'process.resourceUsage() at exit';

/** The middle value (the lower middle for an even count). */
export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

/**
 * A program run as itself rather than as `node FILE`: its shebang (and the V8 flags there) apply,
 * as when a user types `dawstamps`. Put it first in a runNode/compare argument list.
 */
export const direct = (file) => ({ direct: file });

/**
 * Runs `node ...args` (or, when args[0] is `direct(file)`, that file itself) once; returns wall time
 * (ms), peak RSS (KB), CPU time (ms), exit status and, when `capture`, stdout (else it goes to
 * /dev/null). Node children only: the probe is a node --require.
 */
export function runNode(args, { capture = false, cwd } = {}) {
  const rssFile = join(scratch, 'rss');
  rmSync(rssFile, { force: true });
  const self = typeof args[0] === 'object' ? args[0].direct : null;
  const program = self ? [self, ...args.slice(1)] : [process.execPath, ...args];
  // the node running the bench is the one a shebang's `env node` finds
  const env = { ...process.env, BENCH_RSS_FILE: rssFile, PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}` };
  let cmd;
  let argv;
  if (GNU_TIME) [cmd, argv] = [GNU_TIME, ['-f', '%M %U %S', '-o', rssFile, ...program]];
  else if (self) [cmd, argv, env.NODE_OPTIONS] = [self, args.slice(1), `--require ${PROBE}`];
  else [cmd, argv] = [process.execPath, ['--require', PROBE, ...args]];
  const t = performance.now();
  const r = spawnSync(cmd, argv, { cwd, env, stdio: ['ignore', capture ? 'pipe' : 'ignore', 'pipe'], maxBuffer: 1 << 30 });
  const ms = performance.now() - t;
  // the last line: "peakKB userSeconds systemSeconds" (GNU time may put a status line before it)
  const [rssKB, user, sys] = existsSync(rssFile) ? readFileSync(rssFile, 'utf8').trim().split('\n').pop().split(' ').map(Number) : [];
  return { ms, rssKB: rssKB ?? Number.NaN, cpuMs: ((user ?? Number.NaN) + (sys ?? Number.NaN)) * 1000, status: r.status, stdout: capture ? r.stdout.toString('utf8') : '', stderr: r.stderr.toString('utf8') };
}

/**
 * Runs `measured` and `floor` (node argument lists) `runs` times each, interleaved so that load from
 * other processes hits both alike, after one unmeasured warm-up of each (file cache, code cache).
 */
export function compare(measured, floor, runs) {
  runNode(measured);
  runNode(floor);
  const m = [];
  const f = [];
  for (let i = 0; i < runs; i++) {
    m.push(runNode(measured));
    f.push(runNode(floor));
  }
  const failed = [...m, ...f].find((r) => r.status !== 0);
  if (failed) throw new Error(`a run exited with ${failed.status}: ${failed.stderr.trim().split('\n').slice(-3).join(' | ')}`);
  return {
    ms: median(m.map((r) => r.ms)),
    floorMs: median(f.map((r) => r.ms)),
    rssKB: Math.max(...m.map((r) => r.rssKB)),
    floorRssKB: Math.max(...f.map((r) => r.rssKB)),
    cpuMs: median(m.map((r) => r.cpuMs)),
    floorCpuMs: median(f.map((r) => r.cpuMs)),
  };
}
