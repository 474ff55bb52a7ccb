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
 * The S3 storage (and with it the whole AWS SDK) as a second file beside each bundle's index.mjs.
 * functions/storage/lazy-s3-storage.ts imports it on the first storage call, so a cold start
 * neither parses nor evaluates the SDK (~400 KB minified): V8 compiles all of index.mjs when it is
 * imported, even the parts only reached through a lazy import(), so keeping the SDK out of the file
 * is what saves the compile time. `define` below tells index.mjs the chunk's file name; without it
 * (tests and the local server, from source) the storage imports ./s3-storage directly.
 */
export const LAMBDA_S3_CHUNK = {
  entry: 'functions/storage/s3-storage.ts',
  file: 's3-storage.mjs',
} as const;

/**
 * `zod` as the bundles see it: zod's classic entry without its locales (see the file): ~258 KB
 * less in the API's index.mjs.
 */
export const ZOD_WITHOUT_LOCALES = join(REPO_ROOT, 'infra', 'bundling', 'zod-without-locales.ts');

/**
 * `@aws-sdk/credential-provider-node` as the bundles see it: the environment variables only (see
 * the file). Lambda hands every function its role's credentials in the environment; the full chain
 * (profiles, SSO, login, process, web identity, ECS, IMDS) is ~125 KB minified of code a Lambda never runs.
 */
export const CREDENTIALS_FROM_ENV = join(REPO_ROOT, 'infra', 'bundling', 'credentials-from-env.ts');

/** What the Lambda runtime already provides; excluded from the bundle only when not bundling the SDK. */
export const RUNTIME_SDK_EXTERNALS = ['@aws-sdk/*', '@smithy/*'] as const;

/**
 * esbuild settings for every Lambda bundle and its S3 chunk. The stack (through NodejsFunction),
 * the bundle tests and bench/lambda-bundles.mjs all read these, so what is measured is what ships.
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
  alias: { zod: ZOD_WITHOUT_LOCALES, '@aws-sdk/credential-provider-node': CREDENTIALS_FROM_ENV },
  banner: { js: "import{createRequire as __cr}from'module';const require=__cr(import.meta.url);" },
} as const satisfies BuildOptions;

/** Extra settings of the entry bundles (index.mjs): where the S3 chunk is. */
export const LAMBDA_ENTRY_DEFINE = { DAWSTAMPS_S3_CHUNK: JSON.stringify(`./${LAMBDA_S3_CHUNK.file}`) } as const;

/**
 * The shell command that builds the S3 chunk into `outputDir` with the esbuild CLI (NodejsFunction's
 * afterBundling hook: it runs where CDK bundles, locally or in its Docker image, like CDK's own esbuild call).
 */
export function s3ChunkCommand(inputDir: string, outputDir: string): string {
  const o = LAMBDA_ESBUILD;
  const args = [
    `"${join(inputDir, LAMBDA_S3_CHUNK.entry)}"`, '--bundle', `--platform=${o.platform}`, `--target=${o.target}`,
    `--format=${o.format}`, ...(o.minify ? ['--minify'] : []), `--main-fields=${o.mainFields.join(',')}`,
    ...Object.entries(o.alias).map(([from, to]) => `"--alias:${from}=${to}"`),
    // The banner holds single quotes and no double quote, $ or backquote: safe inside double quotes.
    `"--banner:js=${o.banner.js}"`, `"--outfile=${join(outputDir, LAMBDA_S3_CHUNK.file)}"`, '--log-level=warning',
  ];
  return `npx --no-install esbuild ${args.join(' ')}`;
}
