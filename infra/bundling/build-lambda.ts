/**
 * Builds a Lambda bundle the way the stack does (index.mjs + the S3 chunk, same esbuild settings)
 * with esbuild's API, for the bundle tests and bench/lambda-bundles.mjs. The stack itself builds
 * through NodejsFunction (infra/constructs/dawstamps-function.ts).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import {
  LAMBDA_ENTRIES, LAMBDA_ENTRY_DEFINE, LAMBDA_ESBUILD, LAMBDA_S3_CHUNK, REPO_ROOT, RUNTIME_SDK_EXTERNALS,
} from '../constructs/bundle-options';

export interface BuiltLambda {
  readonly dir: string;
  /** index.mjs, the handler's module. */
  readonly file: string;
  readonly bytes: number;
  /** The S3 chunk beside it. */
  readonly chunk: string;
  readonly chunkBytes: number;
}

export interface BuildLambdaOptions {
  /** 'runtime': leave @aws-sdk/* and @smithy/* out of the S3 chunk (the nodejs22.x runtime has them). */
  readonly sdk?: 'bundled' | 'runtime';
  /** Copy web/ (with lib's browser bundle) beside the API bundle, as the stack does (default true). */
  readonly web?: boolean;
}

/** Builds `name`'s index.mjs and S3 chunk into `dir`. */
export async function buildLambda(name: keyof typeof LAMBDA_ENTRIES, dir: string, options: BuildLambdaOptions = {}): Promise<BuiltLambda> {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'index.mjs');
  const chunk = join(dir, LAMBDA_S3_CHUNK.file);
  const external = options.sdk === 'runtime' ? [...RUNTIME_SDK_EXTERNALS] : [];
  await Promise.all([
    build({ ...LAMBDA_ESBUILD, define: LAMBDA_ENTRY_DEFINE, entryPoints: [join(REPO_ROOT, LAMBDA_ENTRIES[name])], outfile: file, external, logLevel: 'silent' }),
    build({ ...LAMBDA_ESBUILD, entryPoints: [join(REPO_ROOT, LAMBDA_S3_CHUNK.entry)], outfile: chunk, external, logLevel: 'silent' }),
  ]);
  if (name === 'api' && options.web !== false) {
    // as the stack's pageCommands (infra/constructs/api.ts): web/, and lib built for the browser into it
    cpSync(join(REPO_ROOT, 'web'), join(dir, 'web'), { recursive: true });
    execFileSync(process.execPath, [join(REPO_ROOT, 'build.mjs'), 'web', join(dir, 'web')], { cwd: REPO_ROOT, stdio: 'pipe' });
  }
  return { dir, file, bytes: statSync(file).size, chunk, chunkBytes: statSync(chunk).size };
}
