/** The markers as exporters see them: names made safe (and optionally cleaned), negatives decided. */
import { DawstampsError } from '../errors';
import type { Result, ResultMarker, Warning } from '../model';
import { cleanName, formatClock, sanitizeName } from '../text';
import type { ExportOptions } from './types';

export interface Entry {
  /** 1-based place in `result.markers`. */
  number: number;
  /** The name to print: sanitised, cleaned when asked, `Track N` when empty (unless kept empty). */
  name: string;
  seconds: number;
  endSeconds?: number;
  position: string;
  marker: ResultMarker;
}

export interface Entries {
  entries: Entry[];
  warnings: Warning[];
}

/**
 * Names every marker (`keepEmpty` leaves empty names empty for data formats, otherwise `Track N`)
 * and puts them in time order; a marker without a finite time is an 'export-failed' error.
 */
export function toEntries(result: Result, options: ExportOptions, keepEmpty = false): Entries {
  const unnamed: number[] = [];
  const entries = result.markers.map((marker, i): Entry => {
    if (!Number.isFinite(marker.seconds)) {
      throw new DawstampsError('export-failed', `Marker ${i + 1} ("${sanitizeName(String(marker.name))}") has no valid time (${marker.seconds}).`);
    }
    let name = options.cleanNames ? cleanName(marker.name) : sanitizeName(marker.name);
    if (name === '' && !keepEmpty) {
      name = `Track ${i + 1}`;
      unnamed.push(i + 1);
    }
    const entry: Entry = { number: i + 1, name, seconds: marker.seconds, position: marker.position, marker };
    if (marker.endSeconds !== undefined) entry.endSeconds = marker.endSeconds;
    return entry;
  });
  if (entries.some((e, i) => i > 0 && e.seconds < entries[i - 1]!.seconds)) entries.sort((a, b) => a.seconds - b.seconds);
  const warnings: Warning[] = [];
  if (unnamed.length > 0) {
    const shown = unnamed.slice(0, 10).map((n) => `"Track ${n}"`);
    const list = unnamed.length > 10 ? `${shown.join(', ')} and ${unnamed.length - 10} more` : shown.join(', ');
    warnings.push({ code: 'empty-name', message: `${plural(unnamed.length, 'marker has', 'markers have')} no name; named ${list}.` });
  }
  return { entries, warnings };
}

/**
 * For formats that cannot go below zero: the entry playing at 0 (the last one at or before it)
 * starts at 0, entries before it are dropped; each change is a warning naming the marker.
 */
export function clampToStart({ entries, warnings }: Entries): Entries {
  let last = -1;
  for (let i = 0; i < entries.length && entries[i]!.seconds <= 0; i++) last = i;
  if (last < 0 || (last === 0 && entries[0]!.seconds === 0)) return { entries, warnings };
  const out = [...warnings];
  for (const dropped of entries.slice(0, last)) {
    out.push({ code: 'before-start', message: `"${dropped.name}" is at ${clock(dropped.seconds)}, before the start; left out.` });
  }
  const first = entries[last]!;
  const kept = entries.slice(last);
  if (first.seconds < 0) {
    out.push({ code: 'before-start', message: `"${first.name}" starts at ${clock(first.seconds)}, before the start; it begins at 0:00.` });
    kept[0] = { ...first, seconds: 0 };
  }
  return { entries: kept, warnings: out };
}

/** A time for a warning message: `m:ss.mmm`. */
export function clock(seconds: number): string {
  return formatClock(seconds, { precision: 'ms', rounding: 'nearest', hours: Math.abs(seconds) >= 3600 });
}

/** "1 marker has" / "3 markers have". */
export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
