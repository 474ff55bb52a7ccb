import { ByteReader } from '../../binary';
import { DawstampsError } from '../../errors';
import type { Warning } from '../../model';
import { warning } from '../warning';
import type { Span } from './scan';
import { versionAtLeast } from './text';
import { FL9_PATTERN_ITEM, PLAYLIST_PATTERN_BASE, PLAYLIST_RECORD_SIZES, type PlaylistItem, PlaylistItemToken } from './tokens';

/** The playlist record size FL writes: 32 bytes up to FL 20.9 (FL 9 included), 60 for FL 20.99/21, 80 from FL 2024. */
function expectedRecordSize(version: number[]): number {
  if (versionAtLeast(version, 24, 0)) return 80;
  if (versionAtLeast(version, 20, 99)) return 60;
  return 32;
}

/** FL 9 and 10 write pattern items as 0 / 0x6000 at +4 / +6 (seen in FL 9.0 and 9.1; FL 11.1 writes 20480). */
function writesFl9PatternItems(version: number[]): boolean {
  return version.length === 0 || !versionAtLeast(version, 11, 0);
}

/** True when `size` divides the event and every record has 20480 at offset +4 (or, `fl9`, an FL 9 pattern item). */
function fits(bytes: Uint8Array, span: Span, size: number, fl9: boolean): boolean {
  if (span.length % size !== 0) return false;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let p = span.start; p < span.start + span.length; p += size) {
    if (view.getUint16(p + 4, true) === PLAYLIST_PATTERN_BASE) continue;
    if (!(fl9 && view.getUint32(p + 4, true) === FL9_PATTERN_ITEM)) return false;
  }
  return true;
}

/**
 * Reads the items of a playlist event (233). The record size comes from the version and is
 * checked; when it does not fit, the other known sizes are tried. If none fits, the playlist is
 * damaged: an error when `needed` (tempo clips depend on it), else a warning and no items (the
 * set's length and the audio clips then stay unknown).
 */
export function readPlaylist(bytes: Uint8Array, span: Span | null, version: number[], needed: boolean, warnings: Warning[]): PlaylistItem[] {
  if (!span || span.length === 0) return [];
  const expected = expectedRecordSize(version);
  const fl9 = writesFl9PatternItems(version);
  const sizes = [expected, ...PLAYLIST_RECORD_SIZES.filter((s) => s !== expected)];
  const size = sizes.find((s) => fits(bytes, span, s, fl9));
  if (size === undefined) {
    const detail = `event 233 at byte ${span.offset}, ${span.length} bytes: not records of ${PLAYLIST_RECORD_SIZES.join(', ')} bytes with 20480 at offset 4`;
    if (needed) {
      throw new DawstampsError('corrupt-file', 'The project\'s playlist is damaged, and its tempo automation depends on it, so the times cannot be worked out.', { offset: span.offset, detail });
    }
    warnings.push(warning('flp-playlist-damaged', 'The project\'s playlist is damaged and was left out: the length of the song is unknown, and no audio clips can be listed from it.', detail));
    return [];
  }
  if (size !== expected) {
    warnings.push(warning(
      'flp-playlist-record-size',
      'The playlist is laid out like another FL Studio version\'s than the one this project names; it was read that way.',
      `playlist records are ${size} bytes, not the ${expected} of FL ${version.join('.') || '(no version)'}`,
    ));
  }
  // FL 20 has 500 playlist tracks, earlier versions 199; the slot counts down from the last one
  const lastTrack = version.length === 0 || versionAtLeast(version, 20, 0) ? 499 : 198;
  const items: PlaylistItem[] = [];
  const r = new ByteReader(bytes, span.start, span.start + span.length);
  for (let p = span.start; p < span.start + span.length; p += size) {
    r.offset = p;
    const item = PlaylistItemToken.get(r);
    item.track = lastTrack - item.track;
    items.push(item);
  }
  return items;
}
