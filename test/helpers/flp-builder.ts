/**
 * Builds FL Studio .flp files event by event, for tests (layouts: docs/flstudio.md).
 *
 *   const flp = new FlpBuilder({ ppq: 96 })
 *     .version('20.8.4.2576').tempo(128)
 *     .arrangement(0, 'Arrangement').marker({ ticks: 96 * 16, name: 'Intro' })
 *     .currentArrangement(0)
 *     .build(); // Uint8Array
 *
 * Texts are UTF-16LE when the version is ≥ 11.5 (or no version was written), single-byte
 * before, like FL writes them; `utf16` forces either. Every method returns the builder.
 */

export interface PlaylistItemSpec {
  /** Ticks. */
  position: number;
  /** Ticks. */
  length: number;
  /** A channel id (≤ 20480), or 20480 + n for pattern n. */
  item: number;
  track?: number;
  muted?: boolean;
  /** Beats into the clip (channel items); −1 = unset. */
  startOffset?: number;
  endOffset?: number;
}

export interface PointSpec {
  /** Quarter notes since the previous point. */
  delta: number;
  /** 0…1 over the clip's Min/Max range. */
  value: number;
  tension?: number;
}

export interface MarkerSpec {
  ticks: number;
  /** 0 marker … 10 punch out. */
  kind?: number;
  name?: string;
  numerator?: number;
  denominator?: number;
}

const ids = {
  meterNum: 17, meterDen: 18, channelType: 21, markerNum: 33, markerDen: 34, channelNew: 64, tempoCoarse: 66, tempoFine: 93,
  arrangementNew: 99, arrangementCurrent: 100, marker: 148, tempo: 156, version: 199, channelName: 203, markerName: 205,
  levels: 219, link: 227, playlist: 233, points: 234, arrangementName: 241,
};

/** Writes a little-endian record field by field. */
export class Bytes {
  private readonly parts: number[] = [];
  u8(v: number): this { this.parts.push(v & 0xff); return this; }
  u16(v: number): this { return this.u8(v).u8(v >>> 8); }
  u32(v: number): this { return this.u16(v & 0xffff).u16(v >>> 16); }
  i32(v: number): this { return this.u32(v >>> 0); }
  f32(v: number): this { const b = new DataView(new ArrayBuffer(4)); b.setFloat32(0, v, true); return this.raw(new Uint8Array(b.buffer)); }
  f64(v: number): this { const b = new DataView(new ArrayBuffer(8)); b.setFloat64(0, v, true); return this.raw(new Uint8Array(b.buffer)); }
  zeros(n: number): this { for (let i = 0; i < n; i++) this.parts.push(0); return this; }
  raw(bytes: ArrayLike<number>): this { for (let i = 0; i < bytes.length; i++) this.parts.push(bytes[i] as number); return this; }
  varint(v: number): this {
    let n = v;
    do { const low = n % 128; n = Math.floor(n / 128); this.u8(n > 0 ? low | 0x80 : low); } while (n > 0);
    return this;
  }
  get length(): number { return this.parts.length; }
  toBytes(): Uint8Array { return Uint8Array.from(this.parts); }
}

/** One playlist record of 32, 60 or 80 bytes (20480 at +4), as FL 11 and later write them (FL 20+: 500 tracks). */
export function playlistRecord(spec: PlaylistItemSpec, size: 32 | 60 | 80 = 32, lastTrack = 499): Uint8Array {
  const b = new Bytes().u32(spec.position).u16(20480).u16(spec.item).u32(spec.length).u16(lastTrack - (spec.track ?? 0)).u16(0).u16(0x78)
    .u16(spec.muted ? 0x2040 : 0x40).raw([0x40, 0x64, 0x80, 0x80]).f32(spec.startOffset ?? -1).f32(spec.endOffset ?? -1);
  return b.zeros(size - b.length).toBytes();
}

/**
 * One playlist record as FL 9 writes it (seen in FL 9.0.3 and 9.1.0 projects): 32 bytes laid out
 * like later versions', but a pattern item has 0 and 0x6000 at +4/+6 instead of 20480 and 20480 + n
 * (which pattern it is lies elsewhere, not decoded: the u16 at +12 held 990 in an empty project,
 * 880–998 in others; 990 is written) and its offsets are ff ff ff ff / ff ff ff 7f. Channel items
 * (audio and automation clips) are as later, with 199 tracks (198 − track at +12).
 */
export function playlistRecordFl9(spec: PlaylistItemSpec): Uint8Array {
  if (spec.item <= 20480) return playlistRecord(spec, 32, 198);
  return new Bytes().u32(spec.position).u16(0).u16(0x6000).u32(spec.length).u16(990).u16(0).u16(0x78)
    .u16(spec.muted ? 0x2040 : 0x40).raw([0x40, 0x64, 0x80, 0x80]).raw([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]).toBytes();
}

/** The payload of event 234: a 17-byte header, the count, 24-byte points and a trailer. */
export function pointsPayload(points: readonly PointSpec[], count = points.length): Uint8Array {
  const b = new Bytes().u32(1).u32(64).u8(0).u32(4).u32(3).u32(count);
  for (const p of points) b.f64(p.delta).f64(p.value).f32(p.tension ?? 0).u16(2).u8(0).u8(0);
  return b.zeros(12).toBytes();
}

export class FlpBuilder {
  private readonly events = new Bytes();
  private utf16: boolean | undefined;
  /** The major version written by `version()`; playlists follow its layout. */
  private major: number | undefined;
  private readonly ppq: number;
  private readonly format: number;

  constructor(options: { ppq?: number; format?: number; utf16?: boolean } = {}) {
    this.ppq = options.ppq ?? 96;
    this.format = options.format ?? 0;
    this.utf16 = options.utf16;
  }

  byte(id: number, v: number): this { this.events.u8(id).u8(v); return this; }
  word(id: number, v: number): this { this.events.u8(id).u16(v); return this; }
  dword(id: number, v: number): this { this.events.u8(id).u32(v); return this; }
  data(id: number, payload: ArrayLike<number>): this { this.events.u8(id).varint(payload.length).raw(payload); return this; }
  /** Appends bytes as they are (for damaged files). */
  raw(bytes: ArrayLike<number>): this { this.events.raw(bytes); return this; }

  text(id: number, s: string): this {
    const utf16 = this.utf16 ?? true;
    const b = new Bytes();
    for (const ch of s) {
      const c = ch.codePointAt(0) as number;
      if (utf16) b.u16(c);
      else b.u8(c);
    }
    if (utf16) b.u16(0);
    else b.u8(0);
    return this.data(id, b.toBytes());
  }

  /** Event 199 (ASCII); also picks the text encoding unless forced. */
  version(v: string): this {
    const [major = 0, minor = 0] = v.split('.').map(Number);
    this.utf16 ??= major > 11 || (major === 11 && minor >= 5);
    this.major = major;
    return this.data(ids.version, [...new TextEncoder().encode(v), 0]);
  }

  /** Event 156: BPM × 1000 (FL 11+). */
  tempo(bpm: number): this { return this.dword(ids.tempo, Math.round(bpm * 1000)); }
  /** Events 66 + 93: whole BPM and thousandths (FL 9/10). */
  tempoOld(bpm: number): this {
    const whole = Math.floor(bpm);
    return this.word(ids.tempoCoarse, whole).word(ids.tempoFine, Math.round((bpm - whole) * 1000));
  }
  meter(numerator: number, denominator: number): this { return this.byte(ids.meterNum, numerator).byte(ids.meterDen, denominator); }

  /** Event 148 (+ 33/34) + 205. */
  marker(m: MarkerSpec): this {
    this.dword(ids.marker, ((m.kind ?? 0) << 24 | (m.ticks & 0xffffff)) >>> 0);
    if (m.numerator !== undefined) this.byte(ids.markerNum, m.numerator);
    if (m.denominator !== undefined) this.byte(ids.markerDen, m.denominator);
    return this.text(ids.markerName, m.name ?? '');
  }

  /** Event 227: links channel `channel` to a control (default: tempo, control 5 in group 0x4000). */
  link(channel: number, control = 5, group = 0x4000): this {
    return this.data(ids.link, new Bytes().u16(0).u32(channel).u16(0).u16(control).u16(group).u32(8).u32(0x1d5).toBytes());
  }

  /** An automation clip channel: 64, 21 (type 5), 203, 219 (Min/Max unless null), 234. */
  automationClip(channel: number, points: readonly PointSpec[], range: { min: number; max: number } | null = { min: 1250, max: 4250 }, name = 'Tempo'): this {
    this.word(ids.channelNew, channel).byte(ids.channelType, 5).text(ids.channelName, name);
    if (range) this.data(ids.levels, new Bytes().i32(range.min).i32(range.max).zeros(16).toBytes());
    return this.data(ids.points, pointsPayload(points));
  }

  /** Event 99 + 241: starts an arrangement. */
  arrangement(index: number, name: string): this { return this.word(ids.arrangementNew, index).text(ids.arrangementName, name); }
  /** Event 233 with records of `size` bytes; laid out as FL 9 did when the version is before 11 (`playlistRecordFl9`). */
  playlist(items: readonly PlaylistItemSpec[], size: 32 | 60 | 80 = 32): this {
    const b = new Bytes();
    const fl9 = this.major !== undefined && this.major < 11;
    for (const item of items) b.raw(fl9 ? playlistRecordFl9(item) : playlistRecord(item, size, this.major !== undefined && this.major < 20 ? 198 : 499));
    return this.data(ids.playlist, b.toBytes());
  }
  /** Event 100. */
  currentArrangement(index: number): this { return this.word(ids.arrangementCurrent, index); }

  /** The file: FLhd (6 bytes) + FLdt. `dataLength` overrides the chunk length; `trailing` adds bytes after it. */
  build(options: { dataLength?: number; trailing?: ArrayLike<number> } = {}): Uint8Array {
    const events = this.events.toBytes();
    return new Bytes().raw([0x46, 0x4c, 0x68, 0x64]).u32(6).u16(this.format).u16(1).u16(this.ppq)
      .raw([0x46, 0x4c, 0x64, 0x74]).u32(options.dataLength ?? events.length).raw(events).raw(options.trailing ?? []).toBytes();
  }
}
