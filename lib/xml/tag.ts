import { DawstampsError } from '../errors';
import { broken } from './errors';
import type { TagView } from './types';
import { enlarged } from '../binary/grow';


const GT = 62; // >
const SLASH = 47; // /
const EQ = 61; // =
const DQ = 34; // "
const SQ = 39; // '

/** True for XML whitespace (space, tab, CR, LF). */
export function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

/**
 * Index just past the name of the tag at `lt` (`buf[lt]` is `<`), or -1 when the text ends inside
 * the name. Throws 'corrupt-file' for a tag without a name.
 */
export function nameEnd(buf: string, lt: number): number {
  const len = buf.length;
  let i = lt + 1;
  while (i < len) {
    const c = buf.charCodeAt(i);
    if (isSpace(c) || c === GT || c === SLASH) break;
    i++;
  }
  if (i >= len) return -1;
  if (i === lt + 1) throw broken(`a tag without a name at “${buf.slice(lt, lt + 12)}”`);
  return i;
}

/**
 * Reads start tags in place: the attributes of the last tag read are spans of the text, turned
 * into strings or numbers only when asked for. Reading a tag makes no objects, so elements that
 * come by the hundred thousand (automation breakpoints) cost no garbage. One scanner is reused
 * for every tag; what it holds is valid until the next `read`.
 */
export class TagScanner implements TagView {
  name = '';
  selfClosing = false;
  /** Index just past the closing `>`. */
  end = 0;
  private buf = '';
  private nameAt = 0;
  private count = 0;
  /** The attributes' name spans are not set when the tag was read by shape: the names are in `shape`. */
  private shaped = false;
  private shape: { name: string; prefixes: string[]; names: string[]; tail: string; selfClosing: boolean } | null = null;
  /** name start, name end, value start, value end (between the quotes) per attribute. */
  private spans = new Int32Array(64);

  /**
   * Reads the start tag at `lt` whose name (ending at `nameAt`, see `nameEnd`) is `name`. False
   * when the tag is not complete in `buf` yet. `>` inside quoted values is handled.
   */
  read(buf: string, _lt: number, name: string, nameAt: number, maxValue: number): boolean {
    this.buf = buf;
    this.name = name;
    this.count = 0;
    this.shaped = false;
    this.nameAt = nameAt;
    const len = buf.length;
    let i = nameAt;
    for (;;) {
      while (i < len && isSpace(buf.charCodeAt(i))) i++;
      if (i >= len) return false;
      let c = buf.charCodeAt(i);
      if (c === GT) {
        this.selfClosing = false;
        this.end = i + 1;
        return true;
      }
      if (c === SLASH) {
        if (i + 1 >= len) return false;
        if (buf.charCodeAt(i + 1) !== GT) throw broken(`a stray “/” in <${name}>`);
        this.selfClosing = true;
        this.end = i + 2;
        return true;
      }
      const attrStart = i;
      while (i < len) {
        c = buf.charCodeAt(i);
        if (isSpace(c) || c === EQ || c === GT || c === SLASH) break;
        i++;
      }
      const attrEnd = i;
      while (i < len && isSpace(buf.charCodeAt(i))) i++;
      if (i >= len) return false;
      if (buf.charCodeAt(i) !== EQ) throw broken(`attribute “${buf.slice(attrStart, Math.min(attrEnd, attrStart + 40))}” of <${name}> has no value`);
      i++;
      while (i < len && isSpace(buf.charCodeAt(i))) i++;
      if (i >= len) return false;
      const q = buf.charCodeAt(i);
      if (q !== DQ && q !== SQ) throw broken(`attribute “${buf.slice(attrStart, Math.min(attrEnd, attrStart + 40))}” of <${name}> is not quoted`);
      const close = buf.indexOf(q === DQ ? '"' : "'", i + 1);
      if (close === -1) {
        if (len - i > maxValue) throw tooLong(name, buf.slice(attrStart, attrEnd), maxValue);
        return false;
      }
      if (close - i - 1 > maxValue) throw tooLong(name, buf.slice(attrStart, attrEnd), maxValue);
      this.push(attrStart, attrEnd, i + 1, close);
      i = close + 1;
    }
  }

  /**
   * Remembers the text around the attribute values of the tag just read (`read`), so that
   * `readShaped` can read a sibling written the same way with a few native searches.
   */
  learnShape(): void {
    const s = this.spans;
    const prefixes: string[] = [];
    const names: string[] = [];
    let at = this.nameAt;
    for (let k = 0; k < this.count; k++) {
      prefixes.push(this.buf.slice(at, s[4 * k + 2]!));
      names.push(this.buf.slice(s[4 * k]!, s[4 * k + 1]!));
      at = s[4 * k + 3]! + 1;
    }
    this.shape = { name: this.name, prefixes, names, tail: this.buf.slice(at, this.end), selfClosing: this.selfClosing };
  }

  /**
   * Reads the tag at `lt` (name ending at `nameAt`) when it is written exactly like the one whose
   * shape was learnt: the same text between the values (whitespace, names, `=`, quotes) and
   * after the last one, so `read` would find the same attributes. False when it is not (or not
   * complete in `buf`): then `read` it.
   */
  readShaped(buf: string, nameAt: number, maxValue: number): boolean {
    const shape = this.shape;
    if (!shape) return false;
    const { prefixes } = shape;
    let at = nameAt;
    for (let k = 0; k < prefixes.length; k++) {
      const prefix = prefixes[k]!;
      if (!buf.startsWith(prefix, at)) return false;
      const from = at + prefix.length;
      const close = buf.indexOf(prefix.charCodeAt(prefix.length - 1) === DQ ? '"' : "'", from);
      if (close === -1 || close - from > maxValue) return false;
      const o = 4 * k;
      if (o + 4 > this.spans.length) return false;
      this.spans[o + 2] = from;
      this.spans[o + 3] = close;
      at = close + 1;
    }
    if (!buf.startsWith(shape.tail, at)) return false;
    this.buf = buf;
    this.name = shape.name;
    this.nameAt = nameAt;
    this.count = prefixes.length;
    this.shaped = true;
    this.selfClosing = shape.selfClosing;
    this.end = at + shape.tail.length;
    return true;
  }

  /** Every attribute as a null-prototype object, entities decoded (a repeated name: the last wins). */
  attrs(): Record<string, string> {
    const attrs: Record<string, string> = Object.create(null);
    const s = this.spans;
    for (let k = 0; k < this.count; k++) attrs[this.shaped ? this.shape!.names[k]! : this.buf.slice(s[4 * k]!, s[4 * k + 1]!)] = this.valueOf(k);
    return attrs;
  }

  string(attr: string): string | undefined {
    const k = this.find(attr);
    return k === -1 ? undefined : this.valueOf(k);
  }

  number(attr: string): number {
    const k = this.find(attr);
    if (k === -1) return NaN;
    return spanNumber(this.buf, this.spans[4 * k + 2]!, this.spans[4 * k + 3]!);
  }

  private valueOf(k: number): string {
    const raw = this.buf.slice(this.spans[4 * k + 2]!, this.spans[4 * k + 3]!);
    return NEEDS_WORK.test(raw) ? attributeValue(raw) : raw;
  }

  /** The last attribute called `attr`, or -1. */
  private find(attr: string): number {
    if (this.shaped) return this.shape!.names.lastIndexOf(attr);
    const buf = this.buf;
    const s = this.spans;
    const n = attr.length;
    for (let k = this.count - 1; k >= 0; k--) {
      const from = s[4 * k]!;
      if (s[4 * k + 1]! - from !== n) continue;
      let j = 0;
      while (j < n && buf.charCodeAt(from + j) === attr.charCodeAt(j)) j++;
      if (j === n) return k;
    }
    return -1;
  }

  private push(a: number, b: number, c: number, d: number): void {
    let s = this.spans;
    const at = 4 * this.count++;
    if (at + 4 > s.length) {
      this.spans = s = enlarged(s, s.length * 2);
    }
    s[at] = a;
    s[at + 1] = b;
    s[at + 2] = c;
    s[at + 3] = d;
  }
}

/** Exact powers of ten (10^22 is the largest a double holds exactly). */
const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

/**
 * `Number(value)` of the attribute value in `buf[from, to)` (entities decoded), NaN when it is
 * blank. A plain decimal (`-12.25`) with up to 2^53 as its digits is read straight from the
 * characters: an exact integer divided by an exact power of ten is one correctly rounded
 * operation, so the result equals `Number()`'s. Anything else goes through `Number()`.
 */
export function spanNumber(buf: string, from: number, to: number): number {
  let i = from;
  const neg = buf.charCodeAt(i) === 45; // -
  if (neg) i++;
  let m = 0;
  let digits = 0;
  let scale = 0;
  let dot = false;
  for (; i < to; i++) {
    const c = buf.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      m = m * 10 + (c - 48);
      digits++;
      if (dot) scale++;
    } else if (c === 46 && !dot) dot = true;
    else return slowNumber(buf, from, to);
  }
  if (digits === 0 || m > 9007199254740991 || scale > 22) return slowNumber(buf, from, to);
  const v = scale === 0 ? m : m / POW10[scale]!;
  return neg ? -v : v;
}

function slowNumber(buf: string, from: number, to: number): number {
  let text = buf.slice(from, to);
  if (text.includes('&')) text = decodeEntities(text);
  return text.trim() === '' ? NaN : Number(text);
}

function tooLong(tag: string, attr: string, max: number): DawstampsError {
  return new DawstampsError('value-too-long', `Attribute “${attr.slice(0, 40)}” of <${tag.slice(0, 60)}> is longer than ${max} bytes.`, { limit: max });
}

/** A value with a reference, a tab or a line end: `attributeValue` has work to do. */
const NEEDS_WORK = /[&\t\n\r]/;

/**
 * An attribute value as XML reads it (1.0 §3.3.3): each literal tab, LF, CR or CRLF becomes one
 * space, then references are decoded (so `&#10;` stays a line feed).
 */
export function attributeValue(raw: string): string {
  const spaced = raw.replace(/\r\n|[\t\n\r]/g, ' ');
  return spaced.includes('&') ? decodeEntities(spaced) : spaced;
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
