/** True when the bytes start like an .als: gzip magic, or `<?xml` after an optional BOM/whitespace. */
export function sniffAbleton(head: Uint8Array): boolean {
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return true;
  let i = 0;
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) i = 3;
  while (i < head.length && i < 4096 && isSpace(head[i]!)) i++;
  return startsWith(head, i, '<?xml');
}

function isSpace(b: number): boolean {
  return b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;
}

function startsWith(bytes: Uint8Array, at: number, text: string): boolean {
  if (at + text.length > bytes.length) return false;
  for (let k = 0; k < text.length; k++) if (bytes[at + k] !== text.charCodeAt(k)) return false;
  return true;
}

/** How far into a gzip's content the first `<` is looked for (the same 4 KB as for plain XML). */
const XML_SNIFF_BYTES = 4096;

/**
 * Whether a gzip's inflated content starts like XML: after an optional BOM and whitespace, `<`
 * and then `?`, `!` or a name's first character. Undefined while the bytes so far cannot tell
 * (whitespace only, or a lone `<` at their end) and there are fewer than `XML_SNIFF_BYTES`.
 */
export function startsLikeXml(head: Uint8Array): boolean | undefined {
  let i = 0;
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) i = 3;
  else if (head.length < 3 && head[0] === 0xef && (head.length < 2 || head[1] === 0xbb)) return undefined;
  while (i < head.length && i < XML_SNIFF_BYTES && isSpace(head[i]!)) i++;
  if (i >= XML_SNIFF_BYTES) return false;
  if (i >= head.length) return undefined;
  if (head[i] !== 0x3c) return false;
  if (i + 1 >= head.length) return undefined;
  const c = head[i + 1]!;
  // ? ! : _ A-Z a-z, or any non-ASCII name character
  return c === 0x3f || c === 0x21 || c === 0x3a || c === 0x5f || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c >= 0x80;
}
