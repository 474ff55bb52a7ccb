/**
 * The built CLI (dist/cli.cjs, bundled by test/setup/build-dist.ts as `npm install` does) run as a
 * child process:  `const { code, stdout, stderr } = await runCli('set.als', '--ms');`
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { REPO } from './functions/server-process';

export const CLI = join(REPO, 'dist/cli.cjs');

const run = promisify(execFile);

/** What the CLI did: its exit code and what it printed. */
export interface CliOutcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI with `args` from the repository's root; never throws on a non-zero exit. */
export async function runCli(...args: string[]): Promise<CliOutcome> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], { cwd: REPO, timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const failed = e as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}
