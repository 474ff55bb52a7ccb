/** The one error type of dawstamps: a stable code and a sentence a person can act on. */

export type ErrorCode =
  /** The file has no bytes. */
  | 'empty-file'
  /** The bytes are not a project of any format dawstamps reads. */
  | 'not-a-project'
  /** The file is a project, but damaged (truncated gzip, broken XML, bad chunk). */
  | 'corrupt-file'
  /** A project from a DAW version this converter cannot read. */
  | 'unsupported-version'
  /** A recognised format without a reader. */
  | 'unsupported-format'
  /** An option has a wrong value (unknown start locator, bad timing name…). */
  | 'invalid-option'
  /** The compressed file is over the size limit. */
  | 'file-too-large'
  /** Inflating the file produced more than the inflated size limit (a gzip bomb). */
  | 'inflated-too-large'
  /** The XML declares a DOCTYPE or entities (never expanded: billion laughs, external entities). */
  | 'unsafe-xml'
  /** XML nested deeper than the limit. */
  | 'xml-too-deep'
  /** An attribute or text value longer than the limit. */
  | 'value-too-long'
  /** More locators/markers than the limit. */
  | 'too-many-markers'
  /** More tempo breakpoints than the limit. */
  | 'too-many-breakpoints'
  /** More FL Studio events than the limit. */
  | 'too-many-events'
  /** More entries in a ZIP archive (a DAWproject file) than the limit. */
  | 'too-many-entries'
  /** The conversion took longer than allowed. */
  | 'timeout'
  /** An export format was asked for that does not exist, or cannot hold this result. */
  | 'export-failed'
  /** An export of a tracklist with no entries (no markers or clips, or all before the start); the JSON result still returns. */
  | 'empty-tracklist'
  /** A stored project document that is not one this version can read (lib/project-json.ts). */
  | 'invalid-project';

/** Thrown by every part of lib/ for input it cannot convert. */
export class DawstampsError extends Error {
  override readonly name = 'DawstampsError';
  readonly code: ErrorCode;
  /** Extra facts for logs (byte offset, limit…); never needed to understand the message. */
  readonly details?: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(oneLine(message));
    this.code = code;
    if (details) this.details = details;
  }

  /** The `{ code, message }` pair every surface shows. */
  toJSON(): { code: ErrorCode; message: string } {
    return { code: this.code, message: this.message };
  }
}

/** How many characters of a caller's value an error message echoes. */
export const ECHO_MAX = 60;

/**
 * A caller's value as it is quoted in an error message: text, cut to `max` characters with an
 * ellipsis, so that a hostile megabyte-long option does not come back in the error.
 */
export function echoValue(value: unknown, max = ECHO_MAX): string {
  let text: string;
  try {
    // a long string is cut before anything else is done with it
    text = typeof value === 'string' ? value.slice(0, max + 1) : String(value);
  } catch {
    return '(a value that cannot be shown)';
  }
  if (text.length <= max) return text;
  let cut = text.slice(0, max - 1);
  // never end on half of a surrogate pair
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/** The longest message of an error or a warning. */
const MAX_MESSAGE = 500;
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

/**
 * A message as every surface shows it: one line (control characters and line breaks — an ESC from
 * a file's text would reach a terminal — become a space), at most 500 characters, cut with an
 * ellipsis, never on half of a surrogate pair. Errors and warnings quote files (names, tags).
 */
export function oneLine(message: string): string {
  // a long message (a 3 MB name in it) is cut before anything else is done with it
  const long = message.length > MAX_MESSAGE;
  let line = (long ? message.slice(0, MAX_MESSAGE) : message).replace(CONTROLS, ' ');
  if (!long) return line;
  line = line.slice(0, MAX_MESSAGE - 1);
  if (/[\ud800-\udbff]$/.test(line)) line = line.slice(0, -1);
  return `${line}…`;
}

/** True when `e` is a DawstampsError (also across bundle copies). */
export function isDawstampsError(e: unknown): e is DawstampsError {
  return e instanceof DawstampsError || (typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'DawstampsError' && typeof (e as { code?: unknown }).code === 'string');
}
