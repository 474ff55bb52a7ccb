/**
 * Fixed binary records inside FL Studio events, as named tokens (docs/flstudio.md).
 * Each token reads through a bounds-checked ByteReader positioned at the record.
 */
import type { ByteReader } from '../../binary';

/** A fixed-size record layout. */
export interface Token<T> {
  /** Bytes the token reads. */
  size: number;
  get(r: ByteReader): T;
}

/** Event 227: an automation clip (a channel) linked to a control. Tempo = control 5, group 0x4000. */
export interface AutomationLink {
  channel: number;
  control: number;
  group: number;
  flags: number;
}

export const AutomationLinkToken: Token<AutomationLink> = {
  size: 20,
  get(r) {
    r.skip(2);
    const channel = r.u32le('the linked channel');
    r.skip(2);
    const control = r.u16le('the linked control');
    const group = r.u16le('the linked control group');
    const flags = r.u32le('the link flags');
    r.skip(4);
    return { channel, control, group, flags };
  },
};

export const TEMPO_CONTROL = 5;
export const MAIN_GROUP = 0x4000;

/** Event 219 of an automation clip: the range knobs Min/Max on a 0–12800 scale. */
export interface AutomationRange {
  min: number;
  max: number;
}

export const AutomationRangeToken: Token<AutomationRange> = {
  size: 8,
  get(r) {
    return { min: r.i32le('the clip range Min'), max: r.i32le('the clip range Max') };
  },
};

/** FL's default tempo range: 60–180 BPM. */
export const DEFAULT_TEMPO_RANGE: AutomationRange = { min: 1250, max: 4250 };

/** Event 234: a 17-byte header, then the point count at offset 17. */
export const AutomationPointsHeaderToken: Token<number> = {
  size: 21,
  get(r) {
    r.skip(17, 'the automation header');
    return r.u32le('the automation point count');
  },
};

/** One point of an automation clip (24 bytes). */
export interface AutomationPoint {
  /** Quarter notes since the previous point. */
  delta: number;
  /** 0…1 over the clip's range. */
  value: number;
  /** −1…1; 0 = a straight segment. */
  tension: number;
  mode: number;
}

export const AutomationPointToken: Token<AutomationPoint> = {
  size: 24,
  get(r) {
    const delta = r.f64le('a point position');
    const value = r.f64le('a point value');
    const tension = r.f32le('a point tension');
    const mode = r.u16le('a point mode');
    r.skip(2);
    return { delta, value, tension, mode };
  },
};

/**
 * Event 233 holds records of this layout; up to FL 20.9: 32 bytes, FL 20.99/21: 60, FL 2024+: 80
 * (docs/flstudio.md#tempo-automation). FL 9 writes the same 32 bytes, but a pattern item has 0 and
 * 0x6000 at +4/+6 instead of 20480 and 20480 + n.
 */
export interface PlaylistItem {
  /** Ticks. */
  position: number;
  /** 20480 (0 in an FL 9 pattern item); checks the record size. */
  patternBase: number;
  /** ≤ 20480: a channel id; above: a pattern (FL 9: 0x6000 for every pattern item). */
  itemIndex: number;
  /** Ticks. */
  length: number;
  /** 0-based track; the token reads the stored slot (499 − track from FL 20, 198 − track before), readPlaylist turns it into the track. */
  track: number;
  flags: number;
  /** Beats into the clip where the item starts (channel items; −1 = unset). */
  startOffset: number;
  endOffset: number;
}

export const PLAYLIST_PATTERN_BASE = 20480;
/** The u32 at +4 of an FL 9 pattern item (+4 = 0, +6 = 0x6000), where later versions write 20480 and 20480 + n. */
export const FL9_PATTERN_ITEM = 0x60000000;
export const PLAYLIST_MUTED = 0x2000;
export const PLAYLIST_RECORD_SIZES = [32, 60, 80] as const;

export const PlaylistItemToken: Token<PlaylistItem> = {
  size: 32,
  get(r) {
    const position = r.u32le('a playlist position');
    const patternBase = r.u16le('a playlist pattern base');
    const itemIndex = r.u16le('a playlist item index');
    const length = r.u32le('a playlist length');
    const track = r.u16le('a playlist track');
    r.skip(4);
    const flags = r.u16le('playlist flags');
    r.skip(4);
    const startOffset = r.f32le('a playlist start offset');
    const endOffset = r.f32le('a playlist end offset');
    return { position, patternBase, itemIndex, length, track, flags, startOffset, endOffset };
  },
};
