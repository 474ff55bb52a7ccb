/** Where the clock's zero is (timing.md "Start offset"): resolves a parsed `start` option. */
import { DawstampsError, echoValue } from '../errors';
import type { ProjectMarker, Timeline } from '../model';
import { MAX_ABS_BEAT } from './envelope';

/** A parsed `start` option. */
export type StartSpec =
  | { kind: 'zero' }
  | { kind: 'song-start' }
  | { kind: 'loop' }
  | { kind: 'beat'; beat: number }
  | { kind: 'index'; index: number }
  | { kind: 'locator'; name: string };

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

function beatFrom(text: string, original: string): StartSpec {
  const beat = NUMBER.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  if (!(Math.abs(beat) <= MAX_ABS_BEAT)) throw new DawstampsError('invalid-option', `The start "${echoValue(original)}" is not a beat number (within ±${MAX_ABS_BEAT}).`);
  return { kind: 'beat', beat };
}

/**
 * Parses the `start` option: a number or numeric string (a beat), "zero" (default),
 * "song-start", "loop", "#N" (the Nth tracklist marker, 1-based), "beat:X", "locator:NAME",
 * or any other string (a locator name). Throws DawstampsError 'invalid-option'.
 */
export function parseStart(value: string | number | undefined | null): StartSpec {
  if (value === undefined || value === null) return { kind: 'zero' };
  if (typeof value === 'number') {
    if (!(Math.abs(value) <= MAX_ABS_BEAT)) throw new DawstampsError('invalid-option', `The start ${echoValue(value)} is not a beat within ±${MAX_ABS_BEAT}.`);
    return { kind: 'beat', beat: value };
  }
  if (typeof value !== 'string') throw new DawstampsError('invalid-option', 'The start must be a string or a number.');
  const text = value;
  const trimmed = text.trim();
  if (trimmed === '' || trimmed === 'zero') return { kind: 'zero' };
  if (trimmed === 'song-start') return { kind: 'song-start' };
  if (trimmed === 'loop') return { kind: 'loop' };
  if (NUMBER.test(trimmed)) return beatFrom(trimmed, text);
  if (trimmed.startsWith('beat:')) return beatFrom(trimmed.slice(5), text);
  if (text.startsWith('locator:')) return { kind: 'locator', name: text.slice(8) };
  if (/^#\s*\d+$/.test(trimmed)) {
    const index = Number(trimmed.slice(1).trim());
    if (!Number.isSafeInteger(index) || index < 1) {
      throw new DawstampsError('invalid-option', `The start "${echoValue(text)}" needs a marker number from 1.`);
    }
    return { kind: 'index', index };
  }
  return { kind: 'locator', name: text };
}


/** The chosen start: a beat and how a person would call it. */
export interface Start {
  beat: number;
  label: string;
  /** The start's own time, where the DAW stores it in seconds (a REAPER marker or loop): the clock's zero exactly. */
  seconds?: number;
}

/** A start at a marker: its beat, and its stored seconds when it has them. */
function at(marker: ProjectMarker, label: string): Start {
  return marker.seconds === undefined ? { beat: marker.beat, label } : { beat: marker.beat, label, seconds: marker.seconds };
}

/** Markers in beat order, stably (markers at one beat keep their order). */
export function byTime(markers: readonly ProjectMarker[]): ProjectMarker[] {
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

/** Resolves a start against the timeline; throws DawstampsError 'invalid-option' when it is not there. */
export function resolveStart(spec: StartSpec, timeline: Timeline, tracklist: readonly ProjectMarker[]): Start {
  switch (spec.kind) {
    case 'zero':
      return { beat: 0, label: 'beat 0' };
    case 'beat':
      return { beat: spec.beat, label: `beat ${spec.beat}` };
    case 'song-start':
      if (timeline.songStartBeat === null) throw new DawstampsError('invalid-option', 'The start is the song start, but this set has no song start marker.');
      return { beat: timeline.songStartBeat, label: 'song start' };
    case 'loop':
      if (!timeline.loop) throw new DawstampsError('invalid-option', 'The start is the loop start, but this set has no arrangement loop.');
      return timeline.loop.startSeconds === undefined
        ? { beat: timeline.loop.startBeat, label: 'loop start' }
        : { beat: timeline.loop.startBeat, label: 'loop start', seconds: timeline.loop.startSeconds };
    case 'index': {
      const marker = byTime(tracklist)[spec.index - 1];
      if (!marker) throw new DawstampsError('invalid-option', `The start is marker #${spec.index}, but the tracklist has ${tracklist.length} marker${tracklist.length === 1 ? '' : 's'}.`);
      return at(marker, marker.name === '' ? `#${spec.index}` : `#${spec.index} "${marker.name}"`);
    }
    case 'locator': {
      const marker = findByName(spec.name, tracklist, timeline.markers);
      if (!marker) throw new DawstampsError('invalid-option', `The start is the marker "${echoValue(spec.name)}", but no marker has that name.`);
      return at(marker, `"${marker.name}"`);
    }
  }
}
