import type { MarkerKind, Meter, MeterChange, ProjectMarker, Warning } from '../../model';
import type { RawMarker } from './scan';

/** FL marker kinds by code (event 148 >>> 24), docs/flstudio.md#markers. */
export const MARKER_KINDS: readonly MarkerKind[] = [
  'marker', 'marker-loop', 'skip', 'pause', 'loop', 'start', 'pattern-length', 'bar-override', 'time-signature', 'punch-in', 'punch-out',
];

export interface FlMarkers {
  markers: ProjectMarker[];
  meterChanges: MeterChange[];
  songStartBeat: number | null;
}

/** True for a meter FL can show: n in 1…255, d a power of two up to 64. */
export function isValidMeter(numerator: number | null, denominator: number | null): boolean {
  return numerator !== null && denominator !== null && numerator >= 1 && denominator >= 1 && denominator <= 64 && (denominator & (denominator - 1)) === 0;
}

/** Turns raw markers into model markers (sorted stably by beat), meter changes and the song start. */
export function buildMarkers(raw: readonly RawMarker[], names: readonly string[], ppq: number, meter: Meter, warnings: Warning[]): FlMarkers {
  const markers: ProjectMarker[] = [];
  const meterChanges: MeterChange[] = [];
  let songStartBeat: number | null = null;
  raw.forEach((m, i) => {
    const beat = m.ticks / ppq;
    const kind = MARKER_KINDS[m.kind];
    const name = names[i] ?? '';
    if (kind === undefined) {
      warnings.push({ code: 'flp-unknown-marker-kind', message: `The marker "${name}" at byte ${m.offset} has an unknown kind ${m.kind}; it is kept as a plain marker that is not a tracklist entry.` });
      markers.push({ name, beat, kind: 'marker', tracklist: false });
      return;
    }
    markers.push({ name, beat, kind, tracklist: kind === 'marker' });
    if (kind === 'start' && songStartBeat === null) songStartBeat = beat;
    if (kind === 'time-signature') {
      if (isValidMeter(m.numerator, m.denominator)) {
        meterChanges.push({ beat, numerator: m.numerator as number, denominator: m.denominator as number });
      } else {
        warnings.push({ code: 'flp-bad-time-signature', message: `The time signature marker at byte ${m.offset} has no usable meter (${m.numerator ?? '?'}/${m.denominator ?? '?'}); the meter stays ${meter.numerator}/${meter.denominator} there.` });
      }
    }
  });
  markers.sort((a, b) => a.beat - b.beat);
  meterChanges.sort((a, b) => a.beat - b.beat);
  return { markers, meterChanges, songStartBeat };
}
