// In-process cases (tempo map, FL Studio parse rate, pako vs node:zlib): each script runs in its
// own node child (TypeScript through tsx) and prints JSON rows; this module adds the targets.
import { fileURLToPath } from 'node:url';
import { runNode } from '../measure.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const cpu = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);

function script(name, args) {
  const r = runNode(['--import', 'tsx', `bench/in-process/${name}.ts`, ...args.map(String)], { capture: true, cwd: ROOT });
  if (r.status !== 0) throw new Error(`${name}.ts exited with ${r.status}: ${r.stderr.trim().split('\n').slice(-3).join(' | ')}`);
  return { rows: JSON.parse(r.stdout.trim().split('\n').pop()), rssKB: r.rssKB };
}

/** Runs `fn`; a failure becomes an error row instead of stopping the bench. */
function guarded(id, name, fn) {
  try {
    return fn();
  } catch (e) {
    return [{ id, name, error: e instanceof Error ? e.message : String(e) }];
  }
}

/** Case 4: 1,000,000 breakpoints and 10,000 markers, < 1 s per model. */
export function tempoMapRows({ breakpoints, markers, runs }) {
  return guarded('4', 'tempo map', () =>
    script('tempo-map', [breakpoints, markers, runs]).rows.map((r) => ({ id: '4', ...r, note: `cpu ${cpu(r.cpuMs)}`, target: '< 1000 ms', pass: r.ms < 1000 })),
  );
}

/** Case 5a: a 100 MB .flp parses at ≥ 200 MB/s. */
export function flpParseRows(input, runs) {
  return guarded('5a', 'FL Studio parse', () => {
    const { rows, rssKB } = script('flp-parse', [input.file, input.expected.markers, runs]);
    return rows.map((r) => ({ id: '5a', ...r, rssKB, note: `${r.rate.toFixed(0)} MB/s; cpu ${cpu(r.cpuMs)}`, target: '≥ 200 MB/s', pass: r.rate >= 200 }));
  });
}

/** Case 7: pako vs node:zlib on the same set (figures only: the choice is made in code). */
export function inflateRows(input, runs) {
  return guarded('7', 'pako vs node:zlib', () =>
    script('inflate', [input.file, runs]).rows.map((r) => ({
      id: '7', ...r, floorLabel: 'gunzipSync', ratio: r.ms / r.floorMs, note: `${((input.xmlBytes ?? 0) / 1e6 / (r.ms / 1000)).toFixed(0)} MB XML/s; cpu ${cpu(r.cpuMs)}`, target: 'figures only', pass: null,
    })),
  );
}
