/** The cases the golden files are made from: real fixtures through convert(), and hand-built results. */
import { readFileSync } from 'node:fs';
import { convert } from '../../../lib/convert';
import type { ExportOptions } from '../../../lib/exporters';
import type { Result } from '../../../lib/model';
import { makeResult } from './make-result';
import { FIXTURES } from '../fixtures';

export interface GoldenCase {
  /** Folder name under test/golden/. */
  name: string;
  load(): Promise<Result>;
  options?: ExportOptions;
}


function fixture(path: string, options: ExportOptions = {}, suffix = ''): GoldenCase {
  const file = path.split('/').pop()!;
  return {
    name: path.replace('/', '-').replace(/\.[^.]+$/, '') + suffix,
    load: () => convert(new Uint8Array(readFileSync(FIXTURES + path)), { fileName: file }),
    options,
  };
}

export const goldenCases: GoldenCase[] = [
  // Live 10.1.7, 120 bpm, 15 locators: runs past an hour, two empty names, a non-Latin name.
  fixture('ableton/example-120.als'),
  // The same set with milliseconds, fixing off and the mix named.
  fixture('ableton/example-120.als', { precision: 'ms', fix: false, title: 'Example 120', performer: 'mirvs', audioFile: 'example-120.mp3' }, '-ms-nofix'),
  // Live 10.1.7 with tempo automation: six locators within 9 s (every YouTube chapter too short).
  fixture('ableton/automation.als'),
  // FL Studio 20 set, 13 markers, runs past an hour (test/fixtures/LICENSES.md).
  fixture('flstudio/fl-test.flp'),
  // Tempo automation; the last markers lie after the end of the last clip.
  fixture('flstudio/complex.flp'),
  {
    // A first marker after 0, chapters shorter than 10 s, quotes, junk names, an unknown end.
    name: 'hand-late-start',
    load: async () =>
      makeResult([
        [42.25, '01. Artist "AKA" - Song (Original Mix).mp3'],
        [47.9, 'DJ Quick - Tool'],
        [300.5, 'Label=Me; #1 \\ B2B'],
        [1261.013, '你好 - 世界'],
        [1261.02, '  '],
        [3599.9996, 'Ma\u0007ny - Hours [www.free-mp3.net]'],
      ]),
    options: { precision: 'ms', cleanNames: true, title: 'Friday "Live"', performer: 'DJ Test', audioFile: 'friday.flac' },
  },
  {
    // Markers before the chosen start (beforeStart: 'negative'), a known end.
    name: 'hand-negative',
    load: async () => makeResult([[-95.5, 'Warm-up - Before'], [-12, 'Still Playing'], [0, 'At Zero'], [65.3, 'A - B'], [130, '=cmd|x']], 200.75, 'neg.als'),
  },
];
