/**
 * Client file names: kept as the person wrote them (Unicode, quotes, emoji) wherever they are only
 * shown (the result's `source.file`, CUE and FFmpeg titles), made safe where they become a path
 * (object keys, the local data directory) or a download (Content-Disposition, RFC 6266).
 */

const MAX_NAME = 120;
const MAX_DOWNLOAD = 80;

/** Control characters, bidi overrides (they can disguise an extension), separators no name needs. */
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff\ufff9-\ufffb]/gu;
/** A UTF-16 half without its other half cannot be written as UTF-8. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/** What file systems refuse in a name (Windows: `<>:"/\|?*`), for paths and downloads. */
const RESERVED = /[<>:"/\\|?*]/g;
/** Windows device names, with or without an extension. */
const DEVICE = /^(?:con|prn|aux|nul|com\d|lpt\d)(?:\.|$)/i;

/** Cuts a name to `max` characters (code points, never half an emoji), keeping a short extension. */
function cut(name: string, max: number): string {
  const chars = Array.from(name);
  if (chars.length <= max) return name;
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
  return chars.slice(0, max - Array.from(ext).length).join('').trimEnd() + ext;
}

/**
 * The last path segment of a client's file name as the job keeps and shows it: Unicode (NFC),
 * quotes and emoji kept; control characters and bidi overrides replaced by `_`; no leading dots;
 * at most 120 characters; `upload` when nothing is left.
 */
export function sanitizeFileName(name: string): string {
  const last = name.replace(LONE_SURROGATE, '\ufffd').normalize('NFC').split(/[\\/]/).pop() ?? '';
  const safe = cut(last.replace(INVISIBLE, '_').replace(/^[.\s]+/, '').trim(), MAX_NAME);
  return safe || 'upload';
}

/**
 * A file name fit for a path on any file system (an object key's last segment, a file in the
 * local data directory): `sanitizeFileName`, then `<>:"/\|?*` replaced by `_`, no trailing dots
 * or spaces, and no Windows device name.
 */
export function storageFileName(name: string): string {
  const safe = sanitizeFileName(name).replace(RESERVED, '_').replace(/[.\s]+$/, '');
  return safe === '' ? 'upload' : DEVICE.test(safe) ? `_${safe}` : safe;
}

/**
 * The name of a download without its extension: the project's name as written (Unicode kept,
 * path-unsafe characters replaced), at most 80 characters; `tracklist` when there is none.
 */
export function downloadBaseName(fileName: string | null | undefined): string {
  const base = sanitizeFileName(fileName ?? '').replace(/\.[^.]*$/, '').replace(RESERVED, '_');
  const safe = cut(base, MAX_DOWNLOAD).replace(/^[\s._]+|[\s._]+$/g, '');
  return safe === '' || fileName == null || fileName === '' ? 'tracklist' : safe;
}

/**
 * The ASCII stand-in for old clients: accents dropped, anything else outside printable ASCII
 * replaced, and `" \ %` and the header's own separators `; ,` too (legal in a quoted string, but
 * naive parsers split on them).
 */
export function asciiFileName(fileName: string): string {
  // the extension: the trailing ASCII parts (`.cue`, `.youtube.txt`), kept whole
  const ext = /(?:\.[A-Za-z0-9]{1,12})+$/.exec(fileName)?.[0] ?? '';
  const base = fileName.slice(0, fileName.length - ext.length);
  const ascii = base.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[^\x20-\x7e]|["\\%;,]/gu, '_');
  const stem = ascii.replace(/[ _]*_[ _]*/g, '_').replace(/^[\s._-]+|[\s._-]+$/g, '');
  return `${stem || 'tracklist'}${ext}`;
}

/** RFC 5987 value characters (attr-char); everything else is percent-encoded from UTF-8. */
function rfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * A Content-Disposition value for a download (RFC 6266): an ASCII `filename` for old clients and
 * the full name in UTF-8 as `filename*` (RFC 5987), which current browsers use.
 */
export function contentDisposition(fileName: string): string {
  return `attachment; filename="${asciiFileName(fileName)}"; filename*=UTF-8''${rfc5987(fileName)}`;
}
