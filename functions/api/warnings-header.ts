/** The `Dawstamps-Warnings` response header: a download carries the codes of its warnings. */
import type { Context } from 'hono';
import type { Warning } from '../../lib/index';

export const WARNINGS_HEADER = 'Dawstamps-Warnings';

/** Sets the header to the distinct warning codes, comma-separated, in order of appearance; none: no header. */
export function setWarningsHeader(c: Context, ...lists: ReadonlyArray<readonly Warning[]>): void {
  const codes = [...new Set(lists.flat().map((w) => w.code))];
  if (codes.length > 0) c.header(WARNINGS_HEADER, codes.join(','));
}
