/** Warnings with technical facts kept out of what people see (docs/exports.md, `warnings`). */
import { oneLine } from '../errors';
import type { Warning } from '../model';

/**
 * A warning for a DJ, one line of at most 500 characters (`oneLine`, as an error's message).
 * Quote file text with `echoValue` (lib/errors.ts), which keeps a quote short.
 * `detail` (byte offsets, record sizes, event ids) is attached but not enumerable, like
 * DawstampsError's `details` next to its `toJSON()`: JSON never carries it (the API, stored
 * results, `--format json`), the CLI prints it with `--debug`.
 */
export function warning(code: string, message: string, detail?: string): Warning {
  const w: Warning = { code, message: oneLine(message) };
  if (detail !== undefined) Object.defineProperty(w, 'detail', { value: detail, enumerable: false, writable: true, configurable: true });
  return w;
}
