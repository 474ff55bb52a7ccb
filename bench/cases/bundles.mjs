// Case 6: runs the INFRA engineer's bench/lambda-bundles.mjs and turns its table into rows.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Splits console.table's box lines into records keyed by the header cells. */
function parseConsoleTable(text) {
  const lines = text.split('\n').filter((l) => l.startsWith('│'));
  const split = (l) => l.split('│').slice(1, -1).map((c) => c.trim().replace(/^'(.*)'$/, '$1'));
  const [head, ...rest] = lines.map(split);
  return head ? rest.map((cells) => Object.fromEntries(head.map((h, i) => [h, cells[i]]))) : [];
}

/** Rows for each shipping Lambda bundle (size < 1 MB, module load < 100 ms), and the script's own output. */
export function bundleRows(runs) {
  const r = spawnSync(process.execPath, ['bench/lambda-bundles.mjs', '--runs', String(runs)], { cwd: ROOT, encoding: 'utf8' });
  const output = `${r.stdout}${r.stderr}`.trim();
  const floor = Number(/floor \(empty module\): ([\d.]+) ms/.exec(r.stdout)?.[1]);
  const shipping = parseConsoleTable(r.stdout).filter((t) => t['aws-sdk'] === 'bundled (ships)');
  if (shipping.length === 0) return { rows: [{ id: '6', name: 'Lambda bundles', error: `bench/lambda-bundles.mjs exited with ${r.status}; see its output below` }], output };
  const rows = shipping.map((t) => ({
    id: '6', name: `Lambda bundle: ${t.bundle} (module load)`, input: `${t['size KB']} KB`, ms: Number(t['load ms (median)']),
    floorMs: Number.isNaN(floor) ? undefined : floor, floorLabel: 'empty module', target: '< 1024 KB, < 100 ms', pass: t.target === 'pass',
  }));
  return { rows, output };
}
