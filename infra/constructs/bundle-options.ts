import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BuildOptions } from 'esbuild';

/** The repository root: entries, lock file and web/ are found from here, whatever the cwd. */
export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The Lambda entry points, relative to the repository root. */
export const LAMBDA_ENTRIES = {
  api: 'functions/api/lambda.ts',
  worker: 'functions/worker/lambda.ts',
} as const;

/**
 * `zod` as the bundles see it: zod's classic entry without its locales (see the file). Keeps the
 * API bundle at ~810 KB instead of ~1,070 KB.
 */
export const ZOD_WITHOUT_LOCALES = join(REPO_ROOT, 'infra', 'bundling', 'zod-without-locales.ts');

/** What the Lambda runtime already provides; excluded from the bundle only when not bundling the SDK. */
export const RUNTIME_SDK_EXTERNALS = ['@aws-sdk/*', '@smithy/*'] as const;

/**
 * esbuild settings for every Lambda bundle. The stack (through NodejsFunction), the bundle test
 * and bench/lambda-bundles.mjs all read these, so what is measured is what ships.
 * ESM output still meets CommonJS code in some dependencies, hence the `require` banner.
 */
export const LAMBDA_ESBUILD = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'esm',
  minify: true,
  sourcemap: false,
  // ESM builds first: the SDK's dist-es tree-shakes, its dist-cjs does not. Measured on the
  // worker: 576 KB → 419 KB and module load ~183 → ~130 ms (busy 2-core box, bench/lambda-bundles.mjs).
  mainFields: ['module', 'main'],
  alias: { zod: ZOD_WITHOUT_LOCALES },
  banner: { js: "import{createRequire as __cr}from'module';const require=__cr(import.meta.url);" },
} as const satisfies BuildOptions;
