/**
 * The `template` option: one line a tracklist entry, with placeholders such as
 * `{index:02}. {artist} - {title} [{start:hh:mm:ss}]`. Parsed once into parts; a mistake is an
 * 'invalid-option' error that names it and its column.
 */
import { DawstampsError, echoValue } from '../errors';

export const TEXT_FIELDS = ['name', 'artist', 'title', 'bar', 'isrc'] as const;
export const TIME_FIELDS = ['start', 'end', 'duration'] as const;
export const FIELDS = ['index', 'name', 'artist', 'title', 'start', 'end', 'duration', 'bar', 'isrc'] as const;

export type TextField = (typeof TEXT_FIELDS)[number];
export type TimeField = (typeof TIME_FIELDS)[number];

/** How a time is written: a clock (hours always, never, or from an hour on) or decimal seconds. */
export type TimeStyle =
  | { kind: 'clock'; hours: 'auto' | 'always' | 'never'; padHours: boolean; padMinutes: boolean; ms: 'always' | 'precision' | 'never' }
  | { kind: 'seconds' };

export type TemplatePart =
  | { kind: 'text'; text: string }
  | { kind: 'index'; width: number; fill: '0' | ' ' }
  | { kind: 'text-field'; field: TextField }
  | { kind: 'time'; field: TimeField; style: TimeStyle };

/** The placeholder without a style: the text format's clock (`mm:ss`, `h:mm:ss` once a time reaches an hour; `.mmm` with precision ms). */
const DEFAULT_CLOCK: TimeStyle = { kind: 'clock', hours: 'auto', padHours: false, padMinutes: true, ms: 'precision' };

/** The time styles by name; each clock style also takes `.ms` for milliseconds. */
const CLOCKS: Record<string, TimeStyle & { kind: 'clock' }> = {
  'm:ss': { kind: 'clock', hours: 'never', padHours: false, padMinutes: false, ms: 'never' },
  'mm:ss': { kind: 'clock', hours: 'never', padHours: false, padMinutes: true, ms: 'never' },
  'h:mm:ss': { kind: 'clock', hours: 'always', padHours: false, padMinutes: true, ms: 'never' },
  'hh:mm:ss': { kind: 'clock', hours: 'always', padHours: true, padMinutes: true, ms: 'never' },
};

export const TEMPLATE_EXAMPLE = '{index:02}. {artist} - {title} [{start:hh:mm:ss}]';

const bad = (message: string): DawstampsError => new DawstampsError('invalid-option', message);

function timeStyle(style: string): TimeStyle | null {
  if (style === 's') return { kind: 'seconds' };
  if (style === 'ms') return { ...DEFAULT_CLOCK, ms: 'always' } as TimeStyle;
  const clock = CLOCKS[style.replace(/\.ms$/, '')];
  if (!clock) return null;
  return style.endsWith('.ms') ? { ...clock, ms: 'always' } : clock;
}

/** One placeholder's part, from its text between the braces; `column` for the messages. */
function placeholder(inner: string, column: number): TemplatePart {
  const colon = inner.indexOf(':');
  const field = (colon < 0 ? inner : inner.slice(0, colon)).trim().toLowerCase();
  const style = colon < 0 ? null : inner.slice(colon + 1).trim();
  const shown = `{${echoValue(inner)}}`;
  if (field === '') throw bad(`The template has an empty placeholder ${shown} at column ${column}; the placeholders are ${FIELDS.join(', ')}.`);
  if (!(FIELDS as readonly string[]).includes(field)) {
    throw bad(`The template has an unknown placeholder ${shown} at column ${column}; the placeholders are ${FIELDS.join(', ')} (write {{ for a brace).`);
  }
  if (field === 'index') {
    if (style === null) return { kind: 'index', width: 0, fill: ' ' };
    const width = /^(0?)([1-9])$/.exec(style);
    if (!width) throw bad(`The template's ${shown} at column ${column} has an unknown number style; use a width such as 02 (zero-padded to 2 digits) or 3 (padded with spaces).`);
    return { kind: 'index', width: Number(width[2]), fill: width[1] === '0' ? '0' : ' ' };
  }
  if ((TIME_FIELDS as readonly string[]).includes(field)) {
    if (style === null) return { kind: 'time', field: field as TimeField, style: DEFAULT_CLOCK };
    const parsed = timeStyle(style);
    if (!parsed) throw bad(`The template's ${shown} at column ${column} has an unknown time style; use m:ss, mm:ss, h:mm:ss or hh:mm:ss (each with .ms for milliseconds), ms or s.`);
    return { kind: 'time', field: field as TimeField, style: parsed };
  }
  if (style !== null) throw bad(`The template's ${shown} at column ${column} takes no style; only index, start, end and duration do.`);
  return { kind: 'text-field', field: field as TextField };
}

/**
 * Parses a template: `{field}` or `{field:style}` placeholders, `{{` and `}}` for braces, text
 * (tabs and line breaks allowed). Throws DawstampsError 'invalid-option' naming the mistake and
 * its column (counted in characters from 1).
 */
export function parseTemplate(template: string): TemplatePart[] {
  const chars = Array.from(template);
  const parts: TemplatePart[] = [];
  let text = '';
  const flush = (): void => {
    if (text !== '') parts.push({ kind: 'text', text });
    text = '';
  };
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    const column = i + 1;
    if (c === '{' && chars[i + 1] === '{') {
      text += '{';
      i++;
    } else if (c === '}' && chars[i + 1] === '}') {
      text += '}';
      i++;
    } else if (c === '}') {
      throw bad(`The template has a } at column ${column} that closes no placeholder; write }} for a brace.`);
    } else if (c === '{') {
      let close = i + 1;
      while (close < chars.length && chars[close] !== '}' && chars[close] !== '{') close++;
      if (chars[close] !== '}') throw bad(`The template opens a placeholder at column ${column} that is never closed; write {{ for a brace.`);
      flush();
      parts.push(placeholder(chars.slice(i + 1, close).join(''), column));
      i = close;
    } else if (c === '\r' && chars[i + 1] === '\n') {
      text += c; // a CRLF line break (a template pasted from Windows)
    } else if (/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/.test(c)) {
      throw bad(`The template has a control character at column ${column}; only tabs and line breaks may be part of it.`);
    } else {
      text += c;
    }
  }
  flush();
  if (!parts.some((p) => p.kind !== 'text')) {
    throw bad(`The template has no placeholder, so every line would be the same; use some of ${FIELDS.join(', ')}, e.g. ${TEMPLATE_EXAMPLE}.`);
  }
  return parts;
}

/** The option check: a template that is given must parse (an empty one is the same as none). */
export function checkTemplate(template: string): void {
  if (template.trim() !== '') parseTemplate(template);
}
