import type { XmlNode } from './types';

/** The first child element called `name`, or undefined. */
export function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return node?.children.find((c) => c.name === name);
}

/** The element at a `/`-separated path of child names below `node`. */
export function descend(node: XmlNode | undefined, path: string): XmlNode | undefined {
  let at = node;
  for (const name of path.split('/')) at = child(at, name);
  return at;
}

/** The `Value` attribute of the element at `path` (Ableton's way of storing a scalar). */
export function valueAt(node: XmlNode | undefined, path: string): string | undefined {
  return descend(node, path)?.attrs['Value'];
}
