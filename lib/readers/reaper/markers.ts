/** MARKER lines → markers and regions (docs/reaper.md#markers-and-regions). */
import { DawstampsError, echoValue } from '../../errors';
import type { ProjectMarker, Warning } from '../../model';
import { warning } from '../warning';
import type { RawMarker } from './raw';

const REGION = 1;

/**
 * Plain markers (flags without bit 1) and regions (bit 1: two MARKER lines with one index, the
 * start with the name, then the end). Both are tracklist entries; a region carries its end. Sorted
 * stably by time. `beatAt` puts seconds on the project's beats.
 */
export function readMarkers(raw: readonly RawMarker[], beatAt: (seconds: number) => number, maxMarkers: number, warnings: Warning[]): ProjectMarker[] {
  const markers: ProjectMarker[] = [];
  const open = new Map<number, ProjectMarker>();
  let backwards = 0;
  for (const m of raw) {
    if ((m.flags & REGION) === 0) {
      markers.push({ name: m.name, beat: beatAt(m.seconds), seconds: m.seconds, kind: 'marker', tracklist: true });
      continue;
    }
    const start = open.get(m.index);
    if (start === undefined) {
      const region: ProjectMarker = { name: m.name, beat: beatAt(m.seconds), seconds: m.seconds, kind: 'region', tracklist: true };
      open.set(m.index, region);
      markers.push(region);
    } else {
      open.delete(m.index);
      if (m.seconds >= start.seconds!) {
        start.endSeconds = m.seconds;
        start.endBeat = beatAt(m.seconds);
      } else backwards++;
    }
  }
  if (markers.length > maxMarkers) {
    throw new DawstampsError('too-many-markers', `The project has ${markers.length} markers and regions; the limit is ${maxMarkers}.`, { limit: maxMarkers });
  }
  if (open.size > 0) {
    warnings.push(warning('unclosed-region', `${open.size} region(s) have a start but no end line (${[...open.values()].map((r) => `"${echoValue(r.name)}"`).slice(0, 3).join(', ')}); they are listed without an end.`));
  }
  if (backwards > 0) warnings.push(warning('bad-region', `${backwards} region(s) end before they start; they are listed without an end.`));
  // stable: markers at one time keep their file order
  return markers.sort((a, b) => a.seconds! - b.seconds!);
}
