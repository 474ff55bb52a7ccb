/**
 * Times a parsed project: tempo map → tracklist → seconds from the chosen start. Pure and fast
 * (no file is read): the API re-times a stored project with any options in milliseconds.
 */
import { tracklistFromClips } from './clips';
import type { Project, ProjectMarker, Result, ResultMarker, Timeline, TimingModel, Warning } from './model';
import { checkOptions, parseStart, type TimeOptions } from './options';
import { createMeterMap, createTempoMap, resolveStart, type TempoMap } from './tempo';
import { arrangementsOf, chooseTimeline, placeInTime } from './timeline';

/** The tracklist entries and where they came from. */
export interface Tracklist {
  source: Result['markerSource'];
  entries: ProjectMarker[];
  /** Clips: where the last song ends (the set's end for the chapter formats). */
  endBeat?: number | null;
  /** Clips: what was left out or missing. */
  warnings?: Warning[];
}

type TracklistOptions = Pick<TimeOptions, 'source' | 'includeDisabledClips' | 'includeMutedTracks' | 'clipAnchor'>;

/**
 * Picks the marker source: the timeline's tracklist markers (`locators`), its audio clips
 * (`clips`, lib/clips), or `auto` = the markers when there are any, else the clips where the
 * project says so (`tracklist.clipsWhenNoMarkers`; FL Studio stays on its markers: a project
 * without them gives an empty tracklist). `secondsAt` puts crossfade-middle anchors in time.
 */
export function pickTracklist(project: Project, timeline: Timeline, options: TracklistOptions, secondsAt?: (beat: number) => number): Tracklist {
  const source = options.source ?? 'auto';
  const markers = timeline.markers.filter((m) => m.tracklist);
  const useClips = source === 'clips' || (source === 'auto' && markers.length === 0 && project.tracklist.clipsWhenNoMarkers);
  if (!useClips) return { source: project.tracklist.markers, entries: markers };
  const fromClips = tracklistFromClips(timeline.clips, options, secondsAt);
  return { source: 'clips', entries: fromClips.entries, endBeat: fromClips.endBeat, warnings: fromClips.warnings };
}

function chooseTiming(project: Project, option: TimeOptions['timing']): { model: TimingModel; reason: string } {
  if (option === undefined || option === 'auto') return project.autoTiming;
  const auto = project.autoTiming;
  return { model: option, reason: `Forced by the timing option (auto would be ${auto.model}: ${auto.reason}).` };
}

/** Reader warnings that only apply to one marker source. */
const ONLY_FOR_MARKERS = new Set(['no-tracklist-markers']);
const ONLY_FOR_CLIPS = new Set(['no-clips']);

function byTime(list: readonly ProjectMarker[]): ProjectMarker[] {
  return list.map((m, i) => ({ m, i })).sort((a, b) => a.m.beat - b.m.beat || a.i - b.i).map((x) => x.m);
}

/** Builds the result of a parsed project with these options (every surface's shape). */
export function timeProject(project: Project, options: TimeOptions = {}): Result {
  checkOptions(options);
  const chosen = chooseTimeline(project, options.arrangement);
  const timing = chooseTiming(project, options.timing);
  const map = createTempoMap(chosen.timeline.tempo, { staticBpm: project.staticBpm, model: timing.model, step: project.tempoStep });
  const timeline = placeInTime(chosen.timeline, map, timing.model === project.autoTiming.model);
  const meter = createMeterMap(timeline.meter, timeline.meterChanges);
  const tracklist = pickTracklist(project, timeline, options, (beat) => map.seconds(beat));
  const start = resolveStart(parseStart(options.start), timeline, tracklist.entries);
  const zero = map.seconds(start.beat);
  const negative = options.beforeStart === 'negative';

  const toResult = (m: ProjectMarker): ResultMarker => {
    const marker: ResultMarker = { name: m.name, beat: m.beat, seconds: (m.seconds ?? map.seconds(m.beat)) - zero, position: meter.position(m.beat), kind: m.kind };
    if (m.endBeat !== undefined) marker.endSeconds = (m.endSeconds ?? map.seconds(m.endBeat)) - zero;
    return marker;
  };
  const keep = (m: ProjectMarker): boolean => negative || m.beat >= start.beat;

  const markers = byTime(tracklist.entries).filter(keep).map(toResult);
  const otherMarkers = byTime(timeline.markers.filter((m) => !m.tracklist)).filter(keep).map(toResult);
  const endBeat = (tracklist.source === 'clips' ? tracklist.endBeat : null) ?? timeline.endBeat ?? (timeline.loop?.enabled ? timeline.loop.endBeat : null);
  const skip = tracklist.source === 'clips' ? ONLY_FOR_MARKERS : ONLY_FOR_CLIPS;
  const warnings: Warning[] = [...project.warnings, ...timeline.warnings, ...chosen.warnings]
    .filter((w) => !skip.has(w.code))
    .concat(tracklist.warnings ?? [], unusedClipOptions(options, tracklist.source));
  if (curvedInPlay(map, start.beat, endBeat, [...markers, ...otherMarkers], tracklist.entries)) {
    warnings.push({
      code: 'curved-tempo',
      message: 'The tempo automation has curved segments; their timing follows the public reading of Live\'s curve handles, not yet checked against a render.',
    });
  }

  const result: Result = {
    source: { daw: project.daw, version: project.version, application: project.application, file: options.fileName ?? null },
    timing: { model: timing.model, step: timing.model === 'stepped' ? project.tempoStep : null, reason: timing.reason },
    tempo: tempoOf(map, options.tempoPoints !== false),
    start,
    markerSource: tracklist.source,
    markers,
    otherMarkers,
    durationSeconds: endBeat === null ? null : map.seconds(endBeat) - zero,
    warnings,
  };
  const arrangement = arrangementsOf(project, timeline);
  if (arrangement) result.arrangement = arrangement;
  return result;
}

/** A warning when clip options were given but the tracklist does not come from clips. */
function unusedClipOptions(options: TimeOptions, source: Tracklist['source']): Warning[] {
  if (source === 'clips') return [];
  const given = (['includeDisabledClips', 'includeMutedTracks', 'clipAnchor'] as const).filter((name) => options[name] !== undefined);
  if (given.length === 0) return [];
  const what = given.length > 1 ? `clip options ${given.join(', ')} only apply` : `clip option ${given[0]} only applies`;
  return [{ code: 'option-ignored', message: `The ${what} to tracklists from clips; this one comes from the ${source}, so ${given.length > 1 ? 'they were' : 'it was'} ignored.` }];
}

/** True when a curved tempo segment lies where the result's times are measured. */
function curvedInPlay(map: TempoMap, startBeat: number, endBeat: number | null, shown: readonly ResultMarker[], entries: readonly ProjectMarker[]): boolean {
  let lo = Math.min(0, startBeat, endBeat ?? 0);
  let hi = Math.max(0, startBeat, endBeat ?? 0);
  for (const m of shown) {
    lo = Math.min(lo, m.beat);
    hi = Math.max(hi, m.beat);
  }
  for (const m of entries) if (m.endBeat !== undefined) hi = Math.max(hi, m.endBeat);
  return map.curvedBetween(lo, hi);
}

/** `result.tempo`: the breakpoints only when asked for (a set may hold 100,000 of them). */
function tempoOf(map: TempoMap, withPoints: boolean): Result['tempo'] {
  const tempo: Result['tempo'] = { initialBpm: map.bpmAt(0), automated: map.automated };
  if (withPoints) tempo.points = map.points();
  return tempo;
}
