/**
 * File names as a person wrote them, made safe to show and to name a download with: the same
 * rules for the API's downloads (functions/jobs/file-name.ts, which adds storage keys and the
 * Content-Disposition header) and the page's.
 */

const MAX_NAME = 120;
const MAX_DOWNLOAD = 80;

/** Control characters, bidi overrides (they can disguise an extension), separators no name needs. */
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff\ufff9-\ufffb]/gu;
/** A UTF-16 half without its other half cannot be written as UTF-8. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/** What file systems refuse in a name (Windows: `<>:"/\|?*`), for paths and downloads. */
const RESERVED = /[<>:"/\\|?*]/g;

/** Cuts a name to `max` characters (code points, never half an emoji), keeping a short extension. */
function cut(name: string, max: number): string {
  const chars = Array.from(name);
  if (chars.length <= max) return name;
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
  return chars.slice(0, max - Array.from(ext).length).join('').trimEnd() + ext;
}

/**
 * The last path segment of a client's file name as it is kept and shown: Unicode (NFC), quotes
 * and emoji kept; control characters and bidi overrides replaced by `_`; no leading dots; at most
 * 120 characters; `upload` when nothing is left.
 */
export function sanitizeFileName(name: string): string {
  const last = name.replace(LONE_SURROGATE, '\ufffd').normalize('NFC').split(/[\\/]/).pop() ?? '';
  const safe = cut(last.replace(INVISIBLE, '_').replace(/^[.\s]+/, '').trim(), MAX_NAME);
  return safe || 'upload';
}

/** `<>:"/\|?*` (what file systems refuse in a name) replaced by `_`. */
export function replaceReserved(name: string): string {
  return name.replace(RESERVED, '_');
}

/**
 * The name of a download without its extension: the project's name as written (Unicode kept,
 * path-unsafe characters replaced), at most 80 characters; `tracklist` when there is none.
 */
export function downloadBaseName(fileName: string | null | undefined): string {
  const base = replaceReserved(sanitizeFileName(fileName ?? '').replace(/\.[^.]*$/, ''));
  const safe = cut(base, MAX_DOWNLOAD).replace(/^[\s._]+|[\s._]+$/g, '');
  return safe === '' || fileName == null || fileName === '' ? 'tracklist' : safe;
}
