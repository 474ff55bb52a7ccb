import { describe, expect, it } from 'vitest';
import type { XmlRule } from '../../lib/xml';
import { skipStep, startSkip } from '../../lib/xml/skip';
import { codeOf, extract } from './helpers';

/** Logs the wanted elements; everything under Set other than Want is skipped. */
const rules = (log: string[]): XmlRule[] => [
  { path: 'Root/Set/Want', onOpen: (e) => log.push(`want ${e.attrs['V']}`) },
  { path: 'Root/Set/Skip', onClose: () => log.push('/skip') },
];

const sizes = [1, 2, 3, 5, 7, 11, 64, 1 << 16];

/** The same document read whole and in pieces of every size above gives `expected`. */
function check(xml: string, expected: string[]): void {
  for (const size of sizes) expect(extract(xml, rules, size), `pieces of ${size}`).toEqual(expected);
}

describe('skipping a subtree by its name', () => {
  it('counts only <Name and </Name as tags: not the name inside longer names, attributes, text, comments, CDATA or PIs', () => {
    const inside = [
      '<EffectiveName Value="Name" /><UserName>Name </Name-ish</UserName>',
      '<NameX a="1"></NameX><Name/><Name  b="/>"/>',
      '<Name c=">"><Name><Name>Name</Name ></Name\n></Name>',
      '<!-- </Name> </Skip> --><![CDATA[ </Name></Skip> ]]><?pi </Name> ?>',
      'a &lt;/Name&gt; b',
    ].join('\n');
    const xml = `<Root><Set><Want V="1"/><Name k="v">${inside}</Name><Want V="2"/><Skip><Name>${inside}</Name></Skip><Want V="3"/></Set></Root>`;
    check(xml, ['want 1', 'want 2', '/skip', 'want 3']);
  });

  it('finds the end tag however it is split: before <, between < and /, inside the name, before >', () => {
    const body = 'x'.repeat(37);
    const xml = `<Root><Set><LongName>${body}<LongName>${body}</LongName >${body}</LongName><Want V="after"/></Set></Root>`;
    check(xml, ['want after']);
  });

  it('skips short names (by tag) and names turning up as text every few characters (falls back to by tag)', () => {
    const dense = 'Wave '.repeat(5000);
    const xml = `<Root><Set><Ab>${'<Ab x="1"><Ab/></Ab>'.repeat(50)}</Ab><Wave>${dense}<Wave>${dense}</Wave>${dense}</Wave><Want V="end"/></Set></Root>`;
    check(xml, ['want end']);
  });

  it('leaves a skip by name for a skip by tag when the name is mostly not a tag', () => {
    const s = startSkip('Wave');
    expect(s.byName).toBe(true);
    const buf = `${'Wave '.repeat(1000)}</Wave><After/>`;
    const r = skipStep(buf, 0, s, () => -1, { maxValue: 1 << 20, maxDepth: 10 });
    expect(s.byName).toBe(false);
    expect(r).toEqual({ kind: 'done', pos: buf.indexOf('<After/>') });
    expect(startSkip('Ab').byName).toBe(false);
  });

  it('keeps the depth limit and the broken-XML errors in skipped regions', () => {
    const limits = { maxXmlDepth: 20, maxValueBytes: 1 << 20 };
    const deep = `<Root><Set><Deep>${'<Deep>'.repeat(30)}${'</Deep>'.repeat(30)}</Deep></Set></Root>`;
    expect(codeOf(() => extract(deep, rules, 7, limits))).toBe('xml-too-deep');
    expect(codeOf(() => extract('<Root><Set><Name><Name a=1></Name></Name></Set></Root>', rules))).toBe('corrupt-file');
    expect(codeOf(() => extract('<Root><Set><Name><Name></Name></Set></Root>', rules))).toBe('corrupt-file');
  });
});
