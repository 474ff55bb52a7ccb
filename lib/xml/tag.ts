import { DawstampsError } from '../errors';

/** A start tag read from the text. */
export interface StartTag {
  name: string;
  /** Attributes (null-prototype), or null when the caller did not ask for them. */
  attrs: Record<string, string> | null;
  selfClosing: boolean;
  /** Index just past the closing `>`. */
  end: number;
}

const GT = 62; // >
const SLASH = 47; // /
const EQ = 61; // =
const DQ = 34; // "
const SQ = 39; // '

/** True for XML whitespace (space, tab, CR, LF). */
export function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

function broken(what: string): DawstampsError {
  // `what` quotes the file, which may hold megabyte names, line breaks or control characters: one short line
  const shown = (what.length > 200 ? `${what.slice(0, 200)}…` : what).replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ');
  return new DawstampsError('corrupt-file', `The XML is broken: ${shown}.`);
}

/**
 * Reads the start tag at `lt` (`buf[lt]` is `<`, a name follows). Returns null when the tag is
 * not complete in `buf` yet. `>` inside quoted values is handled.
 */
export function readStartTag(buf: string, lt: number, wantAttrs: boolean, maxValue: number): StartTag | null {
  const len = buf.length;
  let i = lt + 1;
  while (i < len) {
    const c = buf.charCodeAt(i);
    if (isSpace(c) || c === GT || c === SLASH) break;
    i++;
  }
  if (i >= len) return null;
  if (i === lt + 1) throw broken(`a tag without a name at “${buf.slice(lt, lt + 12)}”`);
  const name = buf.slice(lt + 1, i);
  const attrs: Record<string, string> | null = wantAttrs ? Object.create(null) : null;
  for (;;) {
    while (i < len && isSpace(buf.charCodeAt(i))) i++;
    if (i >= len) return null;
    let c = buf.charCodeAt(i);
    if (c === GT) return { name, attrs, selfClosing: false, end: i + 1 };
    if (c === SLASH) {
      if (i + 1 >= len) return null;
      if (buf.charCodeAt(i + 1) !== GT) throw broken(`a stray “/” in <${name}>`);
      return { name, attrs, selfClosing: true, end: i + 2 };
    }
    const nameStart = i;
    while (i < len) {
      c = buf.charCodeAt(i);
      if (isSpace(c) || c === EQ || c === GT || c === SLASH) break;
      i++;
    }
    const attrName = buf.slice(nameStart, i);
    while (i < len && isSpace(buf.charCodeAt(i))) i++;
    if (i >= len) return null;
    if (buf.charCodeAt(i) !== EQ) throw broken(`attribute “${attrName.slice(0, 40)}” of <${name}> has no value`);
    i++;
    while (i < len && isSpace(buf.charCodeAt(i))) i++;
    if (i >= len) return null;
    const q = buf.charCodeAt(i);
    if (q !== DQ && q !== SQ) throw broken(`attribute “${attrName.slice(0, 40)}” of <${name}> is not quoted`);
    const close = buf.indexOf(q === DQ ? '"' : "'", i + 1);
    if (close === -1) {
      if (len - i > maxValue) throw tooLong(name, attrName, maxValue);
      return null;
    }
    if (close - i - 1 > maxValue) throw tooLong(name, attrName, maxValue);
    if (attrs) {
      const raw = buf.slice(i + 1, close);
      attrs[attrName] = raw.includes('&') ? decodeEntities(raw) : raw;
    }
    i = close + 1;
  }
}

function tooLong(tag: string, attr: string, max: number): DawstampsError {
  return new DawstampsError('value-too-long', `Attribute “${attr.slice(0, 40)}” of <${tag.slice(0, 60)}> is longer than ${max} bytes.`, { limit: max });
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes the five predefined entities and character references; anything else stays as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,4});/g, (whole: string, ref: string) => {
    if (ref.charCodeAt(0) !== 35) return Object.hasOwn(NAMED, ref) ? NAMED[ref]! : whole;
    const code = ref.charCodeAt(1) === 120 ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
  });
}
