/** The real fixtures the fuzz suite mutates (test/fixtures; origins in its LICENSES.md). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from '../helpers/fixtures';

const ROOT = FIXTURES;

export interface Fixture {
  name: string;
  bytes: Uint8Array;
}

/** Every file of one fixture folder with at least `minBytes` bytes, sorted by name. */
export function fixtures(folder: 'ableton' | 'flstudio' | 'large', minBytes = 16): Fixture[] {
  const dir = join(ROOT, folder);
  return readdirSync(dir)
    .sort()
    .map((name) => ({ name: `${folder}/${name}`, bytes: new Uint8Array(readFileSync(join(dir, name))) }))
    .filter((f) => f.bytes.length >= minBytes);
}

/** One fixture by path below test/fixtures. */
export function fixture(path: string): Uint8Array {
  return new Uint8Array(readFileSync(join(ROOT, path)));
}
