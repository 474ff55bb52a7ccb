/**
 * A streaming XML extractor: fed text piece by piece, it walks only the element paths its rules
 * name, hands back their start tags or small subtrees, and skips everything else with native
 * string search. It never builds a DOM of the document and keeps at most one pending tag.
 */
import { DawstampsError } from '../errors';
import { broken } from './errors';
import { childRule, compileRules, hasChildren, type RuleNode } from './rules';
import { skipStep, startSkip, type SkipState } from './skip';
import { SpecialFinder } from './special';
import { decodeEntities, isSpace, nameEnd, TagScanner } from './tag';
import type { XmlLimits, XmlNode, XmlRule } from './types';

interface Frame {
  name: string;
  rule: RuleNode | null;
  /** The node being filled when this frame is inside a captured subtree. */
  tree: XmlNode | null;
  /** True for the element whose subtree a rule asked for. */
  captureRoot: boolean;
}

/** How many elements one captured subtree may hold. */
const MAX_CAPTURE_NODES = 10_000;
/** The next character that is not XML whitespace. */
const NON_SPACE = /[^ \t\r\n]/g;

/** What an unterminated `until` section is called. */
const UNTIL_NAMES: Record<string, string> = { '-->': 'in a comment', ']]>': 'in a CDATA section', '?>': 'in a processing instruction' };

/** Anything but whitespace, comments and processing instructions after the root element. */
function afterEnd(found: string): DawstampsError {
  return broken(`there is data after the end of the document (“${found.slice(0, 40)}”)`);
}

/** Streams XML text through a set of path rules. */
export class XmlExtractor {
  /** The root element's name and attributes, once its start tag has been read. */
  rootName: string | null = null;
  rootAttrs: Record<string, string> | null = null;
  private buf = '';
  private pos = 0;
  private readonly root: RuleNode;
  private readonly frames: Frame[] = [];
  private skip: SkipState | null = null;
  private skipRule: RuleNode | null = null;
  private until: { term: string; intoText: boolean } | null = null;
  private captureNodes = 0;
  /** Text of the captured element on top, as written, not yet ended by markup. */
  private piece = '';
  /** True once the root element has ended: only whitespace, comments and processing instructions may follow. */
  private done = false;
  /** True once `end()` is called: no more text is coming. */
  private ended = false;
  private readonly specials = new SpecialFinder();
  private readonly tag = new TagScanner();
  private readonly nextSpecial = (from: number): number => this.specials.next(from);

  constructor(rules: readonly XmlRule[], private readonly limits: XmlLimits) {
    this.root = compileRules(rules);
  }

  /**
   * Feeds the next piece of the document. Fastest when the caller takes the unread rest back with
   * `takePending()` and puts it in front of the next piece itself (a flat string searches faster
   * than a concatenation).
   */
  write(text: string): void {
    this.buf = this.pos < this.buf.length ? this.buf.slice(this.pos) + text : text;
    this.pos = 0;
    this.specials.reset(this.buf);
    this.run();
    if (this.buf.length - this.pos > this.limits.maxValueBytes + 65_536) {
      throw new DawstampsError('value-too-long', `A single tag or value in the XML is longer than ${this.limits.maxValueBytes} bytes.`);
    }
  }

  /** Hands back the text not consumed yet (a partial tag, the tail of a skipped region) and forgets it. */
  takePending(): string {
    const rest = this.pos < this.buf.length ? this.buf.slice(this.pos) : '';
    this.buf = '';
    this.pos = 0;
    return rest;
  }

  /**
   * Ends the document; throws 'corrupt-file' when the text stopped before it did (the root element,
   * a tag, a comment, a CDATA section or a processing instruction still open). `length` (the XML's
   * length in bytes, when the caller counts them) goes into the message.
   */
  end(length?: number): void {
    this.ended = true;
    if (this.done) {
      this.run(); // what the epilogue left for more text (a short `<?…`) is decided now
      if (!this.until) return;
    }
    const rest = this.pos < this.buf.length ? this.buf.slice(this.pos) : '';
    const at = length === undefined ? '' : `after ${length} bytes, `;
    const open = this.skip?.name ?? this.frames.at(-1)?.name ?? this.rootName;
    const inside = open === null ? (this.done ? 'after the root element' : 'before the root element') : this.done ? `after </${open}>` : `inside <${open}>`;
    let where = inside;
    if (this.until) where = `${UNTIL_NAMES[this.until.term] ?? 'a section'} ${inside}`;
    else if (rest.startsWith('<')) where = `in the tag “${rest.slice(0, 40)}” ${inside}`;
    else if (this.rootName === null) where = 'before any element';
    throw broken(`it ends before the document does (${at}${where})`);
  }

  private run(): void {
    for (;;) {
      if (this.until) {
        if (!this.runUntil()) return;
      } else if (this.skip) {
        if (!this.runSkip(this.skip)) return;
      } else if (this.done) {
        if (!this.epilogue()) return;
      } else if (!this.walk()) return;
    }
  }

  /**
   * After the root element: whitespace, comments and processing instructions, nothing else (a
   * second document, or junk, is an error, not ignored). Reads no further than it must.
   */
  private epilogue(): boolean {
    const buf = this.buf;
    NON_SPACE.lastIndex = this.pos;
    const m = NON_SPACE.exec(buf);
    if (m === null) {
      this.pos = buf.length;
      return false;
    }
    const p = m.index;
    this.pos = p;
    const rest = buf.length - p;
    if (buf.charCodeAt(p) === 60) {
      if (buf.charCodeAt(p + 1) === 63) {
        // `<?xml` would start a second document (the name is reserved for the declaration)
        if (rest < 6 && !this.ended) return false;
        if (!/^<\?xml[\s?]/i.test(buf.slice(p, p + 6))) return this.enterUntil('?>', false, p + 2);
      } else if (buf.startsWith('<!--', p)) {
        return this.enterUntil('-->', false, p + 4);
      } else if (rest < 4 && !this.ended && '<!--'.startsWith(buf.slice(p))) {
        return false;
      }
    }
    throw afterEnd(buf.slice(p, p + 40));
  }

  private runSkip(skip: SkipState): boolean {
    const r = skipStep(this.buf, this.pos, skip, this.nextSpecial, { maxValue: this.limits.maxValueBytes, maxDepth: this.skipDepthLimit() });
    this.pos = r.pos;
    if (r.kind === 'more') return false;
    if (r.kind === 'special') return this.special();
    this.endSkip();
    return true;
  }

  /** How deep same-named elements may nest inside the skipped one. */
  private skipDepthLimit(): number {
    return this.limits.maxXmlDepth - this.frames.length;
  }

  /** The skipped element has ended. */
  private endSkip(): void {
    const skip = this.skip;
    const rule = this.skipRule;
    this.skip = this.skipRule = null;
    if (rule && skip) for (const x of rule.rules) x.onClose?.(skip.name);
    if (this.frames.length === 0) this.done = true;
  }

  private runUntil(): boolean {
    const { term, intoText } = this.until!;
    const i = this.buf.indexOf(term, this.pos);
    const stop = i === -1 ? Math.max(this.pos, this.buf.length - term.length + 1) : i;
    if (intoText) this.text(this.pos, stop);
    if (i === -1) {
      this.pos = stop;
      return false;
    }
    if (intoText) this.flushText(true);
    this.pos = i + term.length;
    this.until = null;
    return true;
  }

  /** Reads one token in walk mode; false when more text is needed. */
  private walk(): boolean {
    const buf = this.buf;
    const lt = buf.indexOf('<', this.pos);
    if (lt === -1) {
      this.text(this.pos, buf.length);
      this.pos = buf.length;
      return false;
    }
    if (lt > this.pos) this.text(this.pos, lt);
    this.flushText(false);
    this.pos = lt;
    const c = buf.charCodeAt(lt + 1);
    if (c !== c) return false;
    if (c === 47) return this.closeTag(lt);
    if (c === 33 || c === 63) return this.special();
    return this.openTag(lt);
  }

  /** Text of a captured element, gathered as written until markup ends it (`flushText`). */
  private text(from: number, to: number): void {
    const top = this.frames.at(-1);
    if (top === undefined) {
      this.prolog(from, to);
      return;
    }
    if (!top.tree || from >= to) return;
    const node = top.tree;
    this.piece += this.buf.slice(from, to);
    if (node.text.length + this.piece.length > this.limits.maxValueBytes) {
      throw new DawstampsError('value-too-long', `The text of <${node.name.slice(0, 60)}> is longer than ${this.limits.maxValueBytes} bytes.`);
    }
  }

  /**
   * Markup ends the gathered text: its line ends become LF (CRLF or a lone CR, as XML reads them)
   * and, outside CDATA, its references are decoded; then it joins its element's text. Done on the
   * whole run, so a CRLF or a reference cut between two pieces of input reads the same.
   */
  private flushText(cdata: boolean): void {
    if (this.piece === '') return;
    let text = this.piece;
    this.piece = '';
    if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
    if (!cdata && text.includes('&')) text = decodeEntities(text);
    this.frames.at(-1)!.tree!.text += text;
  }

  /** Text before the root element: whitespace only. */
  private prolog(from: number, to: number): void {
    NON_SPACE.lastIndex = from;
    const m = NON_SPACE.exec(this.buf);
    if (m !== null && m.index < to) throw broken(`text before the root element: “${this.buf.slice(m.index, Math.min(to, m.index + 40))}”`);
  }

  /** A comment, CDATA section or processing instruction at `pos`; DOCTYPE and entities are refused. */
  private special(): boolean {
    const buf = this.buf;
    const p = this.pos;
    if (buf.charCodeAt(p + 1) === 63) return this.enterUntil('?>', false, p + 2);
    if (buf.startsWith('<!--', p)) return this.enterUntil('-->', false, p + 4);
    if (buf.startsWith('<![CDATA[', p)) {
      if (this.frames.length === 0 && this.skip === null) throw broken('a CDATA section before the root element');
      return this.enterUntil(']]>', this.skip === null, p + 9);
    }
    const rest = buf.slice(p, p + 12);
    if (rest.length < 12 && ('<!--'.startsWith(rest) || '<![CDATA['.startsWith(rest) || /^<![A-Za-z]*$/.test(rest))) return false;
    const word = /^<!([A-Za-z]*)/.exec(rest)?.[1] ?? '';
    throw new DawstampsError('unsafe-xml', `The XML contains a <!${word || '…'}> declaration; dawstamps does not read DOCTYPEs or entities.`);
  }

  private enterUntil(term: string, intoText: boolean, from: number): boolean {
    this.until = { term, intoText };
    this.pos = from;
    return true;
  }

  private closeTag(lt: number): boolean {
    const gt = this.buf.indexOf('>', lt);
    if (gt === -1) return false;
    const name = this.buf.slice(lt + 2, gt).trimEnd();
    const top = this.frames.pop();
    if (!top) throw broken(`</${name.slice(0, 60)}> closes nothing`);
    if (top.name !== name) throw broken(`</${name.slice(0, 60)}> closes <${top.name}>`);
    this.pos = gt + 1;
    if (top.rule) {
      for (const r of top.rule.rules) {
        if (top.captureRoot) r.onTree?.(top.tree!);
        r.onClose?.(name);
      }
    }
    if (this.frames.length === 0) this.done = true;
    return true;
  }

  private openTag(lt: number): boolean {
    const buf = this.buf;
    const top = this.frames.at(-1);
    if (top?.tree) return this.captureChild(lt, top.tree);
    const at = nameEnd(buf, lt);
    if (at === -1) return false;
    const name = buf.slice(lt + 1, at);
    const rule = childRule(top ? top.rule! : this.root, name);
    const tag = this.tag;
    if (!tag.read(buf, lt, name, at, this.limits.maxValueBytes)) return false;
    this.pos = tag.end;
    if (!top) {
      this.rootName = name;
      this.rootAttrs = tag.attrs();
    }
    if (!rule) {
      if (!tag.selfClosing) this.skip = startSkip(name);
      else if (!top) this.done = true;
      return true;
    }
    const selfClosing = tag.selfClosing;
    const attrs = rule.wantsOpen || rule.tree ? tag.attrs() : null;
    const element = attrs ? { name, attrs } : null;
    for (const r of rule.rules) {
      if (r.onOpen) r.onOpen(element!);
      if (r.onTag) r.onTag(tag);
    }
    if (rule.tree) {
      const node: XmlNode = { name, attrs: attrs!, children: [], text: '' };
      this.captureNodes = 0;
      if (selfClosing) {
        for (const r of rule.rules) {
          r.onTree?.(node);
          r.onClose?.(name);
        }
      }
      else this.push({ name, rule, tree: node, captureRoot: true });
    } else if (selfClosing) {
      for (const r of rule.rules) r.onClose?.(name);
      if (rule.wantsTag && top) this.siblings(name, rule);
    } else if (hasChildren(rule)) {
      this.push({ name, rule, tree: null, captureRoot: false });
    } else {
      this.skip = startSkip(name);
      this.skipRule = rule;
    }
    if (!top && selfClosing) this.done = true;
    return true;
  }

  /**
   * Reads the run of self-closing `<name …/>` siblings that follows (automation breakpoints come by
   * the hundred thousand) without going back through the walk for each. Stops at anything else,
   * which the walk then reads as usual.
   */
  private siblings(name: string, rule: RuleNode): void {
    const buf = this.buf;
    const tag = this.tag;
    const max = this.limits.maxValueBytes;
    const wantsOpen = rule.wantsOpen;
    const rules = rule.rules;
    tag.learnShape();
    for (;;) {
      let lt = this.pos;
      let c = buf.charCodeAt(lt);
      while (c === 10 || c === 32 || c === 9 || c === 13) c = buf.charCodeAt(++lt);
      if (c !== 60 || !buf.startsWith(name, lt + 1)) return;
      const at = lt + 1 + name.length;
      if (!tag.readShaped(buf, at, max)) {
        // written differently (or cut by the end of the text): read it in full, learn its shape
        c = buf.charCodeAt(at);
        if (!(isSpace(c) || c === 47 || c === 62)) return;
        if (!tag.read(buf, lt, name, at, max)) return;
        tag.learnShape();
      }
      if (!tag.selfClosing) return;
      this.pos = tag.end;
      const element = wantsOpen ? { name, attrs: tag.attrs() } : null;
      for (let k = 0; k < rules.length; k++) {
        const r = rules[k]!;
        if (r.onOpen) r.onOpen(element!);
        if (r.onTag) r.onTag(tag);
      }
      for (let k = 0; k < rules.length; k++) rules[k]!.onClose?.(name);
    }
  }

  private captureChild(lt: number, parent: XmlNode): boolean {
    const buf = this.buf;
    const at = nameEnd(buf, lt);
    if (at === -1) return false;
    const name = buf.slice(lt + 1, at);
    const tag = this.tag;
    if (!tag.read(buf, lt, name, at, this.limits.maxValueBytes)) return false;
    if (++this.captureNodes > MAX_CAPTURE_NODES) {
      throw new DawstampsError('value-too-long', `The element <${this.frames.find((f) => f.captureRoot)?.name}> holds more than ${MAX_CAPTURE_NODES} elements.`);
    }
    const node: XmlNode = { name, attrs: tag.attrs(), children: [], text: '' };
    parent.children.push(node);
    this.pos = tag.end;
    if (!tag.selfClosing) this.push({ name, rule: null, tree: node, captureRoot: false });
    return true;
  }

  private push(frame: Frame): void {
    this.frames.push(frame);
    this.checkDepth(this.frames.length);
  }

  private checkDepth(depth: number): void {
    if (depth > this.limits.maxXmlDepth) {
      throw new DawstampsError('xml-too-deep', `The XML is nested deeper than ${this.limits.maxXmlDepth} elements.`, { limit: this.limits.maxXmlDepth });
    }
  }
}
