/** Marker names: made safe for every format, optionally cleaned of download junk, split into artist and title. */

/** Line breaks and tabs become a space; every other control character goes. */
const BREAKS = /[\t\n\v\f\r\u0085\u2028\u2029]+/g;
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\ufeff]/g;
/** A UTF-16 half without its other half cannot be written as UTF-8. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Trims a name, keeps its Unicode (NFC), turns line breaks into spaces, strips control characters
 * and byte-order marks, and replaces broken UTF-16 halves with U+FFFD.
 */
export function sanitizeName(name: string): string {
  return name.replace(LONE_SURROGATE, '\ufffd').normalize('NFC').replace(BREAKS, ' ').replace(CONTROLS, '').trim();
}

/**
 * The file name at the end of a Windows or POSIX path ("C:\\DJ\\01 Song.mp3" → "01 Song.mp3"),
 * without blanks around it; null when the path ends in a separator or is empty.
 */
export function baseName(path: string | null | undefined): string | null {
  if (!path) return null;
  const base = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1).trim();
  return base === '' ? null : base;
}

const AUDIO_EXTENSION = /\.(mp3|wav|wave|flac|aiff?|m4a|aac|ogg|oga|opus|wma|alac|mp4|webm)$/i;
/** "01. ", "1) ", "01 " (zero-padded): a track number, not part of a name like "50 Cent". */
const TRACK_NUMBER = /^(?:\d{1,3}\s*[.)]\s+|0\d\s+(?!-\s))/;
/** "01 - Artist - Title", "01 - Intro": a number before " - " is junk when zero-padded or an "Artist - Title" follows. */
const NUMBER_DASH = /^(?:\d{1,3}\s+-\s+(?=.+ - )|0\d\s*-\s+)/;
const SITE = /(?:www\.|https?:\/\/)[^\s\])]+|\b[\w-]+\.(?:com|net|org|ru|info|biz|io|to|cc|me|fm|xyz)\b/i;
const JUNK_WORDS =
  /^(?:free\s*(?:download|dl)|official\s*(?:video|audio|music\s*video|lyric\s*video)|lyrics?(?:\s*video)?|hq|hd|4k|audio|video|\d{2,3}\s*kbps|320|256|192|128)$/i;

/**
 * Removes common junk from a name: an audio file extension, a leading track number, bracketed or
 * trailing download-site tags and "(Official Video)"-style tags. Keeps "Artist - Title" and
 * remix/version parentheses such as "(Original Mix)".
 */
export function cleanName(name: string): string {
  let s = sanitizeName(name);
  if (!s.includes(' ') && s.includes('_')) s = s.replace(/_+/g, ' ');
  s = s.replace(AUDIO_EXTENSION, '');
  s = s.replace(/\s*[[(]([^\])]*)[\])]/g, (whole, inner: string) => (isJunk(inner) ? '' : whole));
  s = s.replace(/\s+-\s+(?:www\.|https?:\/\/)?\S+\.(?:com|net|org|ru|info|biz|io|to|cc|me|fm|xyz)\S*\s*$/i, '');
  s = s.replace(/^(?:www\.|https?:\/\/)\S+\s+-\s+/i, '');
  s = s.replace(NUMBER_DASH, '').replace(TRACK_NUMBER, '');
  s = s.replace(/\s{2,}/g, ' ').replace(/^[\s\-–_|]+|[\s\-–_|]+$/g, '').trim();
  return s === '' ? sanitizeName(name) : s;
}

function isJunk(inner: string): boolean {
  const text = inner.trim();
  return SITE.test(text) || JUNK_WORDS.test(text);
}

export interface ArtistTitle {
  /** The part before the first " - ", or null when the name has no such split. */
  artist: string | null;
  title: string;
}

/** Splits "Artist - Title" on the first " - "; a name without one (or with an empty side) is all title. */
export function splitArtistTitle(name: string): ArtistTitle {
  const at = name.indexOf(' - ');
  if (at < 0) return { artist: null, title: name };
  const artist = name.slice(0, at).trim();
  const title = name.slice(at + 3).trim();
  if (artist === '' || title === '') return { artist: null, title: name };
  return { artist, title };
}
