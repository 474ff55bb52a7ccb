/** Small, strict parsers for what the exporters emit, so tests can read their output back. */

/** Parses RFC 4180 CSV (CRLF records, quoted fields with doubled quotes); throws on anything else. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  if (text === '') return rows;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
        if (text[i] === '"') throw new Error(`bare quote at ${i}`);
        field += text[i++];
      }
    }
    row.push(field);
    if (text[i] === ',') {
      i++;
    } else if (text.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
    } else {
      throw new Error(`expected , or CRLF at ${i}`);
    }
  }
  if (row.length > 0) throw new Error('last record has no CRLF');
  return rows;
}

export interface CueTrack {
  number: number;
  title: string | null;
  performer: string | null;
  indexes: Map<number, number>;
}

export interface CueSheet {
  title: string | null;
  performer: string | null;
  file: { name: string; type: string } | null;
  tracks: CueTrack[];
}

const QUOTED = /^"([^"]*)"$/;

/** Parses a CUE sheet; INDEX times come back in frames. Throws on a line it does not understand. */
export function parseCue(text: string): CueSheet {
  const sheet: CueSheet = { title: null, performer: null, file: null, tracks: [] };
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const m = /^\s*(\w+) (.*)$/.exec(line);
    if (!m) throw new Error(`bad line: ${line}`);
    const [, command, rest] = m as unknown as [string, string, string];
    const track = sheet.tracks[sheet.tracks.length - 1];
    const str = (): string => {
      const q = QUOTED.exec(rest);
      if (!q) throw new Error(`not one quoted string: ${line}`);
      return q[1]!;
    };
    switch (command) {
      case 'TITLE':
      case 'PERFORMER': {
        const key = command === 'TITLE' ? 'title' : 'performer';
        if (track) track[key] = str();
        else sheet[key] = str();
        break;
      }
      case 'FILE': {
        const f = /^"([^"]*)" (WAVE|MP3|AIFF|BINARY|MOTOROLA)$/.exec(rest);
        if (!f) throw new Error(`bad FILE: ${line}`);
        sheet.file = { name: f[1]!, type: f[2]! };
        break;
      }
      case 'TRACK': {
        const t = /^(\d\d) AUDIO$/.exec(rest);
        if (!t) throw new Error(`bad TRACK: ${line}`);
        sheet.tracks.push({ number: Number(t[1]), title: null, performer: null, indexes: new Map() });
        break;
      }
      case 'INDEX': {
        const x = /^(\d\d) (\d{2,}):(\d\d):(\d\d)$/.exec(rest);
        if (!x || !track) throw new Error(`bad INDEX: ${line}`);
        const [mm, ss, ff] = [Number(x[2]), Number(x[3]), Number(x[4])];
        if (ss > 59 || ff > 74) throw new Error(`INDEX out of range: ${line}`);
        track.indexes.set(Number(x[1]), (mm * 60 + ss) * 75 + ff);
        break;
      }
      default:
        throw new Error(`unknown command: ${line}`);
    }
  }
  return sheet;
}

export interface VttCue {
  id: string | null;
  start: number;
  end: number;
  text: string;
}

function vttTime(s: string): number {
  const m = /^(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})$/.exec(s);
  if (!m) throw new Error(`bad WebVTT time ${s}`);
  return (Number(m[1] ?? 0) * 3600 + Number(m[2]) * 60 + Number(m[3])) * 1000 + Number(m[4]);
}

/** Parses WebVTT (times in ms, cue text unescaped); throws on anything malformed. */
export function parseVtt(text: string): VttCue[] {
  const blocks = text.split(/\n\n+/);
  if (blocks[0]!.replace(/\n$/, '') !== 'WEBVTT') throw new Error('no WEBVTT header');
  if (!text.endsWith('\n')) throw new Error('no final newline');
  return blocks
    .slice(1)
    .filter((b) => b.trim() !== '')
    .map((block) => {
      const lines = block.replace(/\n$/, '').split('\n');
      const timingAt = lines[0]!.includes('-->') ? 0 : 1;
      const t = /^(\S+) --> (\S+)$/.exec(lines[timingAt]!);
      if (!t) throw new Error(`bad timing line in ${block}`);
      const payload = lines.slice(timingAt + 1).join('\n');
      if (payload.includes('-->') || payload.includes('<')) throw new Error(`unsafe cue text ${payload}`);
      const cueText = payload.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
      return { id: timingAt === 1 ? lines[0]! : null, start: vttTime(t[1]!), end: vttTime(t[2]!), text: cueText };
    });
}

/** Parses an FFmpeg metadata file into global tags and chapters (unescaping values). */
export function parseFfmetadata(text: string): { tags: Record<string, string>; chapters: Array<Record<string, string>> } {
  const lines: string[] = [];
  let line = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\') line += c + (text[++i] ?? '');
    else if (c === '\n') {
      lines.push(line);
      line = '';
    } else line += c;
  }
  if (line !== '') lines.push(line);
  if (lines[0] !== ';FFMETADATA1') throw new Error('no ;FFMETADATA1 header');
  const tags: Record<string, string> = {};
  const chapters: Array<Record<string, string>> = [];
  let current = tags;
  for (const line of lines.slice(1)) {
    if (line === '') continue;
    if (line === '[CHAPTER]') {
      current = {};
      chapters.push(current);
      continue;
    }
    const eq = /^((?:[^=\\]|\\.)*)=((?:[^=;#\\]|\\.)*)$/s.exec(line);
    if (!eq) throw new Error(`bad metadata line: ${line}`);
    current[eq[1]!.replace(/\\(.)/gs, '$1')] = eq[2]!.replace(/\\(.)/gs, '$1');
  }
  return { tags, chapters };
}

export interface AuditionMarker {
  name: string;
  /** Milliseconds. */
  start: number;
  duration: number;
  type: string;
  description: string;
}

function auditionMillis(s: string): number {
  const m = /^(?:(\d+):([0-5]\d)|(\d+)):([0-5]\d)\.(\d{3})$/.exec(s);
  if (!m) throw new Error(`bad Audition time ${s}`);
  const minutes = m[1] !== undefined ? Number(m[1]) * 60 + Number(m[2]) : Number(m[3]);
  return (minutes * 60 + Number(m[4])) * 1000 + Number(m[5]);
}

/** Parses an Adobe Audition marker file (tab-separated, CRLF, six fields, decimal time format); throws on anything else. */
export function parseAudition(text: string): AuditionMarker[] {
  if (!text.endsWith('\r\n')) throw new Error('no final CRLF');
  const lines = text.slice(0, -2).split('\r\n');
  if (lines[0] !== 'Name\tStart\tDuration\tTime Format\tType\tDescription') throw new Error(`bad header ${lines[0]}`);
  return lines.slice(1).map((line) => {
    if (line.includes('\n') || line.includes('\r')) throw new Error(`stray line break in ${line}`);
    const fields = line.split('\t');
    if (fields.length !== 6) throw new Error(`expected 6 fields: ${line}`);
    const [name, start, duration, format, type, description] = fields as [string, string, string, string, string, string];
    if (format !== 'decimal') throw new Error(`time format ${format}`);
    return { name, start: auditionMillis(start), duration: auditionMillis(duration), type, description };
  });
}
