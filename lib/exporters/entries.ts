/** The markers as exporters see them: names made safe (and optionally cleaned), ISRCs taken out, negatives decided. */
import { DawstampsError } from '../errors';
import type { Result, ResultMarker, Warning } from '../model';
import { cleanName, extractIsrc, formatClock, needsHours, sanitizeName, someOf } from '../text';
import type { ExportOptions } from './types';

export interface Entry {
  /** 1-based place in `result.markers`. */
  number: number;
  /** The name to print: sanitised, without its ISRC, cleaned when asked, named when empty (`entryName`). */
  name: string;
  /** The ISRC written in the marker's name (`[GBAYE0601498]`, `ISRC GBAYE0601498`), canonical; null when none. */
  isrc: string | null;
  seconds: number;
  /** The entry's end (timeProject sets it on every entry; a result made by hand may lack it): see `entryEnds`. */
  endSeconds?: number;
  position: string;
  marker: ResultMarker;
}

export interface Entries {
  entries: Entry[];
  warnings: Warning[];
}

/**
 * The name every exporter prints for a marker, and the ISRC taken out of it: sanitised, the ISRC
 * removed, cleaned of download junk when asked. `unnamed` when nothing is left: the name is then
 * `Track N` (N = its place in `result.markers`), as timeProject names an unnamed entry; here that
 * happens only when cleaning empties a name, or for a result made by hand.
 */
export function entryName(marker: ResultMarker, number: number, options: ExportOptions): { name: string; isrc: string | null; unnamed: boolean } {
  const { name: rest, isrc } = extractIsrc(sanitizeName(String(marker.name)));
  const name = options.cleanNames ? cleanName(rest) : rest;
  return name === '' ? { name: `Track ${number}`, isrc, unnamed: true } : { name, isrc, unnamed: false };
}

/**
 * Names every marker (`entryName`) and puts them in time order; a marker without a finite time
 * is an 'export-failed' error.
 */
export function toEntries(result: Result, options: ExportOptions): Entries {
  const unnamed: number[] = [];
  const entries = result.markers.map((marker, i): Entry => {
    if (!Number.isFinite(marker.seconds)) {
      throw new DawstampsError('export-failed', `Marker ${i + 1} ("${sanitizeName(String(marker.name))}") has no valid time (${marker.seconds}).`);
    }
    const { name, isrc, unnamed: noName } = entryName(marker, i + 1, options);
    if (noName) unnamed.push(i + 1);
    const entry: Entry = { number: i + 1, name, isrc, seconds: marker.seconds, position: marker.position, marker };
    if (typeof marker.endSeconds === 'number') entry.endSeconds = marker.endSeconds;
    return entry;
  });
  if (entries.some((e, i) => i > 0 && e.seconds < entries[i - 1]!.seconds)) entries.sort((a, b) => a.seconds - b.seconds);
  const warnings: Warning[] = [];
  if (unnamed.length > 0) {
    const list = someOf(unnamed.map((n) => `"Track ${n}"`));
    warnings.push({ code: 'empty-name', message: `${plural(unnamed.length, 'marker has', 'markers have')} no name; named ${list}.` });
  }
  return { entries, warnings };
}

/**
 * For formats that cannot go below zero: the entry playing at 0 (the last one at or before it)
 * starts at 0, entries before it are dropped; each change is a warning naming the marker.
 */
export function clampToStart({ entries, warnings }: Entries): Entries {
  let before = 0;
  while (before < entries.length && entries[before]!.seconds < 0) before++;
  if (before === 0) return { entries, warnings };
  // the last one before the start is playing at 0:00, unless another starts exactly there
  const playing = entries[before]?.seconds === 0 ? before : before - 1;
  const out = [...warnings];
  for (const dropped of entries.slice(0, playing)) {
    out.push({ code: 'before-start', message: `"${dropped.name}" is at ${clock(dropped.seconds)}, before the start; left out.` });
  }
  const first = entries[playing]!;
  const kept = entries.slice(playing);
  if (first.seconds < 0) {
    out.push({ code: 'before-start', message: `"${first.name}" starts at ${clock(first.seconds)}, before the start; it begins at 0:00.` });
    kept[0] = { ...first, seconds: 0 };
  }
  return { entries: kept, warnings: out };
}

/** A time for a warning message: `m:ss.mmm`. */
export function clock(seconds: number): string {
  // hours decided after rounding: 3599.9996 s reads 1:00:00.000, not 60:00.000
  return formatClock(seconds, { precision: 'ms', rounding: 'nearest', hours: needsHours([seconds], 'ms', 'nearest') });
}

/** "1 marker has" / "3 markers have". */
export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
