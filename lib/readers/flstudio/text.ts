import { ByteReader } from '../../binary';
import type { Span } from './scan';

/** The FL version as numbers ("20.8.4.2576" → [20, 8, 4, 2576]); [] when unknown. */
export function versionParts(version: string | null): number[] {
  if (!version) return [];
  return version.split('.').map((p) => Number.parseInt(p, 10)).filter((n) => Number.isFinite(n));
}

/** True when `version` is at least `major.minor`. */
export function versionAtLeast(parts: number[], major: number, minor: number): boolean {
  const [a = 0, b = 0] = parts;
  return a > major || (a === major && b >= minor);
}

/** Decides how the project's texts are stored: UTF-16LE from FL 11.5, single-byte before. */
export function textIsUtf16(parts: number[], bytes: Uint8Array, sample: Span | null): boolean {
  if (parts.length > 0) return versionAtLeast(parts, 11, 5);
  // No version event: UTF-16 text of Latin letters has a zero in every odd byte.
  if (!sample || sample.length < 2) return true;
  let zeros = 0;
  for (let i = sample.start + 1; i < sample.start + sample.length; i += 2) if (bytes[i] === 0) zeros++;
  return zeros * 2 >= sample.length / 2;
}

/** Decodes a text event's bytes (cut at the first NUL). */
export function decodeText(bytes: Uint8Array, span: Span | null, utf16: boolean): string {
  if (!span) return '';
  const r = new ByteReader(bytes, span.start, span.start + span.length);
  return utf16 ? r.utf16le(span.length, 'a text') : r.latin1(span.length, 'a text');
}

/** Decodes the version event (always ASCII). */
export function decodeVersion(bytes: Uint8Array, span: Span | null): string | null {
  if (!span) return null;
  const text = new ByteReader(bytes, span.start, span.start + span.length).latin1(span.length, 'the version').trim();
  return text === '' ? null : text;
}
