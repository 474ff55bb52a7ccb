import { describe, expect, it } from 'vitest';
import { exportResult } from '../../lib/exporters';
import { makeResult } from '../helpers/exporters/make-result';

const set = makeResult([
  [0, 'Intro'],
  [200.0000133, 'mirvs - his track你好'],
  [839.6, ''],
  [3599.9996, '  spaced\tname\u0007 '],
]);

describe('text export', () => {
  it('uses h:mm:ss on every line once the set reaches an hour', () => {
    expect(exportResult(set, 'text', { rounding: 'nearest' }).text).toBe(
      ['0:00:00 Intro', '0:03:20 mirvs - his track你好', '0:14:00 Track 3', '1:00:00 spaced name', ''].join('\n'),
    );
  });
  it('stays on mm:ss while the largest rounded time is under an hour', () => {
    expect(exportResult(set, 'text').text).toBe(['00:00 Intro', '03:20 mirvs - his track你好', '13:59 Track 3', '59:59 spaced name', ''].join('\n'));
    expect(exportResult(set, 'text', { rounding: 'up' }).text.split('\n')[2]).toBe('0:14:00 Track 3');
  });
  it('prints milliseconds on request', () => {
    const out = exportResult(set, 'text', { precision: 'ms', rounding: 'nearest' });
    expect(out.text.split('\n')).toEqual(['0:00:00.000 Intro', '0:03:20.000 mirvs - his track你好', '0:13:59.600 Track 3', '1:00:00.000 spaced name', '']);
  });
  it('names an empty marker and says so', () => {
    const { warnings } = exportResult(set, 'text');
    expect(warnings).toEqual([{ code: 'empty-name', message: '1 marker has no name; named "Track 3".' }]);
  });
  it('cleans names only when asked', () => {
    const r = makeResult([[0, '01. Artist - Song (Original Mix).mp3']]);
    expect(exportResult(r, 'text').text).toBe('00:00 01. Artist - Song (Original Mix).mp3\n');
    expect(exportResult(r, 'text', { cleanNames: true }).text).toBe('00:00 Artist - Song (Original Mix)\n');
  });
  it('keeps markers before the start, with a minus sign', () => {
    const r = makeResult([[-5.5, 'Early'], [0, 'Start'], [65, 'Next']]);
    expect(exportResult(r, 'text').text).toBe('-00:06 Early\n00:00 Start\n01:05 Next\n');
  });
});

describe('json export', () => {
  it('is the full result, parseable back to the same object', () => {
    const out = exportResult(set, 'json');
    expect(out.mediaType).toBe('application/json');
    expect(JSON.parse(out.text)).toEqual(set);
    expect(out.text).toMatch(/^\{\n {2}"source": \{\n {4}"daw": "ableton"/);
  });
});
