// Where the document ends: truncated XML (the root, a tag, an attribute, a comment, CDATA or a
// processing instruction still open) and what may follow the root element (whitespace, comments,
// processing instructions; nothing else), whole or split into pieces of any size.
import { describe, expect, it } from 'vitest';
import { isDawstampsError } from '../../lib/errors';
import type { XmlRule } from '../../lib/xml';
import { extract } from './helpers';

const rules = (log: string[]): XmlRule[] => [
  { path: 'Root/Set/Locators/Locator', onTree: (n) => log.push(`locator ${n.attrs['Name']}`) },
  { path: 'Root/Set/Tempo', onOpen: (e) => log.push(`tempo ${e.attrs['Value']}`) },
];

const SIZES = [1, 2, 3, 7, 64, 1 << 16];

const head = '\uFEFF<?xml version="1.0" encoding="UTF-8"?>\n<!-- made by hand -->\n';
const body = '<Root Version="1"><Set><Locators><Locator Name="Intro"/><Locator Name="Zwei – 你好"><x/></Locator></Locators>'
  + '<Tempo Value="120"/><Junk><Junk a="1"><!-- <Root> --><![CDATA[ </Junk> ]]><?pi ?></Junk></Junk></Set></Root>';
const whole = head + body;

/** The error `extract` throws with pieces of `size` bytes (undefined when it reads through). */
function failure(xml: string, size: number): { code: string; message: string } | undefined {
  try {
    extract(xml, rules, size);
  } catch (e) {
    if (!isDawstampsError(e)) throw e;
    return { code: e.code, message: e.message };
  }
  return undefined;
}

describe('the end of the document', () => {
  it('reads a complete document whatever the piece size, a BOM split across pieces included', () => {
    for (const size of SIZES) expect(extract(whole, rules, size)).toEqual(['locator Intro', 'locator Zwei – 你好', 'tempo 120']);
  });

  it('refuses every cut before the root element closes, in pieces of any size, saying so and where', () => {
    const bytes = new TextEncoder().encode(whole);
    const end = bytes.length - '</Root>'.length;
    for (const size of [1, 5, 1 << 16]) {
      for (let cut = 0; cut <= end + 6; cut++) {
        const text = new TextDecoder().decode(bytes.subarray(0, cut));
        const e = failure(text, size);
        expect(e?.code, `cut at ${cut}, pieces of ${size}`).toBe('corrupt-file');
        expect(e!.message).toMatch(/^The XML is broken: /);
        if (cut > 3 && /<Root /.test(text)) expect(e!.message).toContain('ends before the document does');
      }
    }
  });

  it('names the byte offset and what was open', () => {
    const at = (xml: string): string => failure(xml, 1 << 16)!.message;
    const prefix = '<Root><Set><Locators>';
    expect(at(`${prefix}<Locator Name="a">`)).toBe(`The XML is broken: it ends before the document does (after ${prefix.length + 18} bytes, inside <Locator>).`);
    expect(at('<Root><Set><Junk><Deep>')).toContain('inside <Junk>');
    expect(at('<Root><Set><Tempo Value="12')).toContain('in the tag “<Tempo Value="12” inside <Set>');
    expect(at('<Root><Set><!-- a comment')).toContain('in a comment inside <Set>');
    expect(at('<Root><Set><Junk><![CDATA[ data')).toContain('in a CDATA section inside <Junk>');
    expect(at('<Root><Set><?pi ')).toContain('in a processing instruction inside <Set>');
    expect(at('<Root><Set></Se')).toContain('in the tag “</Se” inside <Set>');
    expect(at('<Root><Set></Set>')).toContain('inside <Root>');
    expect(at('<?xml version="1.0"?>')).toContain('before any element');
    expect(at('<?xml version="1.0"?><Ro')).toContain('in the tag “<Ro” before the root element');
    expect(at('')).toContain('(after 0 bytes, before any element)');
    // multi-byte characters count as bytes: ä is two
    expect(at('<Root N="ä">')).toContain('after 13 bytes');
  });

  it('allows whitespace, comments and processing instructions after the root, split anywhere', () => {
    const tail = ' \r\n\t<!-- saved by Live -->\n<?app data="1"?>\n<!---->  <?x?>\n\n';
    for (const size of SIZES) expect(extract(whole + tail, rules, size)).toEqual(['locator Intro', 'locator Zwei – 你好', 'tempo 120']);
  });

  it('refuses anything else after the root, split anywhere: a second document, an element, text, CDATA, a DOCTYPE', () => {
    const cases = [
      `\n${whole}`, // the same set twice
      '\n<Root/>',
      '<Other>',
      'junk',
      '\n\n  x',
      '<![CDATA[x]]>',
      '<!DOCTYPE x>',
      '<?xml version="1.0"?>',
      '<?XML?>',
      '</Root>',
      '<',
      '<!-',
      '<!-- fine --><!',
      '<?pi?>&amp;',
      '\u0000',
    ];
    for (const tail of cases) {
      for (const size of SIZES) {
        const e = failure(whole + tail, size);
        expect(e?.code, `${JSON.stringify(tail)} in pieces of ${size}`).toBe('corrupt-file');
      }
    }
    expect(failure(`${whole}\n${whole}`, 1 << 16)!.message).toBe('The XML is broken: there is data after the end of the document (“﻿<?xml version="1.0" encoding="UTF-8"?> ”).');
    expect(failure(`${whole}junk`, 1 << 16)!.message).toBe('The XML is broken: there is data after the end of the document (“junk”).');
  });

  it('an unterminated comment or processing instruction after the root is still broken', () => {
    for (const size of SIZES) {
      expect(failure(`${whole}<!-- open`, size)?.message).toContain('ends before the document does');
      expect(failure(`${whole}<?pi open`, size)?.message).toContain('in a processing instruction after </Root>');
    }
  });

  it('a self-closing root and a root nothing is wanted from end the document too', () => {
    expect(extract('<Root/>\n<!-- -->', rules)).toEqual([]);
    expect(failure('<Root/><Root/>', 1)?.code).toBe('corrupt-file');
    expect(extract('<Other><Set><Tempo Value="1"/></Set></Other>\n', rules)).toEqual([]);
    expect(failure('<Other><Set/></Other><Other/>', 3)?.code).toBe('corrupt-file');
    expect(failure('<Other><Set/>', 3)?.message).toContain('inside <Other>');
  });

  it('refuses text and CDATA before the root element', () => {
    for (const size of SIZES) {
      expect(failure('hello <Root/>', size)?.message).toMatch(/text before the root element: “h(e|el|ello )?”/);
      expect(failure('<?xml version="1.0"?>\nx<Root/>', size)?.code).toBe('corrupt-file');
      expect(failure('<![CDATA[x]]><Root/>', size)?.message).toContain('a CDATA section before the root element');
    }
  });
});
