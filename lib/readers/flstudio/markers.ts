import { echoValue } from '../../errors';
import { isValidMeter } from '../../tempo/meter';
import type { MarkerKind, Meter, MeterChange, ProjectMarker, Warning } from '../../model';
import { warning } from '../warning';
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

/** True for a meter FL can show: a valid meter (lib/tempo/meter.ts) with d up to 64. */
export function flShowsMeter(numerator: number | null, denominator: number | null): boolean {
  return isValidMeter({ numerator, denominator }) && denominator! <= 64;
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
      warnings.push(warning('flp-unknown-marker-kind', `The marker "${echoValue(name)}" is of a kind dawstamps does not know; it is listed with the other markers, not in the tracklist.`, `event 148 at byte ${m.offset}, kind ${m.kind}`));
      markers.push({ name, beat, kind: 'marker', tracklist: false });
      return;
    }
    markers.push({ name, beat, kind, tracklist: kind === 'marker' });
    if (kind === 'start' && songStartBeat === null) songStartBeat = beat;
    if (kind === 'time-signature') {
      if (flShowsMeter(m.numerator, m.denominator)) {
        meterChanges.push({ beat, numerator: m.numerator as number, denominator: m.denominator as number });
      } else {
        warnings.push(warning(
          'flp-bad-time-signature',
          `A time signature marker holds no time signature FL Studio can show (${m.numerator ?? '?'}/${m.denominator ?? '?'}), so the bar numbers keep ${meter.numerator}/${meter.denominator} there (the times are not affected).`,
          `event 148 at byte ${m.offset}`,
        ));
      }
    }
  });
  markers.sort((a, b) => a.beat - b.beat);
  meterChanges.sort((a, b) => a.beat - b.beat);
  return { markers, meterChanges, songStartBeat };
}
