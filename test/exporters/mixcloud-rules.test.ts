import { describe, expect, it } from 'vitest';
import { exportResult } from '../../lib/exporters';
import { artistKey } from '../../lib/exporters/mixcloud-rules';
import { makeResult } from '../helpers/exporters/make-result';

const codes = (names: string[]): string[] => exportResult(makeResult(names.map((n, i): [number, string] => [i * 60, n])), 'mixcloud').warnings.map((w) => w.code);

describe('Mixcloud licensing rules as warnings', () => {
  it('allows 4 tracks by one artist and 3 in a row', () => {
    expect(codes(['A - 1', 'A - 2', 'A - 3', 'B - 1', 'A - 4'])).toEqual([]);
  });
  it('warns about a fifth track by one artist, naming them all', () => {
    const r = makeResult(['A - 1', 'B - 1', 'A - 2', 'A - 3', 'B - 2', 'a - 4', 'A feat. C - 5'].map((n, i): [number, string] => [i * 60, n]));
    const { warnings } = exportResult(r, 'mixcloud');
    expect(warnings).toEqual([
      {
        code: 'mixcloud-artist-limit',
        message: '5 tracks by "A": Mixcloud\'s licences allow at most 4 by one artist in a show, so it may not be playable everywhere: "1" (0:00.000), "2" (2:00.000), "3" (3:00.000), "4" (5:00.000), "5" (6:00.000).',
      },
    ]);
  });
  it('warns about a fourth track in a row, once a run; chapters between them do not break a run', () => {
    expect(codes(['A - 1', 'A - 2', 'Talk', 'A - 3', 'A - 4', 'B - 1'])).toEqual(['mixcloud-artist-run']);
    expect(codes(['A - 1', 'A - 2', 'A - 3', 'B - 1', 'C - 1', 'C - 2', 'C - 3', 'C - 4'])).toEqual(['mixcloud-artist-run']);
    expect(codes(['A - 1', 'A - 2', 'A - 3', 'A - 4', 'A - 5'])).toEqual(['mixcloud-artist-limit', 'mixcloud-artist-run']);
  });
  it('counts a track for its main artist: case, width and featured artists folded', () => {
    expect(artistKey('Bicep feat. Clara La San')).toBe('bicep');
    expect(artistKey('BICEP ft. X')).toBe('bicep');
    expect(artistKey('Ｂｉｃｅｐ')).toBe('bicep');
    expect(artistKey('Simon & Garfunkel')).toBe('simon & garfunkel');
  });
  it('names at most ten tracks in a warning', () => {
    const many = exportResult(makeResult(Array.from({ length: 14 }, (_, i): [number, string] => [i * 60, `A - ${i}`])), 'mixcloud').warnings;
    expect(many[0]!.message).toMatch(/"9" \(9:00\.000\) and 4 more\.$/);
  });
});
