/** Runs `node dist/server.js` (what `npm start` runs; built by test/setup/build-dist.ts) on a free port. */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort } from './ports';

export const REPO = fileURLToPath(new URL('../../../', import.meta.url));

export interface ServerProcess {
  url: string;
  output: () => string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** True once the process has ended, by itself (exitCode) or by a signal (signalCode). */
function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/** Starts the server with `env` added and waits for its "dawstamps on http://…" line. */
export async function startServerProcess(env: Record<string, string>, args: string[] = []): Promise<ServerProcess> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['dist/server.js', ...args], {
    cwd: REPO, env: { ...process.env, PORT: String(port), ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d) => { out += String(d); });
  child.stderr?.on('data', (d) => { out += String(d); });
  const deadline = Date.now() + 20_000;
  while (!out.includes(`:${port}`)) {
    if (exited(child)) throw new Error(`server exited (${child.exitCode ?? child.signalCode}):\n${out}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not start within 20 s:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url: `http://127.0.0.1:${port}`,
    output: () => out,
    stop: (signal = 'SIGTERM') => new Promise((resolve) => {
      // already gone (an exit code, or killed by a signal): no 'exit' event will come
      if (exited(child)) return resolve(child.exitCode);
      // a server that does not end within 10 s of the signal is killed, so no test run hangs on it
      const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
      child.once('exit', (code) => {
        clearTimeout(kill);
        resolve(code);
      });
      child.kill(signal);
    }),
  };
}
