import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TagView, XmlRule } from '../../lib/xml';
import { spanNumber } from '../../lib/xml/tag';
import { codeOf, extract } from './helpers';

/** Logs each event's Time and Value as read in place, plus what else the view answers. */
const events = (log: string[]): XmlRule[] => [
  {
    path: 'R/Events/*',
    onTag: (t: TagView) => log.push(`${t.name} ${t.number('Time')} ${t.number('Value')} ${t.string('Note') ?? '-'}`),
    onClose: (name) => log.push(`/${name}`),
  },
  { path: 'R/After', onOpen: () => log.push('after') },
];

describe('onTag: start tags read in place', () => {
  it('reads numbers and strings from the text, entities decoded, the last of a repeated name', () => {
    const xml = `<R><Events>
      <E Time="1.5" Value="-2" />
      <E Time=" 7 " Value="1e3" Note="a &amp; b" />
      <E Time="&#52;2" Value="" />
      <E Value="0x10" Time='3' Time="4"/>
      <E Time="12345678901234567890" Value="-0.000000000000000000000001" />
      <E Time="1.2.3" Value="-" Note='x"y' />
    </Events><After /></R>`;
    expect(extract(xml, events)).toEqual([
      'E 1.5 -2 -', '/E',
      'E 7 1000 a & b', '/E',
      'E 42 NaN -', '/E',
      'E 4 16 -', '/E',
      'E 12345678901234567000 -1e-24 -', '/E',
      'E NaN NaN x"y', '/E',
      'after',
    ]);
  });

  it('reads a run of same-named siblings the same however the bytes are split', () => {
    const run = Array.from({ length: 40 }, (_, i) => `<F Id="${i}" Time="${i / 4}" Value="${120 + i / 8}" />`).join('\n');
    const odd = '<F Id="40" Time="50" Value="6" Note="one more &amp; last" /><F Id="41" Time="1>2" Value="7" /><F Id="42" Time="51" Value="8"/><F Id="43" Time="52" Value="9" />' + `<F Time='60' Value='1' Note='x"y' /><F Time='61' Value='2' Note='p"q' /><F Time='62' Value='3' Note='r" />' />` + `<G Note='1' /><G Note='x" />' />`;
    const xml = `<R><Events>${run}${odd}\n<F Time="99" Value="1"></F><!-- <F Time="-1" Value="-1" /> --><G Time="5" Value="6"/><F Time='7' Value="8"/><FX Time="11" Value="12"/>\t<F\nTime="9" Value="10" /></Events><Other><Events><F Time="-2" Value="-2" /></Events></Other><After/></R>`;
    const whole = extract(xml, events);
    expect(whole.filter((l) => l.startsWith('F ')).map((l) => l.split(' ')[1])).toEqual([...Array.from({ length: 40 }, (_, i) => String(i / 4)), '50', 'NaN', '51', '52', '60', '61', '62', '99', '7', '9']);
    expect(whole).toContain('F 61 2 p"q');
    expect(whole).toContain('F 62 3 r" />');
    expect(whole).toContain('G NaN NaN x" />');
    expect(whole).toContain('F 50 6 one more & last');
    expect(whole).toContain('G 5 6 -');
    expect(whole).toContain('FX 11 12 -');
    expect(whole.at(-1)).toBe('after');
    for (const size of [1, 2, 3, 5, 17, 64]) expect(extract(xml, events, size)).toEqual(whole);
  });

  it('stops at the end of a self-closing root: what follows is not read as a sibling, and is an error', () => {
    const log: string[] = [];
    expect(codeOf(() => extract('<R Time="1"/><R Time="2"/>', () => [{ path: 'R', onTag: (t) => log.push(t.string('Time') ?? '') }]))).toBe('corrupt-file');
    expect(log).toEqual(['1']);
  });
});

describe('spanNumber', () => {
  const at = (text: string): number => spanNumber(`"${text}"`, 1, text.length + 1);

  it('equals Number() on plain decimals, also past 2^53 and with many fraction digits', () => {
    const decimal = fc.tuple(fc.boolean(), fc.stringMatching(/^[0-9]{1,25}$/), fc.option(fc.stringMatching(/^[0-9]{0,25}$/)));
    fc.assert(
      fc.property(decimal, ([neg, int, frac]) => {
        const text = `${neg ? '-' : ''}${int}${frac === null ? '' : `.${frac}`}`;
        expect(Object.is(at(text), Number(text))).toBe(true);
      }),
      { numRuns: 5000 },
    );
    for (const f of ['0.1', '124.80000305175781', '1e-7', '123456789.123456789', String(2 ** 53 + 1)]) expect(at(f)).toBe(Number(f));
  });

  it('falls back to Number() for everything else; blank is NaN, not 0', () => {
    for (const text of ['1e5', '+3', ' 4 ', '.5', '5.', 'Infinity', '0x1F', '1_000', '--1', '']) {
      expect(Object.is(at(text), text.trim() === '' ? NaN : Number(text))).toBe(true);
    }
  });
});
