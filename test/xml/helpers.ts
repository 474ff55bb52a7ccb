import { XmlByteReader, XmlExtractor, type XmlNode, type XmlRule } from '../../lib/xml';
import { isDawstampsError } from '../../lib/errors';

export const LIMITS = { maxXmlDepth: 256, maxValueBytes: 1 << 20 };

/** Runs `xml` through an extractor fed as bytes in chunks of `chunk` bytes; returns the log of rule events. */
export function extract(xml: string | Uint8Array, rules: (log: string[]) => XmlRule[], chunk = 1 << 16, limits = LIMITS): string[] {
  const log: string[] = [];
  const ex = new XmlExtractor(rules(log), limits);
  const reader = new XmlByteReader(ex, 1 << 30);
  const bytes = typeof xml === 'string' ? new TextEncoder().encode(xml) : xml;
  for (let at = 0; at < bytes.length; at += chunk) reader.write(bytes.subarray(at, at + chunk));
  reader.end();
  return log;
}

/** The error code thrown by `fn`, 'untyped' for a non-DawstampsError, undefined when nothing is thrown. */
export function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return isDawstampsError(e) ? e.code : `untyped: ${String(e)}`;
  }
  return undefined;
}

/** A compact text form of a captured subtree. */
export function show(n: XmlNode): string {
  const attrs = Object.entries(n.attrs).map(([k, v]) => ` ${k}=${v}`).join('');
  const text = n.text.trim() ? ` "${n.text.trim()}"` : '';
  return `${n.name}${attrs}${text}${n.children.length ? `[${n.children.map(show).join(',')}]` : ''}`;
}
