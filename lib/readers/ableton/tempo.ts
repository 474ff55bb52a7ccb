/** The master track's tempo: static value and envelope (shared/spec/ableton.md). */
import type { TempoPoint, Warning } from '../../model';
import { EventList, type RawParam, type RawSet } from './raw';

const MIN_BPM = 20;
const MAX_BPM = 999;

/** The events automating a parameter: the envelope whose PointeeId is its target (Live 10+), else inline (Live 8/9). */
export function paramEvents(raw: RawSet, param: RawParam | null): EventList {
  if (!param) return new EventList();
  if (param.targetId !== undefined) {
    const env = raw.envelopes.find((e) => e.pointeeId === param.targetId);
    if (env && env.events.length > 0) return env.events;
  }
  return param.inline;
}

/** Static BPM and the sorted envelope (empty when the tempo is static). */
export function readTempo(raw: RawSet, warnings: Warning[]): { staticBpm: number; tempo: TempoPoint[] } {
  if (!raw.tempo) warnings.push({ code: 'no-tempo', message: 'The set has no master tempo; 120 BPM is assumed.' });
  const events = paramEvents(raw, raw.tempo);
  const points: TempoPoint[] = [];
  let clamped = 0;
  const { time, value } = events;
  let firstBpm: number | undefined;
  let sorted = true;
  let last = -Infinity;
  for (let i = 0; i < events.length; i++) {
    const v = value[i]!;
    if (!(v > 0)) {
      clamped++;
      continue;
    }
    firstBpm ??= v;
    const bpm = Math.min(MAX_BPM, Math.max(MIN_BPM, v));
    if (bpm !== v) clamped++;
    const beat = time[i]!;
    if (beat < last) sorted = false;
    last = beat;
    const curve = events.curve ? events.curveAt(i) : undefined;
    points.push(curve ? { beat, bpm, curve: clampCurve(curve) } : { beat, bpm });
  }
  if (clamped > 0) warnings.push({ code: 'tempo-out-of-range', message: `${clamped} tempo breakpoint(s) outside ${MIN_BPM}–${MAX_BPM} BPM were clamped or dropped.` });
  // stable: breakpoints at one beat keep their file order (a jump); Live writes them in order
  if (!sorted) points.sort((a, b) => a.beat - b.beat);
  const manual = raw.tempo?.manual;
  // Live 8 writes no Manual: the static tempo is the first event's value.
  let staticBpm = manual !== undefined && manual > 0 ? manual : (firstBpm ?? 120);
  staticBpm = Math.min(MAX_BPM, Math.max(MIN_BPM, staticBpm));
  return { staticBpm, tempo: points.length > 1 ? points : [] };
}

function clampCurve(c: NonNullable<TempoPoint['curve']>): NonNullable<TempoPoint['curve']> {
  const k = (x: number): number => Math.min(1, Math.max(0, x));
  return { c1x: k(c.c1x), c1y: k(c.c1y), c2x: k(c.c2x), c2y: k(c.c2y) };
}
