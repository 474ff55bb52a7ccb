/** Small parsers for Ableton's attribute strings. */

/** A finite number from an attribute, or undefined (`-0` becomes 0). */
export function num(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n + 0 : undefined;
}

/** "true"/"false" as a boolean, or undefined. */
export function bool(value: string | undefined): boolean | undefined {
  if (value === 'true') return true;
  if (value === 'false') return false;
  return undefined;
}
