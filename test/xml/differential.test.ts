// Differential test: what the streaming extractor hands back against what saxes (a maintained,
// conformant non-validating parser) sees in the same bytes. Two sets of path rules:
// - "every element": a wildcard rule at every depth up to the depth limit, so the extractor walks
//   (parses) the whole document: start tags read whole and by shape (the sibling fast path),
//   attributes, end tags, nesting;
// - "reader paths": the Ableton reader's own paths (lib/readers/ableton/collect.ts) with generic
//   recorders, so most of the document is skipped unparsed and locators, the transport and track
//   names are captured as subtrees (text and CDATA included).
// On every XML fixture both must agree exactly. On the fuzz corpus (test/fuzz's mutators, a fixed
// seed) each case must end in one of the outcomes below; anything else fails the test:
// - both accept, and the outputs are equal;
// - both reject (the extractor with a DawstampsError of a known code, saxes with an error);
// - the extractor refuses what saxes accepts, only for a documented reason (DIFFERENCES.refuses);
// - the extractor accepts what saxes rejects, only for a documented reason (DIFFERENCES.accepts):
//   a well-formedness rule the extractor does not check, or damage inside an element the rules
//   skip unparsed. Then the extractor's output must still begin with everything saxes reported
//   before its first error.
import { gunzipSync } from 'node:zlib';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { isDawstampsError } from '../../lib/errors';
import { DEFAULT_LIMITS } from '../../lib/limits';
import { collectRules, emptyRawSet } from '../../lib/readers/ableton/collect';
import { XmlByteReader, XmlExtractor, type TagView, type XmlNode, type XmlRule } from '../../lib/xml';
import { FIXTURES } from '../helpers/fixtures';
import { KNOWN_CODES, rng, type Rng } from '../fuzz/fuzz-kit';
import { mutateXml, randomXml } from '../fuzz/mutate';

const LIMITS = { maxXmlDepth: 256, maxValueBytes: 1 << 20 };

// ---------------------------------------------------------------------------------------------
// The two rule sets, as patterns (segments of names, `A|B` or `*`) and what each records.

type Kind = 'open' | 'tag' | 'close' | 'tree';
interface Pattern { path: string; kinds: Kind[] }

/**
 * The reader's own rules (lib/readers/ableton/collect.ts): each path with the callbacks it sets,
 * recorded generically here. No two match the same element, so the order of events is the document's.
 */
const READER: Pattern[] = collectRules(emptyRawSet(), DEFAULT_LIMITS).map((rule) => ({
  path: rule.path,
  kinds: (['open', 'tag', 'close', 'tree'] as const).filter((kind) => ({ open: rule.onOpen, tag: rule.onTag, close: rule.onClose, tree: rule.onTree })[kind] !== undefined),
}));

/** A wildcard at every depth up to the limit: every element's start tag (object and in place) and end. */
const EVERY: Pattern[] = Array.from({ length: LIMITS.maxXmlDepth }, (_, d) => ({ path: Array(d + 1).fill('*').join('/'), kinds: ['open', 'tag', 'close'] as Kind[] }));

const MODES = { every: EVERY, reader: READER } as const;
type Mode = keyof typeof MODES;

// ---------------------------------------------------------------------------------------------
// Event text, written the same way from both sides.

/** A number with -0 and NaN told apart. */
const num = (n: number): string => (Object.is(n, -0) ? '-0' : String(n));
const attrsText = (attrs: Record<string, string>): string => JSON.stringify(Object.entries(attrs));
const nodeText = (n: XmlNode): string => `${n.name}${attrsText(n.attrs)}${JSON.stringify(n.text)}[${n.children.map(nodeText).join(',')}]`;
/** What `onTag` reads: the attributes the reader reads in place, as strings and as numbers. */
const tagText = (name: string, str: (a: string) => string | undefined, number: (a: string) => number): string =>
  `${name} ${['Time', 'Value', 'Id'].map((a) => `${a}=${JSON.stringify(str(a))}/${num(number(a))}`).join(' ')}`;
/** TagView.number's contract: NaN when absent or blank, else Number() of the (decoded) value. */
const saxNumber = (v: string | undefined): number => (v === undefined || v.trim() === '' ? NaN : Number(v));

// ---------------------------------------------------------------------------------------------
// Our side.

type Ours = { ok: true; events: string[] } | { ok: false; code: string; message: string; events: string[] };

function rulesFor(patterns: Pattern[], events: string[]): XmlRule[] {
  return patterns.map(({ path, kinds }) => {
    const rule: XmlRule = { path };
    if (kinds.includes('open')) rule.onOpen = (e) => void events.push(`< ${e.name} ${attrsText(e.attrs)}`);
    if (kinds.includes('tag')) rule.onTag = (t: TagView) => void events.push(`# ${tagText(t.name, (a) => t.string(a), (a) => t.number(a))}`);
    if (kinds.includes('close')) rule.onClose = (name) => void events.push(`> ${name}`);
    if (kinds.includes('tree')) rule.onTree = (n) => void events.push(`T ${nodeText(n)}`);
    return rule;
  });
}

function ours(bytes: Uint8Array, mode: Mode, chunk: number): Ours {
  const events: string[] = [];
  try {
    const reader = new XmlByteReader(new XmlExtractor(rulesFor(MODES[mode], events), LIMITS), 1 << 30);
    for (let at = 0; at < bytes.length; at += chunk) reader.write(bytes.subarray(at, at + chunk));
    reader.end();
    return { ok: true, events };
  } catch (e) {
    if (!isDawstampsError(e)) throw e;
    return { ok: false, code: e.code, message: e.message, events };
  }
}

// ---------------------------------------------------------------------------------------------
// saxes' side: the same rules, applied by tracking the element path.

interface Compiled { segments: Array<Set<string> | '*'>; kinds: Kind[] }
const compile = (ps: Pattern[]): Compiled[] => ps.map((p) => ({ segments: p.path.split('/').map((s) => (s === '*' ? '*' : new Set(s.split('|')))), kinds: p.kinds }));
const COMPILED = { every: compile(EVERY), reader: compile(READER) };

const segmentMatches = (s: Set<string> | '*', name: string): boolean => s === '*' || s.has(name);
/** The pattern matching `path` exactly, if any. */
function ruleAt(rules: Compiled[], path: string[]): Compiled | undefined {
  if (rules === COMPILED.every) return path.length <= EVERY.length ? rules[path.length - 1] : undefined; // (the same answer, fast)
  return rules.find((r) => r.segments.length === path.length && r.segments.every((s, i) => segmentMatches(s, path[i]!)));
}
/**
 * True when the extractor reads inside the element at `path`: a deeper rule goes through it, or it
 * is (inside) a captured subtree. Otherwise its content is skipped unparsed.
 */
function walkedInside(rules: Compiled[], path: string[]): boolean {
  for (let d = 1; d <= path.length; d++) if (ruleAt(rules, path.slice(0, d))?.kinds.includes('tree')) return true;
  return rules.some((r) => r.segments.length > path.length && path.every((name, i) => segmentMatches(r.segments[i]!, name)));
}

interface SaxSide {
  events: string[];
  /** Events before the first error (all of them when there is none). */
  before: number;
  /** The path of open elements when the first error was reported. */
  stackAtError: string[] | null;
}
interface Theirs {
  errors: string[];
  doctype: boolean;
  maxDepth: number;
  longestValue: number;
  every: SaxSide;
  reader: SaxSide;
}

function theirs(bytes: Uint8Array): Theirs {
  const text = new TextDecoder().decode(bytes); // U+FFFD for bad UTF-8 and the BOM dropped, as XmlByteReader does
  const out: Theirs = { errors: [], doctype: false, maxDepth: 0, longestValue: 0, every: side(), reader: side() };
  const stack: string[] = [];
  /** The subtree being captured (reader paths), innermost node last. */
  const capture: XmlNode[] = [];
  const parser = new SaxesParser({ position: true });
  parser.on('doctype', () => void (out.doctype = true));
  /** The element saxes closed last: for a wrong end tag it pops (and reports closed) the open element before it complains. */
  let lastClosed = '';
  parser.on('error', (e) => {
    if (out.errors.length === 0) {
      for (const s of [out.every, out.reader]) {
        s.before = s.events.length;
        s.stackAtError = /unexpected close tag/.test(e.message) ? [...stack, lastClosed] : [...stack];
      }
    }
    out.errors.push(e.message);
  });
  parser.on('opentag', (tag) => {
    const attrs = tag.attributes as Record<string, string>;
    stack.push(tag.name);
    out.maxDepth = Math.max(out.maxDepth, stack.length);
    for (const v of Object.values(attrs)) out.longestValue = Math.max(out.longestValue, v.length);
    const every = ruleAt(COMPILED.every, stack);
    if (every) {
      out.every.events.push(`< ${tag.name} ${attrsText(attrs)}`);
      out.every.events.push(`# ${tagText(tag.name, (a) => attrs[a], (a) => saxNumber(attrs[a]))}`);
    }
    if (capture.length > 0) {
      const node: XmlNode = { name: tag.name, attrs, children: [], text: '' };
      capture.at(-1)!.children.push(node);
      capture.push(node);
      return;
    }
    const rule = ruleAt(COMPILED.reader, stack);
    if (!rule) return;
    if (rule.kinds.includes('tree')) {
      capture.push({ name: tag.name, attrs, children: [], text: '' });
      return;
    }
    if (rule.kinds.includes('open')) out.reader.events.push(`< ${tag.name} ${attrsText(attrs)}`);
    if (rule.kinds.includes('tag')) out.reader.events.push(`# ${tagText(tag.name, (a) => attrs[a], (a) => saxNumber(attrs[a]))}`);
  });
  const addText = (t: string): void => {
    out.longestValue = Math.max(out.longestValue, t.length);
    if (capture.length > 0) capture.at(-1)!.text += t;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', (tag) => {
    if (ruleAt(COMPILED.every, stack)) out.every.events.push(`> ${tag.name}`);
    if (capture.length > 0) {
      const node = capture.pop()!;
      if (capture.length === 0) out.reader.events.push(`T ${nodeText(node)}`);
    } else if (ruleAt(COMPILED.reader, stack)?.kinds.includes('close')) out.reader.events.push(`> ${tag.name}`);
    lastClosed = stack.pop()!;
  });
  parser.write(text).close();
  return out;

  function side(): SaxSide {
    return { events: [], before: Infinity, stackAtError: null };
  }
}

// ---------------------------------------------------------------------------------------------
// The documented differences.

/**
 * Well-formedness rules saxes enforces and the extractor does not (by saxes' message). Each is
 * deliberate: the extractor reads what Live writes, refuses what could hurt (DOCTYPE/entities,
 * depth, length), and checks the structure it walks; it is not an XML validator.
 */
const NOT_CHECKED: Array<[RegExp, string]> = [
  [/^disallowed character\.$/, 'characters outside XML\'s Char range (U+0000, U+FFFF…) and `<` in attribute values are kept'],
  [/^disallowed character in (tag|attribute|closing tag|processing instruction) name|^disallowed character in closing tag|^malformed name/, 'names are read up to whitespace, `=`, `/` or `>`, not checked against XML\'s Name production'],
  [/^(undefined entity|disallowed character in entity name|malformed character entity|empty entity name)\.$/, 'an unknown or malformed reference is kept as written (never expanded)'],
  [/^duplicate attribute/, 'a repeated attribute: the last one wins'],
  [/^no whitespace between attributes\.$/, '`a="1"b="2"` is read as two attributes'],
  [/^the string "\]\]>" is disallowed in char data\.$/, '`]]>` in text is text'],
  [/^malformed comment\.$/, '`--` inside a comment'],
  [/XML declaration|^version number|^encoding value|^standalone value|^did not expect any more name\/value pairs|^expected (the name|one of)|^value (required|must be quoted)|^whitespace required|^The character \? is disallowed/, 'the XML declaration is read as a processing instruction, not checked'],
  [/^processing instruction without a target|^processing instructions are not allowed before root/, 'processing instructions are skipped unread'],
];

function notChecked(message: string): string | undefined {
  const bare = message.replace(/^\d+:\d+: /, '');
  return NOT_CHECKED.find(([re]) => re.test(bare))?.[1];
}

/** Why the extractor may accept what saxes rejects: the first error's reason, or undefined (a bug). */
function acceptReason(t: Theirs, mode: Mode): string | undefined {
  const s = t[mode];
  if (s.stackAtError && s.stackAtError.length > 0 && !walkedInside(COMPILED[mode], s.stackAtError)) return 'inside an element the rules skip unparsed';
  return notChecked(t.errors[0]!);
}

/** Why the extractor may refuse what saxes accepts, or undefined (a bug). */
function refuseReason(o: Extract<Ours, { ok: false }>, t: Theirs): string | undefined {
  if (o.code === 'unsafe-xml' && t.doctype) return 'a DOCTYPE: saxes reads it (no entity expansion), the extractor refuses it';
  if (o.code === 'xml-too-deep' && t.maxDepth > LIMITS.maxXmlDepth) return `nesting deeper than ${LIMITS.maxXmlDepth}`;
  if (o.code === 'value-too-long' && t.longestValue > LIMITS.maxValueBytes) return `a value longer than ${LIMITS.maxValueBytes} bytes`;
  return undefined;
}

/** Compares one document in one mode; returns the outcome's name for the tally, throws on a disagreement. */
function compare(label: string, bytes: Uint8Array, t: Theirs, mode: Mode, chunk: number): string {
  const o = ours(bytes, mode, chunk);
  const s = t[mode];
  const where = `${label} [${mode}, ${chunk}-byte pieces]`;
  if (!o.ok && !(KNOWN_CODES as readonly string[]).includes(o.code)) throw new Error(`${where}: unknown code ${o.code}`);
  if (t.errors.length === 0) {
    if (o.ok) {
      expectSame(o.events, s.events, where);
      return 'both accept, same output';
    }
    const why = refuseReason(o, t);
    if (!why) throw new Error(`${where}: the extractor refuses (${o.code}: ${o.message}) a document saxes accepts`);
    return `extractor refuses: ${why}`;
  }
  if (!o.ok) return 'both reject';
  const why = acceptReason(t, mode);
  if (!why) throw new Error(`${where}: the extractor accepts a document saxes rejects (${t.errors[0]}; open: ${s.stackAtError?.join('/')})`);
  expectSame(o.events.slice(0, s.before), s.events.slice(0, s.before), `${where} (before saxes' first error)`);
  return `extractor accepts: ${why}`;
}

function expectSame(a: string[], b: string[], where: string): void {
  if (a.length === b.length && a.every((x, i) => x === b[i])) return;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  expect.fail(`${where}: outputs differ at event ${i} of ${a.length} (extractor) / ${b.length} (saxes)\n  extractor: ${a[i]?.slice(0, 400)}\n  saxes:     ${b[i]?.slice(0, 400)}`);
}

// ---------------------------------------------------------------------------------------------

/** Every XML fixture, inflated: the Ableton sets (empty.als and junk.als are not XML) and large/. */
function xmlFixtures(): Array<{ name: string; xml: Uint8Array }> {
  const out: Array<{ name: string; xml: Uint8Array }> = [];
  for (const folder of ['ableton', 'large']) {
    for (const file of readdirSync(join(FIXTURES, folder)).sort()) {
      if (!file.endsWith('.als') || file === 'empty.als' || file === 'junk.als') continue;
      const bytes = readFileSync(join(FIXTURES, folder, file));
      out.push({ name: `${folder}/${file}`, xml: new Uint8Array(bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes) });
    }
  }
  return out;
}

const fixtures = xmlFixtures();

describe('the extractor against saxes', () => {
  it.each(fixtures.map((f) => [f.name, f] as const))('%s: the same elements, attributes and subtrees', (name, { xml }) => {
    const t = theirs(xml);
    expect(t.errors).toEqual([]);
    for (const mode of ['every', 'reader'] as const) {
      expect(compare(name, xml, t, mode, 1 << 20)).toBe('both accept, same output');
      if (xml.length < 100_000) expect(compare(name, xml, t, mode, 4093)).toBe('both accept, same output');
    }
    expect(t.reader.events.length).toBeGreaterThan(3);
  }, 60_000);

  it.each([
    ['entities and character references in captured text', `<Locator><Name Value="a &amp; b &#x4F60;" />x &lt; y &amp;amp; &#65;&#x42;<![CDATA[ &amp; stays ]]></Locator>`],
    ['line ends in captured text: CRLF and a lone CR become LF, in CDATA too', `<Locator>a\r\nb\rc<![CDATA[d\r\ne]]>\r\n<Time Value="1" /></Locator>`],
    ['tabs and line ends in attribute values become spaces; references to them stay', `<Locator Id="a\tb\nc\r\nd\re&#9;&#10;&#13;"><Name Value=" x\n" /></Locator>`],
    ['comments, processing instructions and CDATA hiding markup', `<!-- <Locator> --><?pi <Locator>?><Locator><![CDATA[<Time Value="9" />]]><!-- <Name/> --><Time Value="1" /></Locator>`],
    ['quotes and `>` inside attribute values, single and double', `<Locator A='say "hi" >' B="it's > 1"><Time Value='2'/></Locator>`],
  ])('%s', (_, locator) => {
    const xml = new TextEncoder().encode(`\uFEFF<?xml version="1.0" encoding="UTF-8"?>\n<Ableton><LiveSet><Locators><Locators>${locator}</Locators></Locators></LiveSet></Ableton>\n<!-- after -->\n`);
    const t = theirs(xml);
    expect(t.errors).toEqual([]);
    for (const mode of ['every', 'reader'] as const) for (const chunk of [1 << 20, 7, 1]) expect(compare('edge case', xml, t, mode, chunk)).toBe('both accept, same output');
  });

  it('a DOCTYPE: saxes reads it, the extractor refuses the document (unsafe-xml)', () => {
    const xml = new TextEncoder().encode('<?xml version="1.0"?>\n<!DOCTYPE Ableton [<!ENTITY x "y">]>\n<Ableton><LiveSet /></Ableton>');
    const t = theirs(xml);
    expect(t.errors).toEqual([]);
    expect(t.doctype).toBe(true);
    for (const mode of ['every', 'reader'] as const) expect(compare('doctype', xml, t, mode, 1 << 20)).toBe('extractor refuses: a DOCTYPE: saxes reads it (no entity expansion), the extractor refuses it');
  });

  it('200 mutated and generated documents: the same output, both reject, or a documented difference', () => {
    const small = fixtures.filter((f) => f.xml.length < 100_000).map((f) => ({ name: f.name, xml: new TextDecoder().decode(f.xml) }));
    const r: Rng = rng(9001);
    const tally = new Map<string, number>();
    const count = (k: string): void => void tally.set(k, (tally.get(k) ?? 0) + 1);
    const CASES = 200;
    for (let k = 0; k < CASES; k++) {
      let label: string;
      let bytes: Uint8Array;
      if (k % 4 === 3) {
        const xml = randomXml(r);
        label = `random #${k}`;
        bytes = new TextEncoder().encode(xml);
      } else {
        const f = r.pick(small);
        const m = mutateXml(f.xml, r);
        label = `${f.name} ${m.label}`;
        bytes = m.bytes;
      }
      const chunk = r.pick([1 << 20, 4093, 61]);
      const t = theirs(bytes);
      for (const mode of ['every', 'reader'] as const) count(`${mode}: ${compare(label, bytes, t, mode, chunk)}`);
    }
    const summary = [...tally].sort().map(([k, v]) => `${String(v).padStart(4)} ${k}`).join('\n');
    console.log(`differential, ${CASES} cases:\n${summary}`);
    expect([...tally.values()].reduce((a, b) => a + b, 0)).toBe(2 * CASES);
    expect(tally.get('every: both accept, same output')).toBeGreaterThan(10);
    expect(tally.get('every: both reject')).toBeGreaterThan(10);
  }, 60_000);
});
