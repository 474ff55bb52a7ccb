// An Ableton set's XML must be whole, and alone: a set cut short is corrupt-file wherever the cut
// falls (after the locators too), a set followed by anything but whitespace, comments and
// processing instructions is corrupt-file (two sets in one gzip are not silently the first), and a
// gzip that holds no XML at all is not-a-project. Whole bytes and streams, pako and node:zlib.
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { zlibInflate } from '../../../functions/node/zlib-inflate';
import { convert, isDawstampsError, type ConvertInput, type ConvertOptions, type Inflate } from '../../../lib';
import { pakoInflate } from '../../../lib/inflate';
import { alsXml } from '../../helpers/als-builder';
import { FlpBuilder } from '../../helpers/flp-builder';

const enc = new TextEncoder();
const inflaters: Array<[string, Inflate]> = [['pako', pakoInflate], ['node:zlib', zlibInflate]];
const gz = (bytes: Uint8Array | string): Uint8Array => new Uint8Array(gzipSync(typeof bytes === 'string' ? enc.encode(bytes) : bytes));
const join = (...parts: Uint8Array[]): Uint8Array => new Uint8Array(Buffer.concat(parts));

async function* chunks(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.slice(at, at + size);
}

/** The bytes whole, and as streams of small and large pieces. */
function inputs(bytes: Uint8Array): Array<[string, () => ConvertInput]> {
  return [['whole', () => bytes], ['13-byte chunks', () => chunks(bytes, 13)], ['64 KB chunks', () => chunks(bytes, 1 << 16)]];
}

/** What convert() comes to for every input form and inflater: 'ok' or the error's code and message. */
async function outcomes(bytes: Uint8Array, options: ConvertOptions = {}): Promise<Array<{ label: string; code: string; message: string }>> {
  const out = [];
  for (const [form, input] of inputs(bytes)) {
    for (const [name, inflate] of inflaters) {
      const label = `${form}, ${name}`;
      try {
        await convert(input(), { ...options, inflate });
        out.push({ label, code: 'ok', message: '' });
      } catch (e) {
        if (!isDawstampsError(e)) throw e;
        out.push({ label, code: e.code, message: e.message });
      }
    }
  }
  return out;
}

const xml = alsXml({ live: 11, tempo: 124, locators: [{ time: 0, name: 'Intro' }, { time: 64, name: 'Drop' }], junk: { tracks: 3, seed: 3 } });
const set = enc.encode(xml);

describe('a set cut short', () => {
  const afterLocators = xml.indexOf('</Locators>') + '</Locators>'.length;
  const end = xml.lastIndexOf('</Ableton>') + '</Ableton>'.length;
  const cuts = [afterLocators, afterLocators + 1, xml.lastIndexOf('</LiveSet>'), end - '</Ableton>'.length, end - 3, end - 1];

  it('is corrupt-file as plain XML, whole or streamed, wherever it ends (the locators read or not)', async () => {
    expect(afterLocators).toBeGreaterThan(100);
    for (const cut of cuts) {
      for (const o of await outcomes(set.subarray(0, cut))) {
        expect([o.label, o.code], `cut at ${cut}`).toEqual([o.label, 'corrupt-file']);
        expect(o.message).toMatch(new RegExp(`^The XML is broken: it ends before the document does \\(after ${cut} bytes, .*<\\w+>\\)\\.$`));
      }
    }
  });

  it('is corrupt-file in a complete gzip stream, and in a cut gzip stream', async () => {
    for (const cut of cuts) {
      for (const o of await outcomes(gz(set.subarray(0, cut)))) {
        expect([o.label, o.code]).toEqual([o.label, 'corrupt-file']);
        expect(o.message).toContain(`it ends before the document does (after ${cut} bytes`);
      }
    }
    const whole = gz(set);
    for (const cut of [whole.length >> 1, whole.length - 9, whole.length - 1]) {
      for (const o of await outcomes(whole.subarray(0, cut))) expect([cut, whole.length, o.label, o.code]).toEqual([cut, whole.length, o.label, "corrupt-file"]);
    }
  });

  it('the whole set reads, with whitespace, comments and processing instructions after it', async () => {
    const tail = enc.encode('\n<!-- saved -->\r\n<?x y?>\n\n');
    for (const bytes of [set, join(set, tail), gz(set), gz(join(set, tail))]) {
      for (const o of await outcomes(bytes)) expect([o.label, o.code]).toEqual([o.label, 'ok']);
    }
    const result = await convert(gz(join(set, tail)));
    expect(result.markers.map((m) => m.name)).toEqual(['Intro', 'Drop']);
  });
});

describe('something after the set', () => {
  it('two sets in one gzip member, in two members, or as plain XML: corrupt-file, not the first set', async () => {
    for (const bytes of [gz(join(set, set)), join(gz(set), gz(set)), join(set, enc.encode('\n'), set)]) {
      for (const o of await outcomes(bytes)) {
        expect([o.label, o.code]).toEqual([o.label, 'corrupt-file']);
        expect(o.message).toMatch(/^The XML is broken: there is data after the end of the document \(“<\?xml /);
      }
    }
  });

  it('junk, an element or text after the root: corrupt-file', async () => {
    for (const tail of ['junk', '<Ableton/>', '<LiveSet></LiveSet>', '\0\0\0\0', ']]>']) {
      for (const bytes of [gz(join(set, enc.encode(tail))), join(gz(set), gz(tail))]) {
        for (const o of await outcomes(bytes)) expect([tail, o.label, o.code]).toEqual([tail, o.label, 'corrupt-file']);
      }
    }
  });

  it('stops at the junk, not at the inflated-size limit; trailing whitespace counts towards that limit', async () => {
    const limits = { maxInflatedBytes: set.length + 1024 * 1024 };
    const junkThenSpace = gz(join(set, enc.encode('x'), new Uint8Array(64 * 1024 * 1024).fill(32)));
    for (const o of await outcomes(junkThenSpace, { limits })) expect([o.label, o.code]).toEqual([o.label, 'corrupt-file']);
    const spaceOnly = gz(join(set, new Uint8Array(4 * 1024 * 1024).fill(10)));
    for (const o of await outcomes(spaceOnly, { limits })) expect([o.label, o.code]).toEqual([o.label, 'inflated-too-large']);
    for (const o of await outcomes(spaceOnly)) expect([o.label, o.code]).toEqual([o.label, 'ok']);
  });
});

describe('a gzip that holds no XML', () => {
  const random = Uint8Array.from({ length: 5000 }, (_, i) => (i * 7919 + (i >> 3)) % 256);
  const flp = new FlpBuilder().build();

  it('gzipped text, random bytes, an FL Studio project, nothing, only whitespace or UTF-16: not-a-project', async () => {
    const utf16 = new Uint8Array(Buffer.from(`\uFEFF${xml.slice(0, 200)}`, 'utf16le'));
    const cases: Array<[string, Uint8Array]> = [
      ['text', gz('These are the notes for my set, not the set.')],
      ['random bytes', gz(random)],
      ['an FL Studio project', gz(flp)],
      ['nothing', gz(new Uint8Array(0))],
      ['whitespace', gz(new Uint8Array(10_000).fill(32))],
      ['UTF-16', gz(utf16)],
      ['a less-than sign and a space', gz('< Ableton>')],
    ];
    for (const [what, bytes] of cases) {
      for (const o of await outcomes(bytes)) {
        expect([what, o.label, o.code]).toEqual([what, o.label, 'not-a-project']);
        expect(o.message).toBe('This file is compressed the way Live sets are, but what is inside is not an Ableton Live set.');
      }
    }
  });

  it('a damaged gzip stream stays corrupt-file, and XML that is not a set stays not-a-project', async () => {
    const damaged = gz(random);
    damaged[damaged.length >> 1]! ^= 0xff;
    for (const bytes of [damaged, gz(set).subarray(0, 30), Uint8Array.of(0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3)]) {
      for (const o of await outcomes(bytes)) expect([o.label, o.code]).toEqual([o.label, 'corrupt-file']);
    }
    for (const o of await outcomes(gz('<?xml version="1.0"?>\n<svg><g/></svg>'))) expect([o.label, o.code]).toEqual([o.label, 'not-a-project']);
    // XML-looking but broken before the root: the XML reader's word
    for (const bytes of [gz('<?xml version="1.0"?>junk'), gz('  <'), gz('<Abl')]) {
      for (const o of await outcomes(bytes)) expect([o.label, o.code]).toEqual([o.label, 'corrupt-file']);
    }
  });
});
