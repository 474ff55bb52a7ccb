/** A REAPER project opens with the line `<REAPER_PROJECT …` (docs/reaper.md#the-file). */

const MAGIC = '<REAPER_PROJECT';

/** How many bytes a BOM at the start of `head` takes (0 or 3). */
export function bomLength(head: Uint8Array): number {
  return head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
}

/** True when the bytes start like an .rpp: `<REAPER_PROJECT` after an optional BOM and whitespace, then a space or the line's end. */
export function sniffReaper(head: Uint8Array): boolean {
  let i = bomLength(head);
  while (i < head.length && i < 4096 && (head[i] === 0x20 || head[i] === 0x09 || head[i] === 0x0a || head[i] === 0x0d)) i++;
  if (i + MAGIC.length > head.length) return false;
  for (let k = 0; k < MAGIC.length; k++) if (head[i + k] !== MAGIC.charCodeAt(k)) return false;
  const after = head[i + MAGIC.length];
  return after === undefined || after === 0x20 || after === 0x09 || after === 0x0a || after === 0x0d;
}
