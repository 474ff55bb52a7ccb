/**
 * Skips an element's subtree at native string-search speed: find the next `</name`, count the
 * same-name start tags before it, repeat until the depth returns to zero. Comments, CDATA and
 * processing instructions are handed back to the caller (they may hide tags).
 */
import { DawstampsError } from '../errors';
import { isSpace, TagScanner } from './tag';

const scanner = new TagScanner();

/** An element being skipped: its name and how many same-name elements are open. */
export interface SkipState {
  name: string;
  open: string;
  close: string;
  depth: number;
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
  return { name, open: `<${name}`, close: `</${name}`, depth: 1 };
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
      if (!tag.selfClosing && ++s.depth > limits.maxDepth) {
        throw new DawstampsError('xml-too-deep', 'The XML is nested deeper than the depth limit.', { element: s.name });
      }
      end = tag.end;
      q = tag.end - from;
    } else {
      q = i + 1;
    }
  }
}

/**
 * Advances through the skipped subtree from `pos`. `nextSpecial(from)` gives the index of the next
 * `<!` or `<?` (or -1). Updates `s.depth`.
 */
export function skipStep(buf: string, pos: number, s: SkipState, nextSpecial: (from: number) => number, limits: SkipLimits): SkipResult {
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
