// What XML 1.0 says a parser hands on, found missing by the differential test against saxes:
// references in text decoded (§4.6), line ends read as LF (§2.11), attribute values normalized
// (§3.3.3). Each answer must not depend on where the input is cut into pieces.
import { describe, expect, it } from 'vitest';
import type { XmlRule } from '../../lib/xml';
import { extract } from './helpers';

const tree = (log: string[]): XmlRule[] => [{ path: 'R/L', onTree: (n) => log.push(JSON.stringify(n)) }];
const attrs = (log: string[]): XmlRule[] => [
  { path: 'R/A', onOpen: (e) => log.push(`open ${JSON.stringify(e.attrs)}`) },
  { path: 'R/T', onTag: (t) => log.push(`tag ${JSON.stringify(t.string('V'))} ${t.number('V')}`) },
];
const SIZES = [1 << 16, 1, 2, 3, 5];

describe('text of a captured element', () => {
  it('has its references decoded, but not inside CDATA', () => {
    const xml = '<R><L>x &lt; y &amp;amp; &#65;&#x42; &unknown;<![CDATA[ &amp; ]]>z</L></R>';
    for (const size of SIZES) {
      expect(extract(xml, tree, size).map((s) => JSON.parse(s).text)).toEqual(['x < y &amp; AB &unknown; &amp; z']);
    }
  });

  it('reads CRLF and a lone CR as LF, in CDATA too, however the input is cut', () => {
    const xml = '<R><L>a\r\nb\rc<![CDATA[d\r\ne\r]]>\r\n<C>f\r</C>\r</L></R>';
    for (const size of SIZES) {
      const node = JSON.parse(extract(xml, tree, size)[0]!);
      expect(node.text).toBe('a\nb\ncd\ne\n\n\n');
      expect(node.children[0].text).toBe('f\n');
    }
  });

  it('keeps a CR that a comment separates from an LF as its own line end', () => {
    expect(JSON.parse(extract('<R><L>a\r<!-- x -->\nb</L></R>', tree)[0]!).text).toBe('a\n\nb');
  });
});

describe('attribute values', () => {
  it('turn each literal tab, LF, CR or CRLF into one space; references to them stay', () => {
    const xml = '<R><A v="a\tb\nc\r\nd\re" w="&#9;&#10;&#13;" x="1&#10;2\n3" /><T V=" 5\n" /><T V="\t" /></R>';
    for (const size of SIZES) {
      expect(extract(xml, attrs, size)).toEqual([
        `open ${JSON.stringify({ v: 'a b c d e', w: '\t\n\r', x: '1\n2 3' })}`,
        'tag " 5 " 5',
        'tag " " NaN',
      ]);
    }
  });
});
