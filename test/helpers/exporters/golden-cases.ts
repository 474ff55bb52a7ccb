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

/** Templates for the `template` format (the other formats ignore the option). */
const CLASSIC = '{index:02}. {artist} - {title} [{start:hh:mm:ss}]';
const EVERY_FIELD = '{index:3}|{name}|{artist}|{title}|{isrc}|{bar}|{start}|{end:m:ss}|{duration:mm:ss.ms}|{start:s}|{{x}}';

export const goldenCases: GoldenCase[] = [
  // Live 10.1.7, 120 bpm, 15 locators: runs past an hour, two empty names, a non-Latin name.
  fixture('ableton/example-120.als', { template: CLASSIC }),
  // The same set with milliseconds, fixing off and the mix named.
  fixture('ableton/example-120.als', { precision: 'ms', fix: false, title: 'Example 120', performer: 'mirvs', audioFile: 'example-120.mp3', template: EVERY_FIELD }, '-ms-nofix'),
  // Live 10.1.7 with tempo automation: six locators within 9 s (every YouTube chapter too short).
  fixture('ableton/automation.als', { template: '{start:ms} {name} ({duration:s} s)' }),
  // FL Studio 20 set, 13 markers, runs past an hour (test/fixtures/LICENSES.md).
  fixture('flstudio/fl-test.flp', { template: CLASSIC }),
  // Tempo automation; the last markers lie after the end of the last clip.
  fixture('flstudio/complex.flp', { template: '{start:h:mm:ss} – {end:h:mm:ss}\t{name}' }),
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
    options: { precision: 'ms', cleanNames: true, title: 'Friday "Live"', performer: 'DJ Test', audioFile: 'friday.flac', template: EVERY_FIELD },
  },
  {
    // Markers before the chosen start (beforeStart: 'negative'), a known end.
    name: 'hand-negative',
    load: async () => makeResult([[-95.5, 'Warm-up - Before'], [-12, 'Still Playing'], [0, 'At Zero'], [65.3, 'A - B'], [130, '=cmd|x']], 200.75, 'neg.als'),
    options: { template: CLASSIC },
  },
  {
    // A set from clips for a licensing report: ISRCs in names, clip ends (overlapping crossfades,
    // a gap), one artist 5 times and 4 times in a row (Mixcloud's rules), a featured artist.
    name: 'hand-licensing',
    load: async () =>
      makeResult(
        [
          [0, 'Bicep - Glue [GBAYE0601498]', 250.5],
          [240, 'Bicep - Atlas (ISRC: GB-AYE-06-01499)', 480],
          [470.25, 'Bicep feat. Clara La San - Saku', 700],
          [695, 'BICEP - Apricots ISRC GBAYE2000123', 960],
          [990, 'Floating Points - LesAlpx', 1300],
          [1290, 'Bicep - Opal', 1510.75],
          [1500, 'Outro', 1620],
        ],
        1620,
        'sets/Friday Licensed.als',
      ),
    options: { performer: 'DJ Test', template: CLASSIC },
  },
  {
    // A file name in Unicode with quotes: kept in CUE (quotes as CUE can write them), FFmpeg and every title.
    name: 'hand-unicode-names',
    load: async () => makeResult([[0, 'Ünïcödé - 東京 "Night"'], [61, 'Ð - 🎧'], [122.5, 'Mïx — 東京 🎧']], 190, 'Mïx — 東京 🎧 "quoted" x.als'),
    options: { template: '{index}. {title} / {artist}' },
  },
  {
    // A set under 30 s: YouTube cannot show chapters, the list stays as it is with one warning.
    name: 'hand-short',
    load: async () => makeResult([[3, 'A'], [12, 'B'], [22, 'C']], 25, 'short.als'),
    options: { template: CLASSIC },
  },
];
