import { describe, expect, it } from 'vitest';
import { exportResult } from '../../lib/exporters';
import { parseTemplate } from '../../lib/exporters/template-parse';
import { makeResult } from '../helpers/exporters/make-result';

const set = makeResult(
  [
    [0, 'Intro'],
    [200.0004, 'Bicep - Glue [GBAYE0601498]', 420.25],
    [410, 'Floating Points - LesAlpx'],
    [3904.9996, 'Late - One'],
  ],
  4000.5,
);

const render = (template: string, options = {}, result = set): string => exportResult(result, 'template', { template, ...options }).text;

describe('template export', () => {
  it('writes the example of the issue', () => {
    const { text, warnings, mediaType, extension } = exportResult(set, 'template', { template: '{index:02}. {artist} - {title} [{start:hh:mm:ss}]' });
    expect(text).toBe(['01.  - Intro [00:00:00]', '02. Bicep - Glue [00:03:20]', '03. Floating Points - LesAlpx [00:06:50]', '04. Late - One [01:05:04]', ''].join('\n'));
    expect([mediaType, extension]).toEqual(['text/plain; charset=utf-8', 'txt']);
    expect(warnings).toEqual([{ code: 'template-no-artist', message: '1 entry has no "Artist - Title" name, so {artist} is empty for it: "Intro".' }]);
  });

  it('writes each time style', () => {
    const row = (style: string): string[] => render(`{start:${style}}`).trim().split('\n');
    expect(row('m:ss')).toEqual(['0:00', '3:20', '6:50', '65:04']);
    expect(row('mm:ss')).toEqual(['00:00', '03:20', '06:50', '65:04']);
    expect(row('h:mm:ss')).toEqual(['0:00:00', '0:03:20', '0:06:50', '1:05:04']);
    expect(row('hh:mm:ss')).toEqual(['00:00:00', '00:03:20', '00:06:50', '01:05:04']);
    expect(row('m:ss.ms')).toEqual(['0:00.000', '3:20.000', '6:50.000', '65:05.000']);
    expect(row('hh:mm:ss.ms')).toEqual(['00:00:00.000', '00:03:20.000', '00:06:50.000', '01:05:05.000']);
    expect(row('ms')).toEqual(['0:00:00.000', '0:03:20.000', '0:06:50.000', '1:05:05.000']);
    expect(row('s')).toEqual(['0.000', '200.000', '410.000', '3905.000']);
    // no style: the text format's clock, hours on every line once one reaches an hour; --ms applies
    expect(render('{start}').trim().split('\n')).toEqual(['0:00:00', '0:03:20', '0:06:50', '1:05:04']);
    expect(render('{start}', { precision: 'ms' }).split('\n')[3]).toBe('1:05:05.000');
    expect(render('{start:m:ss}', { rounding: 'up' }).split('\n')[1]).toBe('3:21');
  });

  it('ends each entry at its own end, the next start, or the set\'s end; durations are end − start', () => {
    expect(render('{end:mm:ss} {duration:mm:ss.ms} {duration:s}').trim().split('\n')).toEqual([
      '03:20 03:20.000 200.000',
      '07:00 03:40.250 220.250',
      '65:04 58:15.000 3495.000',
      '66:40 01:35.500 95.500',
    ]);
    const open = exportResult({ ...set, durationSeconds: null }, 'template', { template: '{start:m:ss}-{end:m:ss} {name}' });
    expect(open.text.split('\n')[3]).toBe('65:04- Late - One');
    expect(open.warnings.map((w) => w.code)).toEqual(['unknown-end']);
    expect(open.warnings[0]!.message).toBe('Where "Late - One" (1:05:05.000) ends is not known (the set\'s end is not), so {end} and {duration} are empty for it.');
  });

  it('writes index widths, names, the ISRC taken out of the name, bars and braces', () => {
    expect(render('{index:3}|{index:03}|{index}|{name}|{isrc}|{bar}|{{literal}}').split('\n').slice(0, 2)).toEqual([
      '  1|001|1|Intro||1.1.1|{literal}',
      '  2|002|2|Bicep - Glue|GBAYE0601498|101.1.1|{literal}',
    ]);
  });

  it('keeps negative times, as the text format does', () => {
    const r = makeResult([[-5.5, 'Early'], [0, 'A'], [65, 'B']], 100);
    expect(render('{start:mm:ss} {name} {duration:m:ss}', {}, r)).toBe('-00:06 Early 0:05\n00:00 A 1:05\n01:05 B 0:35\n');
  });

  it('needs a template', () => {
    for (const template of [undefined, '', '   ']) {
      expect(() => exportResult(set, 'template', template === undefined ? {} : { template })).toThrow(
        expect.objectContaining({ code: 'invalid-option', message: expect.stringContaining('The template format needs a template, such as {index:02}.') }),
      );
    }
  });
});

describe('a bad template', () => {
  it.each([
    ['{index:02}. {artsit}', 'The template has an unknown placeholder {artsit} at column 13; the placeholders are index, name, artist, title, start, end, duration, bar, isrc (write {{ for a brace).'],
    ['{start', 'The template opens a placeholder at column 1 that is never closed; write {{ for a brace.'],
    ['a {sta{rt}', 'The template opens a placeholder at column 3 that is never closed; write {{ for a brace.'],
    ['{name} }', 'The template has a } at column 8 that closes no placeholder; write }} for a brace.'],
    ['🎧🎧 {}', 'The template has an empty placeholder {} at column 4; the placeholders are index, name, artist, title, start, end, duration, bar, isrc.'],
    ['{start:hh:mm}', 'The template\'s {start:hh:mm} at column 1 has an unknown time style; use m:ss, mm:ss, h:mm:ss or hh:mm:ss (each with .ms for milliseconds), ms or s.'],
    ['x {index:x2}', 'The template\'s {index:x2} at column 3 has an unknown number style; use a width such as 02 (zero-padded to 2 digits) or 3 (padded with spaces).'],
    ['{name:02}', 'The template\'s {name:02} at column 1 takes no style; only index, start, end and duration do.'],
    ['plain text', 'The template has no placeholder, so every line would be the same; use some of index, name, artist, title, start, end, duration, bar, isrc, e.g. {index:02}. {artist} - {title} [{start:hh:mm:ss}].'],
    ['{name}\u0007', 'The template has a control character at column 7; only tabs and line breaks may be part of it.'],
  ])('%j: invalid-option naming the problem and its column', (template, message) => {
    expect(() => parseTemplate(template)).toThrow(expect.objectContaining({ name: 'DawstampsError', code: 'invalid-option', message }));
    // the same sentence from an export, in any format: the option is checked where every option is
    expect(() => exportResult(set, 'text', { template })).toThrow(expect.objectContaining({ code: 'invalid-option', message }));
  });

  it('allows spaces, capitals, tabs and line breaks', () => {
    expect(render('{ Index : 02 }\t{name}\n  at {start : m:ss}').split('\n').slice(0, 2)).toEqual(['01\tIntro', '  at 0:00']);
    // a template pasted from Windows: CRLF line breaks are line breaks; a lone CR is not
    expect(render('{name}\r\n{start:m:ss}').split('\n').slice(0, 2)).toEqual(['Intro\r', '0:00']);
    expect(() => render('{name}\r{start}')).toThrow(/control character at column 7/);
  });
});
