import { ByteReader } from '../../binary';
import { DawstampsError } from '../../errors';
import type { Warning } from '../../model';
import type { Span } from './scan';
import { versionAtLeast } from './text';
import { PLAYLIST_PATTERN_BASE, PLAYLIST_RECORD_SIZES, type PlaylistItem, PlaylistItemToken } from './tokens';

/** The playlist record size FL writes: 32 bytes up to FL 20.9, 60 for FL 20.99/21, 80 from FL 2024. */
export function expectedRecordSize(version: number[]): number {
  if (versionAtLeast(version, 24, 0)) return 80;
  if (versionAtLeast(version, 20, 99)) return 60;
  return 32;
}

/** True when `size` divides the event and every record has 20480 at offset +4. */
function fits(bytes: Uint8Array, span: Span, size: number): boolean {
  if (span.length % size !== 0) return false;
  for (let p = span.start; p < span.start + span.length; p += size) {
    if (((bytes[p + 4] as number) | ((bytes[p + 5] as number) << 8)) !== PLAYLIST_PATTERN_BASE) return false;
  }
  return true;
}

/**
 * Reads the items of a playlist event (233). The record size comes from the version and is
 * checked; when it does not fit, the other known sizes are tried. If none fits, the playlist
 * is damaged: an error when `needed` (tempo clips depend on it), else a warning and no items.
 */
export function readPlaylist(bytes: Uint8Array, span: Span | null, version: number[], needed: boolean, warnings: Warning[]): PlaylistItem[] {
  if (!span || span.length === 0) return [];
  const expected = expectedRecordSize(version);
  const sizes = [expected, ...PLAYLIST_RECORD_SIZES.filter((s) => s !== expected)];
  const size = sizes.find((s) => fits(bytes, span, s));
  if (size === undefined) {
    const message = `The playlist at byte ${span.offset} (${span.length} bytes) is damaged: its records are not ${PLAYLIST_RECORD_SIZES.join(', ')} bytes long with 20480 at offset 4.`;
    if (needed) throw new DawstampsError('corrupt-file', `${message} The tempo automation clips cannot be placed.`, { offset: span.offset });
    warnings.push({ code: 'flp-playlist-damaged', message: `${message} It is ignored (no tempo automation depends on it).` });
    return [];
  }
  if (size !== expected) {
    warnings.push({ code: 'flp-playlist-record-size', message: `The playlist records are ${size} bytes, not the ${expected} this FL version writes; read as ${size}.` });
  }
  const items: PlaylistItem[] = [];
  const r = new ByteReader(bytes, span.start, span.start + span.length);
  for (let p = span.start; p < span.start + span.length; p += size) {
    r.offset = p;
    items.push(PlaylistItemToken.get(r));
  }
  return items;
}
