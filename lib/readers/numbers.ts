/**
 * Numbers and booleans as the XML readers (Ableton, DAWproject) read them from attribute text. A
 * number is decimal (`-12.5`, `1e-3`, `+4`, surrounding blanks allowed as in xs:double); `0x10`,
 * `Infinity`, `NaN` and blanks are not numbers, and magnitudes past MAX_ABS_BEAT are unreadable:
 * no time, length or tempo in a project is that far out, and 1e308 beats would turn into Infinity
 * seconds (or Infinity once a length is added).
 */
import { MAX_ABS_BEAT } from '../tempo/envelope';
import type { TagView } from '../xml';

const DECIMAL = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

/** True for a finite number within ±MAX_ABS_BEAT: a position or length any project can hold. */
export function within(n: number): boolean {
  return n - n === 0 && n <= MAX_ABS_BEAT && n >= -MAX_ABS_BEAT;
}

/** A decimal number from an attribute within ±MAX_ABS_BEAT, or undefined (`-0` becomes 0). */
export function num(value: string | undefined): number | undefined {
  if (value === undefined || !DECIMAL.test(value)) return undefined;
  const n = Number(value);
  return within(n) ? n + 0 : undefined;
}

/** A number already read, within the bound: the same value (`-0` becomes 0), or NaN for unreadable. */
export function readable(n: number): number {
  return within(n) ? n + 0 : NaN;
}

/**
 * `num` for an attribute read in place (`TagView.number`, whose plain decimals cost no string),
 * NaN for unreadable. `Number()` also reads `0x10`, `0o7`, `0b1`; those are whole numbers, so only
 * a whole number is checked against its text.
 */
export function tagNumber(t: TagView, attr: string): number {
  const n = t.number(attr);
  if (!within(n)) return NaN;
  return Number.isInteger(n) && n >= 0 && prefixed(t.string(attr)!) ? NaN : n + 0;
}

/** True for text `Number()` reads as hexadecimal, octal or binary. */
function prefixed(text: string): boolean {
  const t = text.trimStart();
  const c = t.charCodeAt(1) | 0x20; // lower case
  return t.charCodeAt(0) === 48 && (c === 0x78 || c === 0x6f || c === 0x62); // 0x 0o 0b
}

/** An xs:boolean ("true", "false", "1", "0", blanks around allowed), or undefined. */
export function bool(value: string | undefined): boolean | undefined {
  const v = value?.trim();
  if (v === 'true' || v === '1') return true;
  if (v === 'false' || v === '0') return false;
  return undefined;
}
