/** Plain types of the streaming XML extractor. */

/** A small captured subtree: attributes, children and text (CDATA included). */
export interface XmlNode {
  name: string;
  /** Attribute values with entities decoded; a null-prototype object (no `__proto__` tricks). */
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
}

/** An element as its start tag shows it. */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
}

/**
 * A start tag as it stands in the text, read without making objects. Valid only during the call
 * it is handed to (the extractor reuses it for the next tag).
 */
export interface TagView {
  readonly name: string;
  /** The attribute's value with entities decoded, or undefined (a repeated name: the last). */
  string(attr: string): string | undefined;
  /** `Number()` of the attribute's value; NaN when it is absent, blank or not a number. */
  number(attr: string): number;
}

/**
 * What the caller wants from the document. `path` names elements from the root, separated by
 * `/`; a segment may be `*` (any element) or `A|B` (either). Elements on no rule's path are
 * skipped without being parsed.
 */
export interface XmlRule {
  path: string;
  /** Called at the start tag. */
  onOpen?: (element: XmlElement) => void;
  /**
   * Called at the start tag with a view that reads attributes in place: for elements that come by
   * the hundred thousand (an `XmlElement` per element is garbage to collect).
   */
  onTag?: (tag: TagView) => void;
  /** Called at the end tag (or right after `onOpen` for `<x/>`). */
  onClose?: (name: string) => void;
  /** Called with the whole subtree; no deeper rule applies inside it. Keep such elements small. */
  onTree?: (node: XmlNode) => void;
}

/** The bounds the extractor enforces (a subset of lib/limits.ts). */
export interface XmlLimits {
  maxXmlDepth: number;
  maxValueBytes: number;
}
