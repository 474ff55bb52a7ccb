/** Small parsers for Ableton's attribute strings. */
import { MAX_ABS_BEAT } from '../../tempo/envelope';

/**
 * A finite number from an attribute, or undefined (`-0` becomes 0). Magnitudes past
 * MAX_ABS_BEAT count as unreadable: no time in a set is that far out, and 1e308 beats would
 * turn into Infinity seconds.
 */
export function num(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const n = readable(Number(value));
  return n === n ? n : undefined;
}

/** `num` for a number already read (`TagView.number`): the same value, or NaN for unreadable. */
export function readable(n: number): number {
  return n - n === 0 && n <= MAX_ABS_BEAT && n >= -MAX_ABS_BEAT ? n + 0 : NaN;
}

/** "true"/"false" as a boolean, or undefined. */
export function bool(value: string | undefined): boolean | undefined {
  if (value === 'true') return true;
  if (value === 'false') return false;
  return undefined;
}
