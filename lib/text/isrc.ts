/**
 * ISRCs (International Standard Recording Codes, ISO 3901) written into marker and clip names:
 * `Artist - Title [GBAYE0601498]`, `Artist - Title (ISRC: GB-AYE-06-01498)`, `ISRC GBAYE0601498`.
 * The shape is 2 letters (country), 3 letters or digits (registrant), 2 digits (year) and 5
 * digits (designation), optionally with hyphens between the parts; it is written without them.
 */

/** One ISRC, its parts captured, hyphens optional between them. */
const CODE = String.raw`([A-Za-z]{2})-?([A-Za-z0-9]{3})-?(\d{2})-?(\d{5})`;
/** The code alone in brackets, optionally labelled inside them: `[GBAYE0601498]`, `(ISRC: GB-AYE-06-01498)`. */
const BRACKETED = new RegExp(String.raw`[\[({]\s*(?:ISRC\s*[:#=]?\s*)?${CODE}\s*[\])}]`, 'i');
/** The code after the word ISRC, anywhere: `ISRC GBAYE0601498`, `isrc: GBAYE0601498`. */
const LABELLED = new RegExp(String.raw`(?<![\p{L}\p{N}])ISRC\s*[:#=]?\s*${CODE}(?![\p{L}\p{N}])`, 'iu');
/** Separators left dangling at either end once the code is gone. */
const DANGLING = /^[\s\-–—|,;:/]+|[\s\-–—|,;:/]+$/g;

/** True for a 12-character ISRC (with or without its hyphens); `normalizeIsrc` gives its canonical form. */
export function isIsrc(text: string): boolean {
  return new RegExp(`^${CODE}$`).test(text);
}

/** The canonical form of an ISRC: upper case, no hyphens (`GB-AYE-06-01498` → `GBAYE0601498`). */
export function normalizeIsrc(text: string): string {
  return text.replaceAll('-', '').toUpperCase();
}

export interface NameWithIsrc {
  /** The name without the ISRC (and the brackets or label around it). */
  name: string;
  /** The first ISRC found, canonical; null when the name holds none. */
  isrc: string | null;
}

/**
 * Finds an ISRC in a name, in brackets or after the word "ISRC", and takes it out with its
 * brackets, its label and any separator it leaves dangling. A bare 12-character word is left
 * alone: it might be part of a title. Only the first ISRC is taken.
 */
export function extractIsrc(name: string): NameWithIsrc {
  const match = BRACKETED.exec(name) ?? LABELLED.exec(name);
  if (!match) return { name, isrc: null };
  const isrc = `${match[1]}${match[2]}${match[3]}${match[4]}`.toUpperCase();
  const before = name.slice(0, match.index).replace(/\s+$/, '');
  const after = name.slice(match.index + match[0].length).replace(/^\s+/, '');
  const joined = before !== '' && after !== '' ? `${before} ${after}` : before + after;
  return { name: joined.replace(/\s{2,}/g, ' ').replace(DANGLING, ''), isrc };
}
