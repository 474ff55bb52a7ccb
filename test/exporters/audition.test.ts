import { describe, expect, it } from 'vitest';
import { exportResult } from '../../lib/exporters';
import { auditionTime } from '../../lib/exporters/audition';
import { makeResult } from '../helpers/exporters/make-result';
import { parseAudition } from '../helpers/exporters/parsers';

describe('Adobe Audition markers', () => {
  it('writes the tab-separated file Audition imports: header, decimal times, Cue ranges up to each end', () => {
    const r = makeResult([[0, 'Intro'], [200.0004, 'Bicep - Glue', 420.25], [410, 'Late'], [3904.9996, 'Hour']], 4000.5);
    const { text, warnings, mediaType, extension } = exportResult(r, 'audition');
    expect(text).toBe(
      [
        'Name\tStart\tDuration\tTime Format\tType\tDescription',
        'Intro\t0:00.000\t3:20.000\tdecimal\tCue\t',
        'Bicep - Glue\t3:20.000\t3:40.250\tdecimal\tCue\t',
        'Late\t6:50.000\t58:15.000\tdecimal\tCue\t',
        'Hour\t1:05:05.000\t1:35.500\tdecimal\tCue\t',
        '',
      ].join('\r\n'),
    );
    expect(warnings).toEqual([]);
    expect([mediaType, extension]).toEqual(['text/tab-separated-values; charset=utf-8', 'audition.csv']);
  });

  it('parses back: ranges from markers end where the next one starts, to the millisecond', () => {
    const r = makeResult([[0, 'A'], [61.0004, 'B'], [61.0006, 'C'], [3600, 'D']], 3700.25);
    const markers = parseAudition(exportResult(r, 'audition').text);
    expect(markers.map((m) => [m.name, m.start, m.duration, m.type])).toEqual([
      ['A', 0, 61_000, 'Cue'],
      ['B', 61_000, 1, 'Cue'],
      ['C', 61_001, 3_538_999, 'Cue'],
      ['D', 3_600_000, 100_250, 'Cue'],
    ]);
    markers.slice(0, -1).forEach((m, i) => expect(m.start + m.duration).toBe(markers[i + 1]!.start));
  });

  it('writes a point marker, and says so, where the end is not known', () => {
    const { text, warnings } = exportResult(makeResult([[0, 'A'], [30, 'B']]), 'audition');
    expect(parseAudition(text)[1]).toMatchObject({ name: 'B', start: 30_000, duration: 0 });
    expect(warnings).toEqual([{ code: 'unknown-end', message: 'Where "B" (0:30.000) ends is not known (the set\'s end is not), so it is a point marker (duration 0:00.000).' }]);
  });

  it('keeps names to one field: tabs and line breaks become spaces; starts the one playing at 0:00', () => {
    const r = makeResult([[-12, 'Before'], [-4, 'Playing\tnow'], [10, 'Two\nlines']], 20);
    const { text, warnings } = exportResult(r, 'audition');
    expect(parseAudition(text).map((m) => [m.name, m.start, m.duration])).toEqual([['Playing now', 0, 10_000], ['Two lines', 10_000, 10_000]]);
    expect(warnings.map((w) => w.code)).toEqual(['before-start', 'before-start']);
  });

  it('writes m:ss.mmm under an hour and h:mm:ss.mmm from an hour on', () => {
    expect([0, 9_000, 599_999, 3_599_999, 3_600_000, 36_000_000].map(auditionTime)).toEqual(['0:00.000', '0:09.000', '9:59.999', '59:59.999', '1:00:00.000', '10:00:00.000']);
  });
});
