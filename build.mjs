// Bundles the Node entry points into dist/ so they start without a TypeScript loader, and lib for
// the page (dist/web/). Runs on `npm install` (prepare) and `npm run build`.
// `node build.mjs web DIR` builds only the page's bundle, into DIR (the API Lambda's web/: infra/constructs/api.ts).
import { build } from 'esbuild';
import { chmod } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/**
 * lib for the browser: dawstamps.js, an ES module the page and its Web Worker (web/worker.js)
 * import. The server serves it beside web/ (functions/node/web-assets.ts), the API Lambda ships it
 * in its web/. Generated, never committed.
 */
const WEB_BUNDLE = {
  entryPoints: { dawstamps: fileURLToPath(new URL('lib/browser.ts', import.meta.url)) },
  bundle: true,
  platform: 'browser',
  target: 'es2022',
  format: 'esm',
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
};

if (process.argv[2] === 'web') {
  await build({ ...WEB_BUNDLE, outdir: process.argv[3] ?? 'dist/web' });
  process.exit(0);
}

/**
 * dist/<name>.js (ESM) or dist/<name>.cjs ← entry. `executable`: chmod +x (a bin). `requireShim`:
 * define `require` for bundled CommonJS dependencies that call it (costs a node:module import at
 * start-up). The CLI must stay lean: no AWS SDK, no Hono, no shim (start-up time is a target,
 * bench/README.md), and it is CommonJS: Node 20 starts a CommonJS main module without its ESM loader,
 * 10–17 ms less per run here (median of 30 interleaved runs: 165 vs 175 ms on a 1 KB set, 359
 * vs 376 ms on 100,000 tempo breakpoints; `node -e 0` 127 ms).
 */
const entries = {
  cli: { entry: 'functions/cli/main.ts', executable: true, requireShim: false, format: 'cjs' },
  server: { entry: 'functions/local/server.ts', executable: false, requireShim: true, format: 'esm' },
};

const shim = "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);";

await Promise.all([
  build({ ...WEB_BUNDLE, outdir: 'dist/web' }),
  ...Object.entries(entries).map(async ([name, { entry, executable, requireShim, format }]) => {
    await build({
      entryPoints: { [name]: entry },
      outdir: 'dist',
      bundle: true,
      platform: 'node',
      target: 'node20',
      format,
      outExtension: { '.js': format === 'cjs' ? '.cjs' : '.js' },
      minify: true,
      sourcemap: false,
      legalComments: 'none',
      ...(requireShim ? { banner: { js: shim } } : {}),
      logLevel: 'warning',
    });
    if (executable) await chmod(`dist/${name}.${format === 'cjs' ? 'cjs' : 'js'}`, 0o755);
  }),
]);
