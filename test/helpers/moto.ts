/**
 * Starts moto's real HTTP server (S3 + SQS on one endpoint) on a free port. Fails LOUDLY when no
 * Python with moto can be found or the server does not answer: integration tests never skip.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { freePort } from './functions/ports';

export interface Moto {
  endpoint: string;
  stop(): Promise<void>;
}

function pythonWithMoto(): string {
  const candidates: string[] = [];
  if (process.env.MOTO_PYTHON) candidates.push(process.env.MOTO_PYTHON);
  try {
    candidates.push(execFileSync('pyenv', ['which', 'python3'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
  } catch { /* no pyenv */ }
  candidates.push('python3', 'python');
  for (const python of candidates) {
    try {
      execFileSync(python, ['-c', 'import moto.server'], { stdio: 'ignore', timeout: 20_000 });
      return python;
    } catch { /* next */ }
  }
  throw new Error(`moto is not installed for any of: ${candidates.join(', ')}. Install it with: pip install "moto[server]" (or set MOTO_PYTHON).`);
}

/** Starts moto and waits until it answers; throws with its output if it cannot start. */
export async function startMoto(): Promise<Moto> {
  const python = pythonWithMoto();
  const port = await freePort();
  const child: ChildProcess = spawn(python, ['-m', 'moto.server', '-H', '127.0.0.1', '-p', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d) => { output += String(d); });
  child.stderr?.on('data', (d) => { output += String(d); });
  const endpoint = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`moto exited with ${child.exitCode} before answering:\n${output.slice(-2000)}`);
    try {
      const res = await fetch(`${endpoint}/moto-api/data.json`);
      if (res.ok) break;
    } catch { /* not yet */ }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`moto did not answer on ${endpoint} within 30 s:\n${output.slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return {
    endpoint,
    stop: () => new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    }),
  };
}
