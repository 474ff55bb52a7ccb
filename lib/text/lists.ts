/** Lists in sentences: the first few items, then how many more. */

/** `"a", "b" and 3 more`: the first `max` items joined with commas, and a count of the rest. */
export function someOf(items: readonly string[], max = 10): string {
  const shown = items.slice(0, max).join(', ');
  return items.length > max ? `${shown} and ${items.length - max} more` : shown;
}
