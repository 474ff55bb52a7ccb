import type { XmlRule } from './types';

/** One step of the compiled rule trie. */
export interface RuleNode {
  children: Map<string, RuleNode>;
  wildcard: RuleNode | null;
  rules: XmlRule[];
  /** True when some rule of this node wants the whole subtree. */
  tree: boolean;
  /** True when some rule of this node wants the start tag's attributes as an object. */
  wantsOpen: boolean;
  /** True when some rule of this node reads the start tag in place (`onTag`). */
  wantsTag: boolean;
}

function emptyNode(): RuleNode {
  return { children: new Map(), wildcard: null, rules: [], tree: false, wantsOpen: false, wantsTag: false };
}

/** Compiles rule paths into a trie whose root's children are the allowed root elements. */
export function compileRules(rules: readonly XmlRule[]): RuleNode {
  const root = emptyNode();
  for (const rule of rules) {
    let level: RuleNode[] = [root];
    for (const segment of rule.path.split('/').filter((s) => s.length > 0)) {
      const next: RuleNode[] = [];
      for (const node of level) {
        for (const name of segment.split('|')) {
          if (name === '*') next.push((node.wildcard ??= emptyNode()));
          else {
            let child = node.children.get(name);
            if (!child) node.children.set(name, (child = emptyNode()));
            next.push(child);
          }
        }
      }
      level = next;
    }
    for (const node of level) {
      node.rules.push(rule);
      if (rule.onTree) node.tree = true;
      if (rule.onOpen) node.wantsOpen = true;
      if (rule.onTag) node.wantsTag = true;
    }
  }
  spreadWildcards(root);
  return root;
}

/** A named child must also obey the wildcard's rules: copy the wildcard subtree into each. */
function spreadWildcards(node: RuleNode): void {
  if (node.wildcard) for (const child of node.children.values()) mergeInto(child, node.wildcard);
  for (const child of node.children.values()) spreadWildcards(child);
  if (node.wildcard) spreadWildcards(node.wildcard);
}

function mergeInto(target: RuleNode, source: RuleNode): void {
  target.rules.push(...source.rules);
  target.tree ||= source.tree;
  target.wantsOpen ||= source.wantsOpen;
  target.wantsTag ||= source.wantsTag;
  for (const [name, child] of source.children) {
    let t = target.children.get(name);
    if (!t) target.children.set(name, (t = emptyNode()));
    mergeInto(t, child);
  }
  if (source.wildcard) mergeInto((target.wildcard ??= emptyNode()), source.wildcard);
}

/** True when the node has deeper rules, so its children must be looked at. */
export function hasChildren(node: RuleNode): boolean {
  return node.children.size > 0 || node.wildcard !== null;
}

/** The rule node for a child element, or null when nothing is wanted there. */
export function childRule(node: RuleNode, name: string): RuleNode | null {
  return node.children.get(name) ?? node.wildcard;
}
