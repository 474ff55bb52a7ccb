/**
 * Time formatting for every exporter, in one place.
 *
 * Times are first rounded to whole units (seconds, milliseconds, CUE frames) and only then split
 * into hours, minutes and seconds, so 3599.9996 s rounded to the millisecond reads `1:00:00.000`,
 * never `59:60.000` or `60:00.000`.
 */

import { DawstampsError } from '../errors';
import type { ChoiceValue } from '../option-table';

export type Rounding = ChoiceValue<'rounding'>;
export type Precision = ChoiceValue<'precision'>;

/** Units per second: whole seconds, milliseconds, CUE frames. */
export const SECOND = 1;
export const MILLISECOND = 1000;
export const CUE_FRAMES = 75;

/**
 * Values within this many units of a boundary count as on it: 1.001 s is 1000.9999999999999 ms
 * in floating point, and rounding it down must still give 1001 ms.
 */
const SNAP = 1e-6;

/** Rounds seconds to whole units (`perSecond` of them a second) in the given direction. */
export function toUnits(seconds: number, perSecond: number, rounding: Rounding = 'nearest'): number {
  if (!Number.isFinite(seconds)) throw new DawstampsError('export-failed', `A time of ${seconds} seconds cannot be written; the project holds a position no DAW plays.`);
  const scaled = seconds * perSecond;
  const near = Math.round(scaled);
  if (Math.abs(scaled - near) < SNAP) return near === 0 ? 0 : near;
  const units = rounding === 'down' ? Math.floor(scaled) : rounding === 'up' ? Math.ceil(scaled) : near;
  return units === 0 ? 0 : units;
}

export interface ClockOptions {
  /** Whole seconds (default) or milliseconds (`.mmm`). */
  precision?: Precision;
  /** How a time is brought to the precision (default: `defaultRounding(precision)`). */
  rounding?: Rounding;
  /** Always show hours (`h:mm:ss`); when false, minutes run past 59. */
  hours?: boolean;
  /** Pad minutes to two digits when there are no hours (`03:20` rather than `3:20`). */
  padMinutes?: boolean;
  /** Pad hours to two digits when they are shown (`01:02:03` rather than `1:02:03`). */
  padHours?: boolean;
}

/**
 * The rounding used when none is asked for: down for whole seconds (a player's clock, and a link
 * that lands just before the change), nearest for milliseconds (the most accurate reading).
 */
export function defaultRounding(precision: Precision = 's'): Rounding {
  return precision === 'ms' ? 'nearest' : 'down';
}

/** Units per second for a precision. */
export function unitsPerSecond(precision: Precision = 's'): number {
  return precision === 'ms' ? MILLISECOND : SECOND;
}

/** Formats seconds as `mm:ss`, `m:ss` or `h:mm:ss`, with `.mmm` for millisecond precision. */
export function formatClock(seconds: number, options: ClockOptions = {}): string {
  const perSecond = unitsPerSecond(options.precision);
  return formatClockUnits(toUnits(seconds, perSecond, options.rounding ?? defaultRounding(options.precision)), perSecond, options);
}

/** Formats an already rounded count of units (seconds or milliseconds) as a clock. */
export function formatClockUnits(units: number, perSecond: number, options: ClockOptions = {}): string {
  const sign = units < 0 ? '-' : '';
  const abs = Math.abs(units);
  const whole = Math.floor(abs / perSecond);
  const fraction = abs - whole * perSecond;
  const secs = whole % 60;
  const totalMinutes = Math.floor(whole / 60);
  const tail = perSecond === MILLISECOND ? `.${pad(fraction, 3)}` : '';
  if (options.hours) {
    const hours = Math.floor(totalMinutes / 60);
    return `${sign}${options.padHours ? pad(hours, 2) : hours}:${pad(totalMinutes % 60, 2)}:${pad(secs, 2)}${tail}`;
  }
  const minutes = options.padMinutes ? pad(totalMinutes, 2) : String(totalMinutes);
  return `${sign}${minutes}:${pad(secs, 2)}${tail}`;
}

/**
 * True when a list of times needs an hours column: decided by the largest time after rounding,
 * so that every line of a tracklist has the same shape.
 */
export function needsHours(seconds: readonly number[], precision: Precision = 's', rounding: Rounding = defaultRounding(precision)): boolean {
  const perSecond = unitsPerSecond(precision);
  return seconds.some((s) => Math.abs(toUnits(s, perSecond, rounding)) >= 3600 * perSecond);
}

/** Formats CUE frames (75 a second) as `mm:ss:ff`; minutes run past 99 for long mixes. */
export function formatCueFrames(frames: number): string {
  if (!Number.isInteger(frames) || frames < 0) throw new RangeError(`A CUE time cannot be ${frames} frames.`);
  const ff = frames % CUE_FRAMES;
  const whole = (frames - ff) / CUE_FRAMES;
  return `${pad(Math.floor(whole / 60), 2)}:${pad(whole % 60, 2)}:${pad(ff, 2)}`;
}

/** Formats milliseconds as a WebVTT timestamp `hh:mm:ss.ttt` (hours grow past 99). */
export function formatVttMillis(ms: number): string {
  if (!Number.isInteger(ms) || ms < 0) throw new RangeError(`A WebVTT time cannot be ${ms} ms.`);
  const whole = Math.floor(ms / 1000);
  return `${pad(Math.floor(whole / 3600), 2)}:${pad(Math.floor(whole / 60) % 60, 2)}:${pad(whole % 60, 2)}.${pad(ms % 1000, 3)}`;
}

/** Formats seconds with a fixed number of decimals, never as `-0.000`. */
export function fixedSeconds(seconds: number, decimals: number): string {
  const text = seconds.toFixed(decimals);
  return /^-0\.?0*$/.test(text) ? text.slice(1) : text;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
