/** lib/ must run in Lambda, at the edge and in a browser: no Node built-ins, AWS SDK or Hono. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const LIB = fileURLToPath(new URL('../lib/', import.meta.url));
const FORBIDDEN = [/^node:/, /^@aws-sdk\//, /^hono(\/|$)/, /^@hono\//, /^(fs|path|zlib|crypto|stream|buffer|util|os|child_process|events|url|module|worker_threads)(\/|$)/];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(`${dir}${e.name}/`) : e.name.endsWith('.ts') ? [`${dir}${e.name}`] : []));
}

/** Every module specifier: static imports/exports, side-effect imports, dynamic import(), require(). */
function specifiers(source: string): string[] {
  const found: string[] = [];
  const patterns = [/\b(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g, /\bimport\s*['"]([^'"]+)['"]/g, /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g, /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g];
  for (const re of patterns) for (const m of source.matchAll(re)) found.push(m[1]!);
  return found;
}

describe('lib/ import graph', () => {
  const files = sources(LIB);

  it('finds the sources and their imports', () => {
    expect(files.length).toBeGreaterThan(20);
    expect(specifiers("import { a } from 'node:fs';\nexport * from \"./x\";\nimport 'hono';\nconst z = await import('zlib');")).toEqual(['node:fs', './x', 'hono', 'zlib']);
  });

  it('imports nothing from node:*, the AWS SDK or Hono', () => {
    const offending = files.flatMap((file) => specifiers(readFileSync(file, 'utf8')).filter((s) => FORBIDDEN.some((re) => re.test(s))).map((s) => `${file.slice(LIB.length)} → ${s}`));
    expect(offending).toEqual([]);
  });

  it('never reaches for Node through globals (process, Buffer, require)', () => {
    const offending = files.filter((file) => /\b(process\.|Buffer\.|require\()/.test(readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')));
    expect(offending.map((f) => f.slice(LIB.length))).toEqual([]);
  });

  it('has no import cycles, type-only imports included (every module can be read on its own)', () => {
    const target = (from: string, spec: string): string | null => {
      if (!spec.startsWith('.')) return null;
      const base = resolve(dirname(from), spec);
      for (const candidate of [`${base}.ts`, `${base}/index.ts`, base]) if (candidate.endsWith('.ts') && existsSync(candidate)) return candidate;
      return null;
    };
    const graph = new Map(files.map((f) => [f, specifiers(readFileSync(f, 'utf8')).map((s) => target(f, s)).filter((t): t is string => t !== null)]));
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const walk = (file: string, path: string[]): void => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...path.slice(path.indexOf(file)), file].map((f) => f.slice(LIB.length)).join(' → '));
        return;
      }
      state.set(file, 'open');
      // index.ts files only re-export: a module importing a sibling through its folder's index is not a cycle of its own making
      for (const next of graph.get(file) ?? []) if (!(next.endsWith('/index.ts') && dirname(next) === dirname(file))) walk(next, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of files) walk(file, []);
    expect(cycles).toEqual([]);
  });
});
