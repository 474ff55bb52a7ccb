/** Where the clock's zero is (timing.md "Start offset"): resolves a parsed `start` option. */
import { DawstampsError, echoValue } from '../errors';
import type { Project, ProjectMarker } from '../model';
import type { StartSpec } from '../options';

/** The chosen start: a beat and how a person would call it. */
export interface Start {
  beat: number;
  label: string;
}

function byTime(markers: readonly ProjectMarker[]): ProjectMarker[] {
  return markers.map((m, i) => ({ m, i })).sort((a, b) => a.m.beat - b.m.beat || a.i - b.i).map((x) => x.m);
}

function findByName(name: string, tracklist: readonly ProjectMarker[], all: readonly ProjectMarker[]): ProjectMarker | undefined {
  const lower = name.toLowerCase();
  for (const list of [byTime(tracklist), byTime(all)]) {
    const hit = list.find((m) => m.name === name) ?? list.find((m) => m.name.toLowerCase() === lower);
    if (hit) return hit;
  }
  return undefined;
}

/** Resolves a start against the project; throws DawstampsError 'invalid-option' when it is not there. */
export function resolveStart(spec: StartSpec, project: Project, tracklist: readonly ProjectMarker[]): Start {
  switch (spec.kind) {
    case 'zero':
      return { beat: 0, label: 'beat 0' };
    case 'beat':
      return { beat: spec.beat, label: `beat ${spec.beat}` };
    case 'song-start':
      if (project.songStartBeat === null) throw new DawstampsError('invalid-option', 'The start is the song start, but this set has no song start marker.');
      return { beat: project.songStartBeat, label: 'song start' };
    case 'loop':
      if (!project.loop) throw new DawstampsError('invalid-option', 'The start is the loop start, but this set has no arrangement loop.');
      return { beat: project.loop.startBeat, label: 'loop start' };
    case 'index': {
      const marker = byTime(tracklist)[spec.index - 1];
      if (!marker) throw new DawstampsError('invalid-option', `The start is marker #${spec.index}, but the tracklist has ${tracklist.length} marker${tracklist.length === 1 ? '' : 's'}.`);
      return { beat: marker.beat, label: `#${spec.index} "${marker.name}"` };
    }
    case 'locator': {
      const marker = findByName(spec.name, tracklist, project.markers);
      if (!marker) throw new DawstampsError('invalid-option', `The start is the marker "${echoValue(spec.name)}", but no marker has that name.`);
      return { beat: marker.beat, label: `"${marker.name}"` };
    }
  }
}
