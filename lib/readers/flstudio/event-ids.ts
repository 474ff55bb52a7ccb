/**
 * FL Studio event ids used by the reader (docs/flstudio.md). The id range fixes the
 * value's size: 0–63 u8 · 64–127 u16 · 128–191 u32 · 192–255 varint length + bytes.
 */
export const EventId = {
  /** u8: global time signature numerator. */
  MeterNumerator: 17,
  /** u8: global time signature denominator. */
  MeterDenominator: 18,
  /** u8: channel type (5 = automation clip). */
  ChannelType: 21,
  /** u8: numerator of the marker that precedes it. */
  MarkerNumerator: 33,
  /** u8: denominator of the marker that precedes it. */
  MarkerDenominator: 34,
  /** u16: starts a channel; the value is its id. */
  ChannelNew: 64,
  /** u16: whole BPM (FL before 11). */
  TempoCoarse: 66,
  /** u16: thousandths of a BPM (FL before 11). */
  TempoFine: 93,
  /** u16: starts an arrangement; the value is its index (FL 12.9+). */
  ArrangementNew: 99,
  /** u16: the index of the current arrangement. */
  ArrangementCurrent: 100,
  /** u32: a marker: ticks in the low 24 bits, kind in the high 8. */
  Marker: 148,
  /** u32: BPM × 1000 (FL 11+). */
  Tempo: 156,
  /** text: the FL version, always ASCII. */
  Version: 199,
  /** text: channel name. */
  ChannelName: 203,
  /** text: the name of the marker that precedes it. */
  MarkerName: 205,
  /** bytes: channel levels; for an automation clip the first two i32 are Min/Max. */
  ChannelLevels: 219,
  /** bytes: links an automation clip to a control. */
  AutomationLink: 227,
  /** bytes: the playlist of an arrangement: fixed-size item records. */
  Playlist: 233,
  /** bytes: the points of an automation clip. */
  AutomationPoints: 234,
  /** text: arrangement name. */
  ArrangementName: 241,
} as const;

