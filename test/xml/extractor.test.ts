import { describe, expect, it } from 'vitest';
import type { XmlRule } from '../../lib/xml';
import { codeOf, extract, show } from './helpers';

const rules = (log: string[]): XmlRule[] => [
  { path: 'Root', onOpen: (e) => log.push(`root ${JSON.stringify(e.attrs)}`) },
  { path: 'Root/Set/Locators/Locators/Locator', onTree: (n) => log.push(`tree ${show(n)}`) },
  { path: 'Root/Set/Master|Main/Tempo/Manual', onOpen: (e) => log.push(`manual ${e.attrs['Value']}`) },
  { path: 'Root/Set/Tracks/*', onOpen: (e) => log.push(`track ${e.name}`), onClose: (n) => log.push(`/track ${n}`) },
  { path: 'Root/Set/Tracks/Audio/Clip', onOpen: (e) => log.push(`clip ${e.attrs['Time']}`) },
];

const doc = `<?xml version="1.0" encoding="UTF-8"?>
<!-- a comment with <Set> and <Locators> inside -->
<Root Version="1" Note="a &gt; b &amp; &#x4F60;&#22909;">
  <Set>
    <Tracks>
      <Audio Id="1" Label="x > y">
        <Devices><Locators><Locators><Locator><Time Value="99" /></Locator></Locators></Locators></Devices>
        <Clip Time="4"><Locators><Locators><Locator><Name Value="decoy in clip" /></Locator></Locators></Locators></Clip>
        <Clip Time="8" />
      </Audio>
      <Midi><Tempo><Manual Value="1" /></Tempo><Data><![CDATA[ <Master><Tempo><Manual Value="2" /></Tempo></Master> </Midi> ]]></Data></Midi>
      <Audio/>
    </Tracks>
    <Name Value="Master" />
    <Master Kind='main' Extra="/>">
      <Tempo><Manual Value="128.5" /><Manual Value="129" /></Tempo>
    </Master>
    <?pi <Locators> ?>
    <Locators Lom="0"><Locators>
      <Locator Id="0"><Time Value="8" /><Name Value="Zwei – 你好" /></Locator>
      <Locator Id="1"><Time Value="0" /><Name Value="" /><Text><![CDATA[raw <b>]]></Text></Locator>
    </Locators></Locators>
  </Set>
</Root>`;

const expected = [
  'root {"Version":"1","Note":"a > b & 你好"}',
  'track Audio',
  'clip 4',
  'clip 8',
  '/track Audio',
  'track Midi',
  '/track Midi',
  'track Audio',
  '/track Audio',
  'manual 128.5',
  'manual 129',
  'tree Locator Id=0[Time Value=8,Name Value=Zwei – 你好]',
  'tree Locator Id=1[Time Value=0,Name Value=,Text "raw <b>"]',
];

describe('XmlExtractor', () => {
  it('hands back only the elements at the requested paths, not same-named ones deeper or in CDATA/comments', () => {
    expect(extract(doc, rules)).toEqual(expected);
  });

  it('gives the same answer however the bytes are split (1-byte chunks, odd sizes)', () => {
    for (const size of [1, 2, 3, 7, 64, 1000]) expect(extract(doc, rules, size)).toEqual(expected);
  });

  it('matches elements whose start tags carry attributes (Live 12.1+)', () => {
    const log = extract('<Root><Set Id="3" ><Master A="1"\n B="2"><Tempo  X="&quot;"><Manual Value="90" /></Tempo></Master></Set></Root>', rules);
    expect(log).toContain('manual 90');
  });

  it('skips large subtrees of nested same-named elements correctly', () => {
    const inner = '<Tracks><Tracks><Tracks a="1"/></Tracks></Tracks>'.repeat(500);
    const xml = `<Root><Set><Other>${inner}<Tracks><Locators/></Tracks></Other><Master><Tempo><Manual Value="7" /></Tempo></Master></Set></Root>`;
    for (const size of [1, 13, 4096]) expect(extract(xml, rules, size)).toEqual(['root {}', 'manual 7']);
  });

  it('keeps names like __proto__ and constructor as plain data', () => {
    const log = extract('<Root><Set><Locators><Locators><Locator __proto__="x" constructor="y"><__proto__ Value="1" /></Locator></Locators></Locators></Set></Root>', rules);
    expect(log).toEqual(['root {}', 'tree Locator __proto__=x constructor=y[__proto__ Value=1]']);
    expect(({} as Record<string, unknown>)['Value']).toBeUndefined();
  });
});

describe('XmlExtractor on hostile or broken input', () => {
  const run = (xml: string, limits?: { maxXmlDepth: number; maxValueBytes: number }): string | undefined =>
    codeOf(() => extract(xml, rules, 1 << 16, limits));

  it('refuses DOCTYPE and ENTITY declarations (billion laughs) without expanding anything', () => {
    const laughs = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><Root>&lol2;</Root>';
    expect(run(laughs)).toBe('unsafe-xml');
    expect(run('<Root><Set><Deep><!ENTITY x "y"></Deep></Set></Root>')).toBe('unsafe-xml');
    expect(run('<Root><!DOCTYPE x SYSTEM "file:///etc/passwd"></Root>')).toBe('unsafe-xml');
  });

  it('stops nesting deeper than the limit, in walked and in skipped regions', () => {
    const limits = { maxXmlDepth: 50, maxValueBytes: 1 << 20 };
    expect(run(`<Root><Set>${'<a>'.repeat(60)}${'</a>'.repeat(60)}</Set></Root>`, limits)).toBe('xml-too-deep');
    expect(run(`<Root><Set><Locators><Locators><Locator>${'<b>'.repeat(60)}${'</b>'.repeat(60)}</Locator></Locators></Locators></Set></Root>`, limits)).toBe('xml-too-deep');
    expect(run(`<Root><Set>${'<a>'.repeat(40)}${'</a>'.repeat(40)}</Set></Root>`, limits)).toBeUndefined();
  });

  it('refuses attribute values and text over the value limit', () => {
    const limits = { maxXmlDepth: 50, maxValueBytes: 1000 };
    expect(run(`<Root><Set><Master><Tempo><Manual Value="${'9'.repeat(2000)}" /></Tempo></Master></Set></Root>`, limits)).toBe('value-too-long');
    expect(run(`<Root><Set><Locators><Locators><Locator>${'x'.repeat(2000)}</Locator></Locators></Locators></Set></Root>`, limits)).toBe('value-too-long');
  });

  it('reports broken and truncated XML as corrupt-file', () => {
    expect(run('<Root><Set></Tracks></Root>')).toBe('corrupt-file');
    expect(run('<Root><Set><Master><Tempo><Manual Value="1" /></Tempo></Master>')).toBe('corrupt-file');
    expect(run('<Root><Set><Master><Tempo><Manual Value=1 /></Tempo></Master></Set></Root>')).toBe('corrupt-file');
    expect(run('<Root><Set><Other><x>')).toBe('corrupt-file');
    expect(run('<Root><!-- never closed')).toBe('corrupt-file');
    expect(run('')).toBe('corrupt-file');
    expect(run('just text')).toBe('corrupt-file');
  });
});
