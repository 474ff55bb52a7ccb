/**
 * Skips an element's subtree at native string-search speed, tracking only how many elements of
 * the same name are open. Comments, CDATA and processing instructions are handed back to the
 * caller (they may hide tags).
 *
 * Two ways to find the same-name tags:
 * - by name: search for the bare name and keep the hits that `<` or `</` precede. One search
 *   instead of two, and V8 finds a name several times faster than the same name behind `<`
 *   (which it looks for `<` by `<`, one of the commonest characters of XML): ~3–8 GB/s against
 *   ~1.5–2.5 GB/s on the bench's set.
 * - by tag: search for `</name` and count `<name` before it. Used for names shorter than 4
 *   characters, and for the rest of a skip where the name turns up mostly outside tags (more
 *   than once per 64 characters), so that text made of the name cannot make the skip slow.
 */
import { DawstampsError } from '../errors';
import { isSpace, TagScanner } from './tag';

const scanner = new TagScanner();

/** Names shorter than this are skipped by tag. */
const MIN_NAME_SEARCH = 4;

/** An element being skipped: its name and how many same-name elements are open. */
export interface SkipState {
  name: string;
  open: string;
  close: string;
  depth: number;
  /** True while the skip searches for the bare name. */
  byName: boolean;
}

/** Bounds a skip step needs: attribute length, and how deep the skipped element may nest. */
export interface SkipLimits {
  maxValue: number;
  /** Same-name nesting allowed inside the skipped element (depth limit minus the open frames). */
  maxDepth: number;
}

/** What one step reached: the end of the element, the end of the text, or a `<!`/`<?` to handle. */
export type SkipResult = { kind: 'done' | 'more' | 'special'; pos: number };

/** Starts skipping `name`, whose start tag has just been read. */
export function startSkip(name: string): SkipState {
  return { name, open: `<${name}`, close: `</${name}`, depth: 1, byName: name.length >= MIN_NAME_SEARCH && !name.includes('<') };
}

/**
 * Advances through the skipped subtree from `pos`. `nextSpecial(from)` gives the index of the next
 * `<!` or `<?` (or -1). Updates `s.depth`.
 */
export function skipStep(buf: string, pos: number, s: SkipState, nextSpecial: (from: number) => number, limits: SkipLimits): SkipResult {
  return s.byName ? skipByName(buf, pos, s, nextSpecial, limits) : skipByTag(buf, pos, s, nextSpecial, limits);
}

function skipByName(buf: string, pos: number, s: SkipState, nextSpecial: (from: number) => number, limits: SkipLimits): SkipResult {
  const name = s.name;
  const n = name.length;
  const start = pos;
  let misses = 0;
  let from = pos;
  for (;;) {
    const i = buf.indexOf(name, from);
    const special = nextSpecial(from);
    // `<!`/`<?` cannot start inside `<name` or `</name`: one before the hit comes first
    if (special !== -1 && (i === -1 || special < i)) return { kind: 'special', pos: special };
    // keep enough of the end for a `</name` cut after its first character
    if (i === -1) return { kind: 'more', pos: Math.max(from, buf.length - n - 1) };
    const c1 = buf.charCodeAt(i - 1);
    const lt = c1 === 60 ? i - 1 : c1 === 47 && buf.charCodeAt(i - 2) === 60 ? i - 2 : -1;
    const c = buf.charCodeAt(i + n);
    const close = lt === i - 2;
    if (lt < pos || !(c === 62 || isSpace(c) || (c === 47 && !close) || c !== c)) {
      // the name inside a longer name, an attribute or text; a name cannot overlap a `<` or `/`
      // of a later hit, so the search goes on after it
      from = i + n;
      if (++misses > 64 && misses * 64 > i - start) {
        s.byName = false;
        return skipByTag(buf, from, s, nextSpecial, limits);
      }
      continue;
    }
    if (c !== c) return { kind: 'more', pos: lt }; // the text ends right after the name
    if (close) {
      const gt = buf.indexOf('>', i + n);
      if (gt === -1) return { kind: 'more', pos: lt };
      from = pos = gt + 1;
      if (--s.depth === 0) return { kind: 'done', pos };
      continue;
    }
    let end = i + n + 1;
    if (c !== 62) {
      if (!scanner.read(buf, lt, name, i + n, limits.maxValue)) return { kind: 'more', pos: lt };
      end = scanner.end;
      if (scanner.selfClosing) {
        from = pos = end;
        continue;
      }
    }
    if (++s.depth > limits.maxDepth) tooDeep(s);
    from = pos = end;
  }
}

function tooDeep(s: SkipState): never {
  throw new DawstampsError('xml-too-deep', 'The XML is nested deeper than the depth limit.', { element: s.name });
}

/** Index of the next real end tag of the skipped name; -1 none; -2 one may start at the end. */
function findClose(buf: string, from: number, s: SkipState): number {
  for (;;) {
    const i = buf.indexOf(s.close, from);
    if (i === -1) return -1;
    const c = buf.charCodeAt(i + s.close.length);
    if (c !== c) return -2; // NaN: the text ends right after the name
    if (c === 62 || isSpace(c)) return i;
    from = i + 1;
  }
}

/** Counts same-name start tags in [from, to); `stop` >= 0 when one is not complete in `buf`. */
function countOpens(buf: string, from: number, to: number, s: SkipState, limits: SkipLimits): { stop: number; end: number } {
  const region = buf.slice(from, to);
  let q = 0;
  let end = from;
  for (;;) {
    const i = region.indexOf(s.open, q);
    if (i === -1) return { stop: -1, end };
    const at = from + i;
    const c = buf.charCodeAt(at + s.open.length);
    if (c !== c) return { stop: at, end };
    if (c === 62 || c === 47 || isSpace(c)) {
      const tag = c === 62 ? { selfClosing: false, end: at + s.open.length + 1 } : scanner.read(buf, at, s.name, at + s.open.length, limits.maxValue) ? scanner : null;
      if (!tag) return { stop: at, end };
      if (!tag.selfClosing && ++s.depth > limits.maxDepth) tooDeep(s);
      end = tag.end;
      q = tag.end - from;
    } else {
      q = i + 1;
    }
  }
}

function skipByTag(buf: string, pos: number, s: SkipState, nextSpecial: (from: number) => number, limits: SkipLimits): SkipResult {
  for (;;) {
    const close = findClose(buf, pos, s);
    const special = nextSpecial(pos);
    const limit = close >= 0 ? close : buf.length;
    if (special !== -1 && special < limit) {
      const r = countOpens(buf, pos, special, s, limits);
      return r.stop >= 0 ? { kind: 'more', pos: r.stop } : { kind: 'special', pos: special };
    }
    const r = countOpens(buf, pos, limit, s, limits);
    if (close < 0) {
      if (r.stop >= 0) return { kind: 'more', pos: r.stop };
      return { kind: 'more', pos: Math.max(pos, r.end, buf.length - s.close.length - 1) };
    }
    const gt = buf.indexOf('>', close + s.close.length);
    if (gt === -1) return { kind: 'more', pos: close };
    s.depth--;
    pos = gt + 1;
    if (s.depth === 0) return { kind: 'done', pos };
  }
}
