/**
 * A licensing report (`report`: CSV; `report-json`: the same content as JSON): one row a track
 * with its start, end and duration (`hh:mm:ss` and seconds), artist, title and ISRC, after a
 * header row with the set's title, duration, track count and performer. Made for filling in a
 * PRS for Music return or a SoundExchange report of use (docs/exports.md).
 */
import type { Result, Warning } from '../model';
import { defaultRounding, formatClock, splitArtistTitle, toUnits, type ClockOptions } from '../text';
import { csvField } from './csv';
import { entryEnds, setLength, unknownEndWarning } from './ends';
import { clampToStart, toEntries } from './entries';
import { mixPerformer, mixTitle } from './mix-info';
import type { Exporter, ExportOptions } from './types';

export interface ReportTrack {
  index: number;
  start: string;
  startSeconds: number;
  end: string | null;
  endSeconds: number | null;
  duration: string | null;
  durationSeconds: number | null;
  artist: string | null;
  title: string;
  isrc: string | null;
}

export interface Report {
  title: string | null;
  performer: string | null;
  duration: string | null;
  durationSeconds: number | null;
  tracks: ReportTrack[];
}

/** The CSV columns of a track row, in order. */
export const REPORT_COLUMNS = ['index', 'start', 'start_seconds', 'end', 'end_seconds', 'duration', 'duration_seconds', 'artist', 'title', 'isrc'] as const;

/** Seconds to the millisecond, as a number. */
const millis = (seconds: number): number => toUnits(seconds, 1000, 'nearest') / 1000;

/** The report of a result: tracks from the start on (earlier ones as the other chapter formats treat them), with their ends. */
export function buildReport(result: Result, options: ExportOptions): { report: Report; warnings: Warning[] } {
  const { entries, warnings } = clampToStart(toEntries(result, options));
  const precision = options.precision ?? 's';
  const clockOptions: ClockOptions = { precision, rounding: options.rounding ?? defaultRounding(precision), hours: true, padHours: true };
  const clock = (seconds: number): string => formatClock(seconds, clockOptions);
  const ends = entryEnds(entries, result.durationSeconds);
  const tracks = entries.map((entry, i): ReportTrack => {
    const { artist, title } = splitArtistTitle(entry.name);
    const end = ends[i] ?? null;
    return {
      index: i + 1,
      start: clock(entry.seconds),
      startSeconds: millis(entry.seconds),
      end: end === null ? null : clock(end),
      endSeconds: end === null ? null : millis(end),
      duration: end === null ? null : clock(end - entry.seconds),
      durationSeconds: end === null ? null : millis(end - entry.seconds),
      artist,
      title,
      isrc: entry.isrc,
    };
  });
  const open = entries.find((_, i) => ends[i] === null);
  if (open) warnings.push(unknownEndWarning(open, 'its end and duration are empty in the report'));
  const length = setLength(result);
  const report: Report = {
    title: mixTitle(result, options),
    performer: mixPerformer(options),
    duration: length === null ? null : clock(Math.max(0, length)),
    durationSeconds: length === null ? null : millis(Math.max(0, length)),
    tracks,
  };
  return { report, warnings };
}

const text = (value: string | number | null): string => (value === null ? '' : typeof value === 'number' ? value.toFixed(3) : value);

export const report: Exporter = {
  id: 'report',
  label: 'Licensing report (CSV)',
  mediaType: 'text/csv; charset=utf-8; header=present',
  extension: 'report.csv',
  export(result, options) {
    const { report: r, warnings } = buildReport(result, options);
    const head = ['title', r.title ?? '', 'duration', r.duration ?? '', 'duration_seconds', text(r.durationSeconds), 'tracks', String(r.tracks.length), 'performer', r.performer ?? ''];
    const rows = r.tracks.map((t) => [String(t.index), t.start, text(t.startSeconds), t.end ?? '', text(t.endSeconds), t.duration ?? '', text(t.durationSeconds), t.artist ?? '', t.title, t.isrc ?? '']);
    const lines = [head, [...REPORT_COLUMNS], ...rows].map((row) => `${row.map(csvField).join(',')}\r\n`);
    return { text: lines.join(''), warnings };
  },
};

export const reportJson: Exporter = {
  id: 'report-json',
  label: 'Licensing report (JSON)',
  mediaType: 'application/json',
  extension: 'report.json',
  export(result, options) {
    const { report: r, warnings } = buildReport(result, options);
    return { text: `${JSON.stringify(r, null, 2)}\n`, warnings };
  },
};
