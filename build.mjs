// Bundles the Node entry points into dist/ so they start without a TypeScript loader.
// Runs on `npm install` (prepare) and `npm run build`.
import { build } from 'esbuild';
import { chmod } from 'node:fs/promises';

/**
 * dist/<name>.js ← entry. `executable`: chmod +x (a bin). `requireShim`: define `require` for
 * bundled CommonJS dependencies that call it (costs a node:module import at start-up).
 * The CLI must stay lean: no AWS SDK, no Hono, no shim (start-up time is a target, issue 7).
 */
const entries = {
  cli: { entry: 'functions/cli/main.ts', executable: true, requireShim: false },
  server: { entry: 'functions/local/server.ts', executable: false, requireShim: true },
};

const shim = "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);";

await Promise.all(
  Object.entries(entries).map(async ([name, { entry, executable, requireShim }]) => {
    await build({
      entryPoints: { [name]: entry },
      outdir: 'dist',
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'esm',
      minify: true,
      sourcemap: false,
      legalComments: 'none',
      ...(requireShim ? { banner: { js: shim } } : {}),
      logLevel: 'warning',
    });
    if (executable) await chmod(`dist/${name}.js`, 0o755);
  }),
);
