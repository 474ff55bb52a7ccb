/** Warnings with technical facts kept out of what people see (docs/exports.md, `warnings`). */
import type { Warning } from '../model';

/** The longest warning message, as for an error's (lib/errors.ts). */
const MAX_MESSAGE = 500;
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

/**
 * A warning for a DJ, one line of at most MAX_MESSAGE characters: control characters and line
 * breaks (an ESC from a file's text would reach a terminal) become a space, and a longer message
 * is cut. Quote file text with `echoValue` (lib/errors.ts), which keeps a quote short.
 * `detail` (byte offsets, record sizes, event ids) is attached but not enumerable, like
 * DawstampsError's `details` next to its `toJSON()`: JSON never carries it (the API, stored
 * results, `--format json`), the CLI prints it with `--debug`.
 */
export function warning(code: string, message: string, detail?: string): Warning {
  const w: Warning = { code, message: oneLine(message) };
  if (detail !== undefined) Object.defineProperty(w, 'detail', { value: detail, enumerable: false, writable: true, configurable: true });
  return w;
}

function oneLine(message: string): string {
  // a long message (a 3 MB name in it) is cut before anything else is done with it
  const long = message.length > MAX_MESSAGE;
  let line = (long ? message.slice(0, MAX_MESSAGE) : message).replace(CONTROLS, ' ');
  if (!long) return line;
  line = line.slice(0, MAX_MESSAGE - 1);
  // never end on half of a surrogate pair
  if (/[\ud800-\udbff]$/.test(line)) line = line.slice(0, -1);
  return `${line}…`;
}
