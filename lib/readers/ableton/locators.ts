/** Locators → markers, sorted stably by time; the song start. */
import type { ProjectMarker, Warning } from '../../model';
import { warning } from '../warning';
import type { RawSet } from './raw';

/** The LiveSet-level locators as tracklist markers, and the beat of the one marked IsSongStart. */
export function readLocators(raw: RawSet, warnings: Warning[]): { markers: ProjectMarker[]; songStartBeat: number | null } {
  const usable = raw.locators.filter((l) => l.time !== undefined);
  if (usable.length < raw.locators.length) {
    const n = raw.locators.length - usable.length;
    const which = n === 1 ? 'One locator has' : `${n} locators have`;
    warnings.push(warning('bad-locator', `${which} no readable position and ${n === 1 ? 'was' : 'were'} left out of the tracklist.`, `${n} Locator element(s) without a numeric Time/@Value`));
  }
  const sorted = usable.map((l) => ({ ...l, time: l.time! })).sort((a, b) => a.time - b.time);
  const markers: ProjectMarker[] = sorted.map((l) => ({ name: l.name, beat: l.time, kind: 'locator', tracklist: true }));
  const start = sorted.find((l) => l.songStart);
  return { markers, songStartBeat: start ? start.time : null };
}
