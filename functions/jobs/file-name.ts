/** Upload file names made safe for object keys, local paths and download headers. */

const MAX_NAME = 120;

/**
 * The last path segment of a client's file name, with anything but letters, digits, space and
 * `._()+-` replaced by `_`, no leading dots, at most 120 characters; `upload` when nothing is left.
 */
export function sanitizeFileName(name: string): string {
  const last = name.normalize('NFC').split(/[\\/]/).pop() ?? '';
  let safe = last.replace(/[^\p{L}\p{N} ._()+-]/gu, '_').replace(/^[.\s]+/, '').trim();
  if (safe.length > MAX_NAME) {
    const dot = safe.lastIndexOf('.');
    const ext = dot > 0 && safe.length - dot <= 10 ? safe.slice(dot) : '';
    safe = safe.slice(0, MAX_NAME - ext.length) + ext;
  }
  return safe || 'upload';
}

/** The name without its extension, in ASCII letters, digits, `._-` only: for Content-Disposition. */
export function downloadBaseName(fileName: string | null | undefined): string {
  const base = (fileName ?? '').replace(/\.[^.]*$/, '');
  const ascii = base.normalize('NFKD').replace(/[^A-Za-z0-9._ -]/g, '').replace(/[\s_-]{2,}|\s/g, '-').replace(/^[.-]+/, '').slice(0, 80);
  return ascii || 'tracklist';
}

/** A Content-Disposition value for a download: an ASCII name plus its UTF-8 form (RFC 6266). */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^A-Za-z0-9._-]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
