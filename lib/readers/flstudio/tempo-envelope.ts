import { DawstampsError } from '../../errors';
import type { Limits } from '../../limits';
import type { TempoPoint, Warning } from '../../model';
import { warning } from '../warning';
import type { TempoClip, TempoClipResult } from './tempo-clips';
import { PLAYLIST_MUTED, PLAYLIST_PATTERN_BASE, type PlaylistItem } from './tokens';

interface Placement {
  start: number;
  end: number;
  offset: number;
  clip: TempoClip;
}

/**
 * Lays the tempo clips out on the song as the playlist places them and returns the envelope in
 * song beats (docs/flstudio.md#tempo-automation): muted items and unplaced clips have no
 * effect, the later of two overlapping items takes over, between items the last value holds.
 */
export function buildTempoEnvelope(items: readonly PlaylistItem[], clips: ReadonlyMap<number, TempoClipResult>, ppq: number, limits: Limits, warnings: Warning[]): TempoPoint[] {
  const placements: Placement[] = [];
  let muted = 0;
  for (const item of items) {
    if (item.itemIndex > PLAYLIST_PATTERN_BASE) continue;
    const clip = clips.get(item.itemIndex);
    if (clip === undefined) continue;
    if (item.flags & PLAYLIST_MUTED) {
      muted++;
      continue;
    }
    if (clip instanceof DawstampsError) throw clip;
    if (clip.beats.length === 0) continue;
    const offset = Number.isFinite(item.startOffset) && item.startOffset > 0 ? item.startOffset : 0;
    placements.push({ start: item.position / ppq, end: (item.position + item.length) / ppq, offset, clip });
  }
  if (muted > 0) {
    const which = muted === 1 ? 'One tempo automation clip on the playlist is' : `${muted} tempo automation clips on the playlist are`;
    warnings.push(warning('flp-muted-tempo-clip', `${which} muted, so ${muted === 1 ? 'it does' : 'they do'} not change the tempo, as in FL Studio.`));
  }
  placements.sort((a, b) => a.start - b.start);
  const points: TempoPoint[] = [];
  const tooMany = (): never => {
    throw new DawstampsError('too-many-breakpoints', `The tempo automation has more than ${limits.maxBreakpoints} points, more than dawstamps reads.`, { limit: limits.maxBreakpoints });
  };
  const push = (beat: number, bpm: number): void => {
    if (points.length >= limits.maxBreakpoints) tooMany();
    points.push({ beat, bpm });
  };
  placements.forEach((p, i) => {
    const next = placements[i + 1];
    const end = next ? Math.min(p.end, next.start) : p.end;
    if (end <= p.start && next) return; // fully overtaken by a later item
    const last = points[points.length - 1];
    if (last && last.beat < p.start) push(p.start, last.bpm);
    const x0 = p.offset;
    const x1 = p.offset + Math.max(0, end - p.start);
    const { beats, bpms } = p.clip;
    push(p.start, valueAfter(beats, bpms, x0));
    const first = firstAbove(beats, x0, true);
    const stop = firstAbove(beats, x1, false); // the points with x0 < beat < x1
    if (points.length + Math.max(0, stop - first) > limits.maxBreakpoints) tooMany();
    // one loop without a call per point: a clip may hold 100,000s of points
    for (let k = first; k < stop; k++) points.push({ beat: p.start + (beats[k] as number) - x0, bpm: bpms[k] as number });
    if (x1 > x0) push(p.start + x1 - x0, valueBefore(beats, bpms, x1));
  });
  const used = new Set(placements.map((p) => p.clip));
  if ([...used].some((c) => c.curved)) {
    warnings.push(warning('curved-tempo-approximated', 'A tempo automation clip has curved segments; they are timed as straight lines, so times after them may be slightly off.'));
  }
  if ([...used].some((c) => c.clamped)) warnings.push(warning('flp-tempo-clamped', 'A tempo automation clip goes outside FL Studio\'s 10–522 BPM; it was kept inside that range.'));
  if ([...used].some((c) => c.defaultRange)) warnings.push(warning('flp-tempo-range-missing', "A tempo automation clip does not say its range, so FL Studio's default of 60–180 BPM is assumed."));
  if (points.length === 1) push((points[0] as TempoPoint).beat, (points[0] as TempoPoint).bpm);
  return points;
}

/** The first index whose beat is > x (strict) or ≥ x; binary search (hostile clips are long). */
function firstAbove(beats: readonly number[], x: number, strict: boolean): number {
  let lo = 0;
  let hi = beats.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const b = beats[mid] as number;
    if (b > x || (!strict && b === x)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The clip's value at x, taking the later value at a jump (right-continuous). */
function valueAfter(beats: readonly number[], bpms: readonly number[], x: number): number {
  const k = firstAbove(beats, x, true) - 1;
  if (k < 0) return bpms[0] as number;
  if (k === beats.length - 1) return bpms[k] as number;
  return lerp(beats, bpms, k, x);
}

/** The clip's value just before x (left-continuous), for the end of an item. */
function valueBefore(beats: readonly number[], bpms: readonly number[], x: number): number {
  const k = firstAbove(beats, x, false);
  if (k === 0) return bpms[0] as number;
  if (k === beats.length) return bpms[k - 1] as number;
  return lerp(beats, bpms, k - 1, x);
}

function lerp(beats: readonly number[], bpms: readonly number[], k: number, x: number): number {
  const b0 = beats[k] as number;
  const b1 = beats[k + 1] as number;
  const v0 = bpms[k] as number;
  const v1 = bpms[k + 1] as number;
  return b1 === b0 ? v1 : v0 + ((v1 - v0) * (x - b0)) / (b1 - b0);
}
