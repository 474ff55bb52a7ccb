/** Mutators for the fuzz suite: byte-level damage, XML-aware damage, and hostile documents. */
import { gzipSync } from 'node:zlib';
import type { Rng } from './fuzz-kit';

/** A mutated copy and a label that says how to make it again. */
export interface Mutant {
  label: string;
  bytes: Uint8Array;
}

/** A copy cut at `n` bytes. */
export function truncate(b: Uint8Array, n: number): Mutant {
  return { label: `truncated at ${n}`, bytes: b.slice(0, n) };
}

/** One byte-level mutation: bit flips, overwritten runs, inserted or deleted runs, a duplicated range. */
export function mutateBytes(b: Uint8Array, r: Rng): Mutant {
  const at = r.int(b.length);
  const len = 1 + r.int(r() < 0.7 ? 8 : 512);
  switch (r.int(6)) {
    case 0: {
      const copy = b.slice();
      copy[at] = copy[at]! ^ (1 << r.int(8));
      return { label: `bit flip at ${at}`, bytes: copy };
    }
    case 1: {
      const copy = b.slice();
      const flips = 1 + r.int(16);
      for (let k = 0; k < flips; k++) copy[r.int(copy.length)] = r.int(256);
      return { label: `${flips} random bytes`, bytes: copy };
    }
    case 2: {
      const copy = b.slice();
      copy.fill(r.pick([0x00, 0xff, 0x7f, 0x80]), at, at + len);
      return { label: `run of ${len} filled at ${at}`, bytes: copy };
    }
    case 3:
      return { label: `${len} random bytes inserted at ${at}`, bytes: concat(b.subarray(0, at), randomBytes(len, r), b.subarray(at)) };
    case 4:
      return { label: `${len} bytes deleted at ${at}`, bytes: concat(b.subarray(0, at), b.subarray(at + len)) };
    default: {
      const from = r.int(b.length);
      return { label: `${len} bytes from ${from} copied to ${at}`, bytes: concat(b.subarray(0, at), b.subarray(from, from + len), b.subarray(at)) };
    }
  }
}

/** Pieces of markup and text that break XML readers in interesting ways. */
const XML_SPLINTERS = [
  '<', '>', '/>', '</', '"', "'", '=', '&', '&amp;', '&#0;', '&#xD800;', '&#99999999;', '&lt;&gt;', '&unknown;',
  '<Locator>', '</Locator>', '<Locators>', '</Locators>', '<Tempo>', '</MasterTrack>', '<Events>', '<FloatEvent Time="1e308" Value="1e308" />',
  '<!--', '-->', '<![CDATA[', ']]>', '<?', '?>', '<!DOCTYPE x>', '<!ENTITY a "b">', '<!ELEMENT x ANY>',
  '<__proto__ Value="1" />', ' __proto__="x"', ' constructor="y"', '<constructor />', '<prototype polluted="yes" />',
  ' Value="NaN"', ' Value="-1e308"', ' Value="1e-320"', ' Value=""', ' Time="-63072000"', ' Value="Infinity"',
  '\u0000', '\uFEFF', '\uFFFF', '\u{1F600}', '\u202E',
];

/** Hostile attribute values for a `Value="…"` or `Time="…"`. */
const NUMBERS = ['', 'NaN', 'Infinity', '-Infinity', '1e308', '-1e308', '1e-320', '0', '-0', '-1', '0x10', '1e12', '-63072000', '99999999999', '4.9e-324', 'true', 'false', ' 5 ', '1,5', '１２'];

/** Bytes that are not valid UTF-8: lone continuation, truncated sequences, overlongs, surrogates, 0xFF. */
const BAD_UTF8 = [[0x80], [0xc3], [0xe2, 0x82], [0xf0, 0x9f, 0x98], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xff, 0xfe], [0xf8, 0x88, 0x80, 0x80, 0x80]];

/** Positions of every `needle` in `text` (capped, for large documents). */
function positions(text: string, needle: string, cap = 50_000): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(needle); i !== -1 && out.length < cap; i = text.indexOf(needle, i + 1)) out.push(i);
  return out;
}

/** One XML-aware mutation of an inflated set (text in, bytes out — invalid UTF-8 is possible). */
export function mutateXml(xml: string, r: Rng): Mutant {
  const enc = new TextEncoder();
  const at = r.int(xml.length);
  switch (r.int(7)) {
    case 0: {
      const s = r.pick(XML_SPLINTERS);
      return { label: `${JSON.stringify(s)} inserted at ${at}`, bytes: enc.encode(xml.slice(0, at) + s + xml.slice(at)) };
    }
    case 1: {
      const values = positions(xml, r() < 0.5 ? 'Value="' : 'Time="');
      if (values.length === 0) return mutateXml(xml, r);
      const p = r.pick(values);
      const start = xml.indexOf('"', p) + 1;
      const end = xml.indexOf('"', start);
      const v = r.pick(NUMBERS);
      return { label: `value at ${start} set to ${JSON.stringify(v)}`, bytes: enc.encode(xml.slice(0, start) + v + xml.slice(end)) };
    }
    case 2: {
      const len = 1 + r.int(r() < 0.5 ? 20 : 2000);
      return { label: `${len} chars deleted at ${at}`, bytes: enc.encode(xml.slice(0, at) + xml.slice(at + len)) };
    }
    case 3: {
      const from = r.int(xml.length);
      const len = 1 + r.int(3000);
      return { label: `${len} chars from ${from} copied to ${at}`, bytes: enc.encode(xml.slice(0, at) + xml.slice(from, from + len) + xml.slice(at)) };
    }
    case 4: {
      const bad = r.pick(BAD_UTF8);
      const head = enc.encode(xml.slice(0, at));
      return { label: `invalid UTF-8 ${bad.map((x) => x.toString(16)).join(' ')} at ${at}`, bytes: concat(head, Uint8Array.from(bad), enc.encode(xml.slice(at))) };
    }
    case 5: {
      const n = 1 + r.int(600);
      const name = r.pick(['Locator', 'Tracks', 'x', 'Events', 'LiveSet']);
      return { label: `${n} nested <${name}> at ${at}`, bytes: enc.encode(xml.slice(0, at) + `<${name}>`.repeat(n) + `</${name}>`.repeat(r() < 0.5 ? n : r.int(n)) + xml.slice(at)) };
    }
    default: {
      const cut = r.int(xml.length);
      return { label: `XML cut at ${cut}`, bytes: enc.encode(xml.slice(0, cut)) };
    }
  }
}

const NAMES = ['Ableton', 'LiveSet', 'Locators', 'Locator', 'Time', 'Name', 'MasterTrack', 'MainTrack', 'DeviceChain', 'Mixer', 'Tempo', 'Manual', 'AutomationEnvelopes', 'Envelopes', 'AutomationEnvelope', 'EnvelopeTarget', 'PointeeId', 'Automation', 'Events', 'FloatEvent', 'Transport', 'LoopStart', 'Tracks', 'AudioTrack', 'AudioClip', '__proto__', 'constructor', 'x'];
const ATTRS = ['Value', 'Time', 'Id', 'MinorVersion', 'Creator', '__proto__', 'constructor', 'hasOwnProperty', 'toString'];

/** A random well-formed-ish document built from Live's own element names (paths the reader follows). */
export function randomXml(r: Rng, maxNodes = 200): string {
  let out = '<?xml version="1.0" encoding="UTF-8"?>\n<Ableton MinorVersion="11.0_11300">';
  const open: string[] = ['Ableton'];
  const nodes = 1 + r.int(maxNodes);
  for (let i = 0; i < nodes; i++) {
    const roll = r();
    if (roll < 0.45 || open.length < 2) {
      const name = r.pick(NAMES);
      const attrs = Array.from({ length: r.int(3) }, () => ` ${r.pick(ATTRS)}="${r() < 0.5 ? r.pick(NUMBERS) : String(r() * 1000 - 200)}"`).join('');
      if (r() < 0.5) out += `<${name}${attrs} />`;
      else {
        out += `<${name}${attrs}>`;
        open.push(name);
      }
    } else if (roll < 0.85) {
      out += `</${open.pop()!}>`;
    } else {
      out += r.pick(XML_SPLINTERS.filter((s) => !s.includes('!')));
    }
  }
  if (r() < 0.8) while (open.length > 0) out += `</${open.pop()!}>`;
  return out;
}

/** Gzips bytes or text. */
export function gzip(data: Uint8Array | string): Uint8Array {
  return new Uint8Array(gzipSync(typeof data === 'string' ? Buffer.from(data, 'utf8') : data));
}

/** `n` random bytes. */
export function randomBytes(n: number, r: Rng): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = r.int(256);
  return out;
}

/** The pieces, one after the other. */
export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
