/**
 * The one place that names the fixtures folder: real projects in test/fixtures (origins and
 * licences in test/fixtures/LICENSES.md) and their expected times (test/fixtures/expected.json).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The fixtures folder, absolute, ending in a slash. */
export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** The absolute path of a fixture, by its path under the folder (e.g. `ableton/automation.als`). */
export function fixturePath(path: string): string {
  return join(FIXTURES, path);
}

/** The bytes of a fixture, by its path under the folder. */
export function fixture(path: string): Uint8Array {
  return new Uint8Array(readFileSync(fixturePath(path)));
}

export interface ExpectedMarker { name: string; seconds: number; secondsContinuous: number }
export interface ExpectedFile { sha256?: string; creator?: string; minorVersion?: string; error?: boolean; markers?: ExpectedMarker[] }

let expected: Record<string, ExpectedFile> | undefined;

/** Every fixture's expected outcome from expected.json, by path under the folder. */
export function expectedFiles(): Record<string, ExpectedFile> {
  expected ??= (JSON.parse(readFileSync(fixturePath('expected.json'), 'utf8')) as { files: Record<string, ExpectedFile> }).files;
  return expected;
}

/** The expected markers (stepped `seconds`) of a fixture. */
export function expectedMarkers(path: string): Array<{ name: string; seconds: number }> {
  const file = expectedFiles()[path];
  if (!file?.markers) throw new Error(`expected.json has no markers for ${path}`);
  return file.markers.map(({ name, seconds }) => ({ name, seconds }));
}

/** Names equal (the project's own: an unnamed entry's `originalName`) and every time within 1 ms. */
export function markersMatch(actual: Array<{ name: string; originalName?: string; seconds: number }>, wanted: Array<{ name: string; seconds: number }>): boolean {
  return actual.length === wanted.length
    && actual.every((m, i) => (m.originalName ?? m.name) === wanted[i]!.name && Math.abs(m.seconds - wanted[i]!.seconds) <= 0.001);
}
