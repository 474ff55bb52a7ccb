/**
 * One RPP line into its tokens, the way REAPER's line parser splits them (docs/reaper.md#lines):
 * tokens are separated by spaces or tabs; a token that starts with `"`, `'` or `` ` `` runs to the
 * next of the same character (no escapes; that quote character cannot occur inside), so a name
 * with spaces is quoted with a character it does not contain. A quote left open runs to the end of
 * the line. Numbers are decimal, a comma is read as a decimal point.
 */
import { DawstampsError, echoValue } from '../../errors';

/** Tokens of one line (already without indentation and line end). */
export function tokenize(line: string): string[] {
  const tokens: string[] = [];
  let i = 0;
  const n = line.length;
  while (i < n) {
    const c = line[i]!;
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') {
      const close = line.indexOf(c, i + 1);
      const end = close < 0 ? n : close;
      tokens.push(line.slice(i + 1, end));
      i = end + 1;
      continue;
    }
    let end = i;
    while (end < n && line[end] !== ' ' && line[end] !== '\t') end++;
    tokens.push(line.slice(i, end));
    i = end;
  }
  return tokens;
}

const NUMBER = /^[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?$/;

/** Seconds further out than this are no project position (about 31 years). */
export const MAX_ABS_SECONDS = 1e9;

/** Where a value comes from, for error messages: the statement and the line. */
export interface Where {
  what: string;
  line: number;
}

function broken(where: Where, token: string | undefined, why: string): DawstampsError {
  const cr = token?.indexOf('\r') ?? -1;
  if (cr >= 0) {
    // a lone CR ends no line here (lines end at LF), so the next line's text runs on after it
    const message = `Line ${where.line} of the project is broken: ${where.what} is "${echoValue(token!.slice(0, cr))}" followed by a carriage return, ${why}; REAPER ends its lines with LF or CRLF, never with a CR alone.`;
    return new DawstampsError('corrupt-file', message, { line: where.line });
  }
  const shown = token === undefined ? 'nothing' : `"${echoValue(token)}"`;
  return new DawstampsError('corrupt-file', `Line ${where.line} of the project is broken: ${where.what} is ${shown}, ${why}.`, { line: where.line });
}

/** A decimal number; 'corrupt-file' naming the line for anything else. */
export function number(token: string | undefined, where: Where): number {
  if (token === undefined || !NUMBER.test(token)) throw broken(where, token, 'not a number');
  const value = Number(token.replace(',', '.'));
  if (!Number.isFinite(value)) throw broken(where, token, 'not a finite number');
  return value;
}

/** A decimal number, or `fallback` when the token is missing. */
export function optionalNumber(token: string | undefined, fallback: number, where: Where): number {
  return token === undefined ? fallback : number(token, where);
}

/** A whole number (flags, indexes, time signatures). */
export function integer(token: string | undefined, where: Where): number {
  const value = number(token, where);
  if (!Number.isSafeInteger(value)) throw broken(where, token, 'not a whole number');
  return value;
}

/** A position or length in seconds: a number within ±MAX_ABS_SECONDS. */
export function seconds(token: string | undefined, where: Where): number {
  const value = number(token, where);
  if (Math.abs(value) > MAX_ABS_SECONDS) throw broken(where, token, 'outside any project');
  return value;
}

/** A tempo: a positive number of at most 1e6 BPM. */
export function bpm(token: string | undefined, where: Where): number {
  const value = number(token, where);
  if (!(value > 0) || value > 1e6) throw broken(where, token, 'not a tempo (a positive number of BPM)');
  return value;
}
