// Bundles the Node entry points (CLI, local server) into dist/ so they start without a
// TypeScript loader. Runs on `npm install` (prepare) and `npm run build`.
import { build } from 'esbuild';
import { chmod } from 'node:fs/promises';
import { existsSync } from 'node:fs';

const entries = {
  cli: 'functions/cli/main.ts',
};

// Entry points appear as the adapters are written; build what exists.
const present = Object.fromEntries(Object.entries(entries).filter(([, file]) => existsSync(file)));

await build({
  entryPoints: present,
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: false,
  legalComments: 'none',
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  logLevel: 'warning',
});
if (present.cli) await chmod('dist/cli.js', 0o755);
