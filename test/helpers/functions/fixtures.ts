/** The shared fixtures (../shared/fixtures, real sets; licences in LICENSES.md there) and their expected times. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES = fileURLToPath(new URL('../../../../shared/fixtures/', import.meta.url));

/** The bytes of a fixture, by its path under shared/fixtures (e.g. `ableton/automation.als`). */
export function fixture(path: string): Uint8Array {
  return new Uint8Array(readFileSync(join(FIXTURES, path)));
}

interface ExpectedFile { markers?: Array<{ name: string; seconds: number; secondsContinuous: number }>; error?: boolean }

/** The expected markers (stepped `seconds`) of a fixture from expected.json. */
export function expectedMarkers(path: string): Array<{ name: string; seconds: number }> {
  const all = JSON.parse(readFileSync(join(FIXTURES, 'expected.json'), 'utf8')) as { files: Record<string, ExpectedFile> };
  const file = all.files[path];
  if (!file?.markers) throw new Error(`expected.json has no markers for ${path}`);
  return file.markers.map(({ name, seconds }) => ({ name, seconds }));
}

/** Asserts-friendly comparison: names equal and every time within 1 ms. */
export function markersMatch(actual: Array<{ name: string; seconds: number }>, expected: Array<{ name: string; seconds: number }>): boolean {
  return actual.length === expected.length
    && actual.every((m, i) => m.name === expected[i]!.name && Math.abs(m.seconds - expected[i]!.seconds) <= 0.001);
}
