/**
 * Client file names: kept as the person wrote them (Unicode, quotes, emoji) wherever they are only
 * shown (the result's `source.file`, CUE and FFmpeg titles), made safe where they become a path
 * (object keys, the local data directory) or a download (Content-Disposition, RFC 6266). The names
 * as kept and a download's are lib's (lib/text/file-names.ts: the page names its downloads alike).
 */

import { downloadBaseName, replaceReserved, sanitizeFileName } from '../../lib/text/file-names';

export { downloadBaseName, sanitizeFileName };

/** Windows device names, with or without an extension. */
const DEVICE = /^(?:con|prn|aux|nul|com\d|lpt\d)(?:\.|$)/i;

/**
 * A file name fit for a path on any file system (an object key's last segment, a file in the
 * local data directory): `sanitizeFileName`, then `<>:"/\|?*` replaced by `_`, no trailing dots
 * or spaces, and no Windows device name.
 */
export function storageFileName(name: string): string {
  const safe = replaceReserved(sanitizeFileName(name)).replace(/[.\s]+$/, '');
  return safe === '' ? 'upload' : DEVICE.test(safe) ? `_${safe}` : safe;
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
