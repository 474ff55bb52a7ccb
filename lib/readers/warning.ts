/** Warnings with technical facts kept out of what people see (docs/exports.md, `warnings`). */
import type { Warning } from '../model';

/**
 * A warning for a DJ; `detail` (byte offsets, record sizes, event ids) is attached but not
 * enumerable, like DawstampsError's `details` next to its `toJSON()`: JSON never carries it (the
 * API, stored results, `--format json`), the CLI prints it with `--debug`.
 */
export function warning(code: string, message: string, detail?: string): Warning {
  const w: Warning = { code, message };
  if (detail !== undefined) Object.defineProperty(w, 'detail', { value: detail, enumerable: false, writable: true, configurable: true });
  return w;
}
