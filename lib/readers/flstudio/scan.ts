import { ByteReader } from '../../binary';
import { DawstampsError, isDawstampsError } from '../../errors';
import type { Limits } from '../../limits';
import type { Warning } from '../../model';
import type { FlpContainer } from './container';
import { EventCursor } from './event-cursor';
import { warning } from '../warning';
import { EventId } from './event-ids';
import { type AutomationLink, AutomationLinkToken } from './tokens';

/** Where an event's bytes lie in the file. */
export interface Span {
  start: number;
  length: number;
  /** Offset of the event's id byte (for error messages). */
  offset: number;
}

export interface RawMarker {
  ticks: number;
  kind: number;
  numerator: number | null;
  denominator: number | null;
  name: Span | null;
  offset: number;
}

/** One arrangement (FL 12.9+), or the whole song of an older file. */
export interface RawArrangement {
  index: number;
  name: Span | null;
  playlist: Span | null;
  markers: RawMarker[];
}

export interface RawChannel {
  id: number;
  type: number;
  range: Span | null;
  points: Span | null;
}

/** Everything the reader needs, collected in one pass over the events. */
export interface FlpScan {
  version: Span | null;
  tempo: { value: number; offset: number } | null;
  tempoCoarse: { value: number; offset: number } | null;
  tempoFine: number | null;
  meterNumerator: number | null;
  meterDenominator: number | null;
  links: Array<AutomationLink & { offset: number }>;
  channels: Map<number, RawChannel>;
  /** Arrangements in file order; empty for files older than FL 12.9. */
  arrangements: RawArrangement[];
  /** Markers and playlist before the first arrangement (the song, in files without arrangements). */
  preamble: RawArrangement;
  currentArrangement: number | null;
  warnings: Warning[];
}

/** The ids the scan looks at; every other event is skipped with one table lookup. */
const WANTED = new Uint8Array(256);
for (const id of Object.values(EventId)) WANTED[id] = 1;

/** Walks every event once and keeps what the tracklist needs. */
export function scanEvents(bytes: Uint8Array, container: FlpContainer, limits: Limits): FlpScan {
  const scan: FlpScan = {
    version: null, tempo: null, tempoCoarse: null, tempoFine: null, meterNumerator: null, meterDenominator: null,
    links: [], channels: new Map(), arrangements: [], preamble: { index: 0, name: null, playlist: null, markers: [] },
    currentArrangement: null, warnings: [],
  };
  const cursor = new EventCursor(bytes, container.dataStart, container.dataEnd, limits.maxFlpEvents, limits.maxValueBytes);
  let section = scan.preamble;
  let channel: RawChannel | null = null;
  let marker: RawMarker | null = null;
  let markerCount = 0;
  const span = (): Span => ({ start: cursor.dataStart, length: cursor.dataLength, offset: cursor.offset });
  for (;;) {
    try {
      if (!cursor.next(WANTED)) break;
    } catch (e) {
      // Damage after the arrangements (track and mixer data) does not touch the tracklist.
      if (isDawstampsError(e) && e.code === 'corrupt-file' && scan.currentArrangement !== null) {
        const detail = typeof e.details?.['detail'] === 'string' ? e.details['detail'] : e.message;
        scan.warnings.push(warning('flp-tail-damaged', 'The end of the project (its mixer and track settings) is damaged, but everything the tracklist needs comes before it and was read.', detail));
        break;
      }
      throw e;
    }
    switch (cursor.id) {
      case EventId.Version: scan.version ??= span(); break;
      case EventId.Tempo: scan.tempo = { value: cursor.value, offset: cursor.offset }; break;
      case EventId.TempoCoarse: scan.tempoCoarse = { value: cursor.value, offset: cursor.offset }; break;
      case EventId.TempoFine: scan.tempoFine = cursor.value; break;
      case EventId.MeterNumerator: scan.meterNumerator = cursor.value; break;
      case EventId.MeterDenominator: scan.meterDenominator = cursor.value; break;
      case EventId.AutomationLink: {
        if (cursor.dataLength < AutomationLinkToken.size) {
          scan.warnings.push(warning(
            'flp-link-damaged',
            'An automation clip\'s link to what it automates could not be read, so that clip is ignored; if it automated the tempo, the times may be off.',
            `event 227 at byte ${cursor.offset} is ${cursor.dataLength} bytes, not ${AutomationLinkToken.size}`,
          ));
          break;
        }
        const link = AutomationLinkToken.get(new ByteReader(bytes, cursor.dataStart, cursor.dataStart + cursor.dataLength));
        scan.links.push({ ...link, offset: cursor.offset });
        break;
      }
      case EventId.ChannelNew:
        channel = { id: cursor.value, type: -1, range: null, points: null };
        scan.channels.set(channel.id, channel);
        break;
      case EventId.ChannelType: if (channel) channel.type = cursor.value; break;
      case EventId.ChannelLevels: if (channel) channel.range = span(); break;
      case EventId.AutomationPoints: if (channel) channel.points = span(); break;
      case EventId.ArrangementNew:
        section = { index: cursor.value, name: null, playlist: null, markers: [] };
        scan.arrangements.push(section);
        marker = null;
        break;
      case EventId.ArrangementName: section.name ??= span(); break;
      case EventId.ArrangementCurrent:
        scan.currentArrangement = cursor.value;
        section = { index: -1, name: null, playlist: null, markers: [] }; // nothing after it belongs to an arrangement
        marker = null;
        break;
      case EventId.Playlist: section.playlist = span(); break;
      case EventId.Marker:
        if (++markerCount > limits.maxMarkers) {
          throw new DawstampsError('too-many-markers', `The project has more than ${limits.maxMarkers} markers, more than dawstamps reads.`, { offset: cursor.offset });
        }
        marker = { ticks: cursor.value & 0xffffff, kind: cursor.value >>> 24, numerator: null, denominator: null, name: null, offset: cursor.offset };
        section.markers.push(marker);
        break;
      case EventId.MarkerNumerator: if (marker) marker.numerator = cursor.value; break;
      case EventId.MarkerDenominator: if (marker) marker.denominator = cursor.value; break;
      case EventId.MarkerName:
        if (marker) marker.name = span();
        marker = null;
        break;
    }
  }
  return scan;
}
