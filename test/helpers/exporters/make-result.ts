/** Hand-built Results for exporter tests (no converter needed). */
import type { Result, ResultMarker } from '../../../lib/model';

export type MarkerSpec = [seconds: number, name: string] | [seconds: number, name: string, endSeconds: number];

/** A Result at 120 bpm in 4/4 with the given markers (seconds, name) and duration. */
export function makeResult(markers: MarkerSpec[], durationSeconds: number | null = null, file: string | null = 'my mix.als'): Result {
  return {
    source: { daw: 'ableton', version: '11.3.4', application: 'Ableton Live 11.3.4', file },
    timing: { model: 'stepped', step: 0.25, reason: 'test' },
    tempo: { initialBpm: 120, automated: false, points: [] },
    start: { beat: 0, label: 'zero' },
    markerSource: 'locators',
    markers: markers.map(([seconds, name, endSeconds]): ResultMarker => {
      const beat = seconds * 2;
      const bar = Math.floor(beat / 4);
      const m: ResultMarker = { name, beat, seconds, position: `${bar + 1}.${Math.floor(beat - bar * 4) + 1}.1`, kind: 'locator' };
      if (endSeconds !== undefined) m.endSeconds = endSeconds;
      return m;
    }),
    otherMarkers: [],
    durationSeconds,
    warnings: [],
  };
}
