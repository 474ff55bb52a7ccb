/**
 * `npm start`'s server for the page tests: dist/server.js and lib's browser bundle dist/web/ (built
 * first when missing or older than their sources) on a free port with a temporary DATA_DIR,
 * stopped by `stop()`.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
const SERVER = join(ROOT, 'dist/server.js');
const LOCK = join(tmpdir(), 'dawstamps-build.lock');

export interface PageServer {
  url: string;
  dataDir: string;
  /** Everything the server printed (for failure messages). */
  output(): string;
  stop(): Promise<void>;
}

function newestMtime(path: string): number {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = 0;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

function isStale(): boolean {
  if (!existsSync(SERVER) || !existsSync(join(ROOT, 'dist/web/dawstamps.js'))) return true;
  const built = statSync(SERVER).mtimeMs;
  return ['lib', 'functions', 'build.mjs', 'package.json'].some((p) => newestMtime(join(ROOT, p)) > built);
}

/** Runs `npm run build` when dist/server.js is missing or stale (one test file at a time). */
export async function ensureBuilt(): Promise<void> {
  if (!isStale()) return;
  const deadline = Date.now() + 180_000;
  let fd: number | null = null;
  while (fd === null) {
    try {
      fd = openSync(LOCK, 'wx');
    } catch {
      // a lock left by a killed run: builds take seconds, so one older than 5 minutes is dead
      try {
        if (Date.now() - statSync(LOCK).mtimeMs > 300_000) rmSync(LOCK, { force: true });
      } catch {
        // released meanwhile
      }
      if (Date.now() > deadline) throw new Error(`Waited 3 minutes for ${LOCK}; delete it if no build is running.`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    if (isStale()) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'pipe', timeout: 170_000 });
  } finally {
    closeSync(fd);
    unlinkSync(LOCK);
  }
}

async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => (typeof address === 'object' && address ? ok(address.port) : fail(new Error('no port'))));
    });
  });
}

async function waitHealthy(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited with ${child.exitCode}:\n${output()}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`The server did not answer /healthz within 20 s:\n${output()}`);
}

/** Builds when needed and starts the local server; `env` adds variables (API_TOKEN…). */
export async function startPageServer(env: Record<string, string> = {}): Promise<PageServer> {
  await ensureBuilt();
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'dawstamps-web-'));
  let log = '';
  const child = spawn(process.execPath, [SERVER], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, API_TOKEN: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const output = (): string => log;
  await waitHealthy(url, child, output);
  return {
    url,
    dataDir,
    output,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
