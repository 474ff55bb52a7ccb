/**
 * The block scanner (docs/reaper.md#reading): follows the nesting of `<TAG …` / `>` blocks and keeps
 * the statements a tracklist needs, from the project level, the tempo envelope (TEMPOENVEX), tracks,
 * items and their sources. Everything else (plug-in states, other envelopes, MIDI, notes) is
 * skipped line by line without being decoded. Nesting deeper than `maxXmlDepth` is 'xml-too-deep';
 * a file that ends inside a block, or has text after the project's end, is 'corrupt-file'.
 */
import { DawstampsError, echoValue } from '../../errors';
import type { Limits } from '../../limits';
import type { LineSink } from './lines';
import { emptyRawProject, type RawItem, type RawProject, type RawTake, type RawTrack } from './raw';
import { bpm, integer, number, optionalNumber, seconds, tokenize, type Where } from './tokens';

type Kind = 'root' | 'tempo' | 'track' | 'item' | 'source' | 'other';

interface Block {
  kind: Kind;
  tag: string;
  line: number;
  /** A SOURCE block's type (WAVE, MP3, SECTION, MIDI…). */
  type: string;
}

/** The statements read in each kind of block; every other line is skipped undecoded. */
const WANTED: Record<Kind, ReadonlySet<string>> = {
  root: new Set(['TEMPO', 'MARKER', 'LOOP', 'SELECTION', 'PLAYRATE', 'PROJOFFS']),
  tempo: new Set(['PT', 'DEFSHAPE']),
  track: new Set(['NAME', 'MUTESOLO', 'ISBUS']),
  item: new Set(['POSITION', 'LENGTH', 'MUTE', 'NAME', 'TAKE']),
  source: new Set(['FILE']),
  other: new Set(),
};

const LT = 0x3c;
const GT = 0x3e;

/** The first token of a head (ASCII; a key or a tag never holds anything else). */
function firstToken(head: Uint8Array, length: number, from: number): string {
  let end = from;
  while (end < length && head[end] !== 0x20 && head[end] !== 0x09 && head[end] !== 0x0d) end++;
  return String.fromCharCode(...head.subarray(from, end));
}

const newTake = (): RawTake => ({ name: '', file: null, sourceType: null });

/** Reads the lines of one .rpp into a RawProject. */
export class RppScanner implements LineSink {
  readonly raw: RawProject = emptyRawProject();
  private readonly stack: Block[] = [];
  private ended = false;
  private track: RawTrack | null = null;
  private item: RawItem | null = null;
  private items = 0;
  private markerLines = 0;
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });

  constructor(private readonly limits: Limits) {}

  wants(head: Uint8Array, length: number): boolean {
    if (this.ended) return false;
    const top = this.stack[this.stack.length - 1];
    if (head[0] === LT) {
      if (top && top.kind !== 'item' && top.kind !== 'source') return false;
      const tag = firstToken(head, length, 1);
      return top ? tag === 'SOURCE' : tag === 'REAPER_PROJECT';
    }
    // most lines are plug-in state or other blocks' statements: no token is made for them
    if (head[0] === GT || !top || top.kind === 'other') return false;
    return WANTED[top.kind].has(firstToken(head, length, 0));
  }

  line(head: Uint8Array, length: number, whole: Uint8Array | null, lineNo: number): void {
    if (this.ended) {
      throw new DawstampsError('corrupt-file', `The project has text after its end, on line ${lineNo}: the file is damaged or two files were joined.`, { line: lineNo });
    }
    if (head[0] === LT) this.open(firstToken(head, length, 1), whole, lineNo);
    else if (this.stack.length === 0) throw new DawstampsError('not-a-project', 'The file does not start with <REAPER_PROJECT, so it is not a REAPER project.');
    else if (head[0] === GT) this.close();
    else if (whole !== null) this.statement(this.text(whole, lineNo), lineNo);
  }

  /** The file ended: every block must have been closed. */
  finish(lines: number): RawProject {
    if (this.stack.length === 0 && !this.ended) {
      throw new DawstampsError('not-a-project', 'The file holds no <REAPER_PROJECT block, so it is not a REAPER project.');
    }
    const open = this.stack[this.stack.length - 1];
    if (open) {
      const where = this.stack.length === 1 ? 'before its closing line' : `inside <${echoValue(open.tag, 40)}> (opened on line ${open.line})`;
      throw new DawstampsError('corrupt-file', `The project ends ${where}, after ${lines} line${lines === 1 ? '' : 's'}: the file is cut short or a block is not closed.`, { line: open.line });
    }
    return this.raw;
  }

  private text(bytes: Uint8Array, lineNo: number): string {
    try {
      return this.decoder.decode(bytes);
    } catch {
      throw new DawstampsError('corrupt-file', `Line ${lineNo} of the project is not UTF-8 text.`, { line: lineNo });
    }
  }

  private open(tag: string, whole: Uint8Array | null, lineNo: number): void {
    const parent = this.stack[this.stack.length - 1];
    if (this.stack.length >= this.limits.maxXmlDepth) {
      throw new DawstampsError('xml-too-deep', `The project's blocks are nested deeper than the limit of ${this.limits.maxXmlDepth} (line ${lineNo}).`, { line: lineNo });
    }
    const block: Block = { kind: 'other', tag, line: lineNo, type: '' };
    if (!parent) {
      if (tag !== 'REAPER_PROJECT') throw new DawstampsError('not-a-project', 'The file does not start with <REAPER_PROJECT, so it is not a REAPER project.');
      block.kind = 'root';
      this.raw.versionField = whole === null ? null : (tokenize(this.text(whole, lineNo))[2] ?? null);
    } else if (parent.kind === 'root' && tag === 'TEMPOENVEX') {
      block.kind = 'tempo';
    } else if (parent.kind === 'root' && tag === 'TRACK') {
      block.kind = 'track';
      if (this.raw.tracks.length >= this.limits.maxMarkers) this.tooMany('tracks');
      this.track = { name: '', muted: false, folderDelta: 0, items: [] };
      this.raw.tracks.push(this.track);
    } else if (parent.kind === 'track' && tag === 'ITEM') {
      block.kind = 'item';
      if (++this.items > this.limits.maxMarkers) this.tooMany('items (clips)');
      const first = newTake();
      this.item = { position: null, length: null, muted: false, first, selected: null, current: first, line: lineNo };
      this.track!.items.push(this.item);
    } else if ((parent.kind === 'item' || parent.kind === 'source') && tag === 'SOURCE') {
      block.kind = 'source';
      block.type = whole === null ? '' : (tokenize(this.text(whole, lineNo))[1] ?? '');
    }
    this.stack.push(block);
  }

  private close(): void {
    const block = this.stack.pop()!;
    if (block.kind === 'item') this.item = null;
    else if (block.kind === 'track') this.track = null;
    else if (block.kind === 'root') this.ended = true;
  }

  private tooMany(what: string): never {
    throw new DawstampsError('too-many-markers', `The project has more ${what} than the limit of ${this.limits.maxMarkers}.`, { limit: this.limits.maxMarkers });
  }

  private statement(text: string, lineNo: number): void {
    const t = tokenize(text);
    const key = t[0]!;
    const at = (what: string): Where => ({ what: `${key}'s ${what}`, line: lineNo });
    const top = this.stack[this.stack.length - 1]!;
    const raw = this.raw;
    switch (top.kind) {
      case 'root':
        if (key === 'TEMPO') {
          raw.tempo = { bpm: bpm(t[1], at('tempo')), numerator: integer(t[2] ?? '4', at('beats per bar')), denominator: integer(t[3] ?? '4', at('beat unit')) };
        } else if (key === 'MARKER') {
          if (++this.markerLines > 2 * this.limits.maxMarkers) this.tooMany('markers');
          raw.markers.push({ index: integer(t[1], at('index')), seconds: seconds(t[2], at('position')), name: t[3] ?? '', flags: integer(t[4] ?? '0', at('flags')) });
        } else if (key === 'LOOP') {
          raw.repeat = number(t[1], at('switch')) !== 0;
        } else if (key === 'SELECTION') {
          raw.selection = [seconds(t[1], at('start')), seconds(t[2], at('end'))];
        } else if (key === 'PLAYRATE') {
          raw.playRate = number(t[1], at('rate'));
        } else if (key === 'PROJOFFS') {
          raw.rulerOffset = [optionalNumber(t[1], 0, at('start time')), optionalNumber(t[2], 0, at('measure offset'))];
        }
        return;
      case 'tempo':
        if (key === 'DEFSHAPE') {
          raw.defaultShape = integer(t[1], at('shape'));
        } else {
          if (raw.points.length >= this.limits.maxBreakpoints) {
            throw new DawstampsError('too-many-breakpoints', `The tempo envelope has more points than the limit of ${this.limits.maxBreakpoints}.`, { limit: this.limits.maxBreakpoints });
          }
          const sig = t[4] === undefined ? 0 : integer(t[4], at('time signature'));
          const flags = t[6] === undefined ? -1 : integer(t[6], at('flags'));
          raw.points.push(seconds(t[1], at('time')), bpm(t[2], at('tempo')), integer(t[3] ?? '0', at('shape')), sig, flags);
        }
        return;
      case 'track': {
        const track = this.track!;
        if (key === 'NAME') track.name = t[1] ?? '';
        else if (key === 'MUTESOLO') track.muted = integer(t[1], at('mute')) !== 0;
        else if (key === 'ISBUS') track.folderDelta = integer(t[2] ?? '0', at('folder depth change'));
        return;
      }
      case 'item': {
        const item = this.item!;
        if (key === 'POSITION') item.position = seconds(t[1], at('position'));
        else if (key === 'LENGTH') item.length = seconds(t[1], at('length'));
        else if (key === 'MUTE') item.muted = integer(t[1], at('mute')) !== 0;
        else if (key === 'NAME') item.current.name = t[1] ?? '';
        else if (key === 'TAKE') {
          item.current = newTake();
          if (t[1] === 'SEL') item.selected = item.current;
        }
        return;
      }
      case 'source': {
        const take = this.item?.current;
        if (take && take.file === null && t[1] !== undefined) {
          take.file = t[1];
          take.sourceType = top.type;
        }
        return;
      }
      default:
        return;
    }
  }
}
