/**
 * Positions in beats or seconds (docs/dawproject.md#time-units). A position in seconds is its own
 * time; its beat is found through the project's own tempo map (the continuous model), so bar
 * positions and beat-based options work for it too.
 */
import type { TempoMap } from '../../tempo';
import type { Position } from './raw';

/** A position on the arrangement: its beat, and its time when the file gives it in seconds. */
export interface Placed {
  beat: number;
  seconds?: number;
}

/** Places positions with one tempo map. */
export interface Placer {
  place(p: Position): Placed;
  /** The position moved by `delta` of `unit` (converted through the map when the units differ). */
  shift(p: Position, delta: number, unit: Position['unit']): Position;
}

/** A placer over the project's tempo map. */
export function placer(map: TempoMap): Placer {
  const place = (p: Position): Placed => (p.unit === 'seconds' ? { beat: map.beatAt(p.value), seconds: p.value } : { beat: p.value });
  return {
    place,
    shift(p, delta, unit) {
      if (unit === p.unit) return { value: p.value + delta, unit };
      const at = place(p);
      return unit === 'seconds' ? { value: (at.seconds ?? map.seconds(at.beat)) + delta, unit } : { value: at.beat + delta, unit };
    },
  };
}
