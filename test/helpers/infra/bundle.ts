import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { LAMBDA_ENTRIES, LAMBDA_ESBUILD, REPO_ROOT } from '../../../infra/constructs';

/** One Lambda entry bundled exactly as the stack bundles it. */
export interface Bundle {
  readonly dir: string;
  readonly file: string;
  readonly bytes: number;
}

/** Removes a bundle's directory. */
export function dispose(b: Bundle | undefined): void {
  if (b) rmSync(b.dir, { recursive: true, force: true });
}

/** Bundles a Lambda entry with the stack's esbuild options into a fresh directory (API: plus web/). */
export async function bundle(name: keyof typeof LAMBDA_ENTRIES): Promise<Bundle> {
  const dir = mkdtempSync(join(tmpdir(), `dawstamps-${name}-`));
  const file = join(dir, 'index.mjs');
  await build({ ...LAMBDA_ESBUILD, entryPoints: [join(REPO_ROOT, LAMBDA_ENTRIES[name])], outfile: file, logLevel: 'silent' });
  if (name === 'api') cpSync(join(REPO_ROOT, 'web'), join(dir, 'web'), { recursive: true });
  return { dir, file, bytes: statSync(file).size };
}

/** Environment a deployed function would see (no AWS call is made by the events used here). */
export const LAMBDA_ENV: Record<string, string> = {
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'test',
  AWS_SECRET_ACCESS_KEY: 'test',
  BUCKET_NAME: 'dawstamps-test',
  UPLOAD_PREFIX: 'uploads/',
  RESULT_PREFIX: 'results/',
  JOB_PREFIX: 'jobs/',
  MAX_UPLOAD_BYTES: String(100 * 1024 * 1024),
  ALLOWED_ORIGINS: '',
  API_TOKEN: '',
};

const run = promisify(execFile);

/** Imports the bundle in a fresh Node process (as Lambda does) and calls its handler with event. */
export async function invoke(b: Bundle, event: unknown): Promise<unknown> {
  const script = `const m = await import(${JSON.stringify(`file://${b.file}`)});
const out = await m.handler(JSON.parse(process.env.EVENT), { getRemainingTimeInMillis: () => 30000 });
process.stdout.write(JSON.stringify(out));`;
  const { stdout } = await run(process.execPath, ['--no-warnings', '--input-type=module', '-e', script], {
    cwd: b.dir,
    env: { PATH: process.env.PATH ?? '', LAMBDA_TASK_ROOT: b.dir, ...LAMBDA_ENV, EVENT: JSON.stringify(event) },
    timeout: 20_000,
  });
  return JSON.parse(stdout);
}
