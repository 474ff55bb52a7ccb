/**
 * Times a parsed project: tempo map → tracklist → seconds from the chosen start. Pure and fast
 * (no file is read): the API re-times a stored project with any options in milliseconds.
 */
import { tracklistFromClips } from './clips';
import type { Project, ProjectMarker, Result, ResultMarker, Timeline, TimingModel, Warning } from './model';
import { checkOptions, parseStart, type TimeOptions } from './options';
import { byTime, createMeterMap, createTempoMap, resolveStart, type TempoMap } from './tempo';
import { extractIsrc, sanitizeName, someOf } from './text';
import { arrangementsOf, chooseTimeline, placeInTime } from './timeline';

/** The tracklist entries and where they came from. */
interface Tracklist {
  source: Result['markerSource'];
  entries: ProjectMarker[];
  /** Clips: where the last song ends. */
  endBeat?: number | null;
  /** Clips: what was left out or missing, and whether they look like stems. */
  warnings?: Warning[];
}

type TracklistOptions = Pick<TimeOptions, 'source' | 'includeDisabledClips' | 'includeMutedTracks' | 'clipAnchor'>;

/**
 * Picks the marker source: the timeline's tracklist markers (`locators`), its audio clips
 * (`clips`, lib/clips), or `auto` = the markers when there are any, else the clips where the
 * project says so (`tracklist.clipsWhenNoMarkers`; FL Studio stays on its markers: a project
 * without them gives an empty tracklist). `secondsAt` puts crossfade-middle anchors in time.
 */
function pickTracklist(project: Project, timeline: Timeline, options: TracklistOptions, secondsAt?: (beat: number) => number): Tracklist {
  const source = options.source ?? 'auto';
  const markers = timeline.markers.filter((m) => m.tracklist);
  const useClips = source === 'clips' || (source === 'auto' && markers.length === 0 && project.tracklist.clipsWhenNoMarkers);
  if (!useClips) return { source: project.tracklist.markers, entries: markers };
  const fromClips = tracklistFromClips(timeline.clips, options, secondsAt);
  return { source: 'clips', entries: fromClips.entries, endBeat: fromClips.endBeat, warnings: fromClips.warnings };
}

function chooseTiming(project: Project, option: TimeOptions['timing']): { model: TimingModel; reason: string } {
  const auto = project.autoTiming;
  if (option === undefined || option === 'auto') return { model: auto.model, reason: auto.reason };
  return { model: option, reason: `Forced by the timing option (auto would be ${auto.model}: ${auto.reason}).` };
}

/** Reader warnings that only apply to one marker source. */
const ONLY_FOR_MARKERS = new Set(['no-tracklist-markers']);
const ONLY_FOR_CLIPS = new Set(['no-clips']);

/** Builds the result of a parsed project with these options (every surface's shape). */
export function timeProject(project: Project, given: TimeOptions | null = {}): Result {
  checkOptions(given);
  const options = given ?? {};
  const chosen = chooseTimeline(project, options.arrangement);
  const timing = chooseTiming(project, options.timing);
  const map = createTempoMap(chosen.timeline.tempo, { staticBpm: project.staticBpm, model: timing.model, step: project.tempoStep });
  const timeline = placeInTime(chosen.timeline, map, timing.model === project.autoTiming.model);
  const meter = createMeterMap(timeline.meter, timeline.meterChanges);
  const tracklist = pickTracklist(project, timeline, options, (beat) => map.seconds(beat));
  const { seconds: startSeconds, ...start } = resolveStart(parseStart(options.start), timeline, tracklist.entries);
  const zero = startSeconds ?? map.seconds(start.beat);
  const negative = options.beforeStart === 'negative';

  const toResult = (m: ProjectMarker): ResultMarker => ({ name: m.name, beat: m.beat, seconds: (m.seconds ?? map.seconds(m.beat)) - zero, position: meter.position(m.beat), kind: m.kind });
  const keep = (m: ProjectMarker): boolean => negative || m.beat >= start.beat;

  const end = setEnd(timeline, tracklist);
  const endBeat = end === null ? null : end.beat;
  const endSeconds = end === null ? null : (end.seconds ?? map.seconds(end.beat)) - zero;
  const shown = byTime(tracklist.entries).filter(keep);
  const markers = shown.map(toResult);
  markers.forEach((marker, i) => {
    const own = shown[i]!;
    const end = own.endBeat !== undefined ? (own.endSeconds ?? map.seconds(own.endBeat)) - zero : (markers[i + 1]?.seconds ?? endSeconds);
    marker.endSeconds = end;
    marker.durationSeconds = end === null ? null : end - marker.seconds;
  });
  const unnamed = nameUnnamed(markers);
  const otherMarkers = byTime(timeline.markers.filter((m) => !m.tracklist)).filter(keep).map(toResult);
  const skip = tracklist.source === 'clips' ? ONLY_FOR_MARKERS : ONLY_FOR_CLIPS;
  const warnings: Warning[] = [...project.warnings, ...timeline.warnings, ...chosen.warnings]
    .filter((w) => !skip.has(w.code))
    .concat(tracklist.warnings ?? [], unusedClipOptions(options, tracklist.source), unnamed);
  if (curvedInPlay(map, start.beat, endBeat, [...markers, ...otherMarkers], tracklist.entries)) {
    warnings.push({
      code: 'curved-tempo',
      message: 'The tempo automation has curved ramps; they are timed by the public description of such curves, which has not been checked against a recording yet.',
    });
  }
  if ((options.timing ?? 'auto') === 'auto' && project.autoTiming.inferred === true && map.automated) {
    const other = otherModelWarning(project, chosen.timeline, timing.model, start.beat, shown, markers);
    if (other) warnings.push(other);
  }

  const result: Result = {
    source: { daw: project.daw, version: project.version, application: project.application, file: options.fileName ?? null },
    timing: { model: timing.model, step: timing.model === 'stepped' ? project.tempoStep : null, reason: timing.reason },
    tempo: tempoOf(map, options.tempoPoints !== false),
    start,
    markerSource: tracklist.source,
    markers,
    otherMarkers,
    durationSeconds: endSeconds,
    warnings,
  };
  const arrangement = arrangementsOf(project, timeline);
  if (arrangement) result.arrangement = arrangement;
  return result;
}

/** A place on the timeline: its beat, and its seconds where the DAW stores them. */
interface Place {
  beat: number;
  seconds?: number | undefined;
}

/**
 * Where the set ends (docs/exports.md, `durationSeconds`): where the reader says it does (the end
 * of the last arrangement clip or playlist item), where the last song from clips or the last entry
 * with an end of its own (a region) ends, and never before a tracklist entry starts. The loop and
 * punch ranges never decide it. Null when nothing says where the set ends (no clips, no playlist
 * items, no entry with an end).
 */
function setEnd(timeline: Timeline, tracklist: Tracklist): Place | null {
  const ends: Place[] = [];
  if (timeline.endBeat !== null) ends.push({ beat: timeline.endBeat, seconds: timeline.endSeconds });
  if (tracklist.source === 'clips' && tracklist.endBeat != null) ends.push({ beat: tracklist.endBeat });
  for (const m of tracklist.entries) if (m.endBeat !== undefined) ends.push({ beat: m.endBeat, seconds: m.endSeconds });
  if (ends.length === 0) return null;
  for (const m of tracklist.entries) ends.push({ beat: m.beat, seconds: m.seconds });
  return ends.reduce((last, p) => (p.beat > last.beat ? p : last));
}

/**
 * Gives every unnamed tracklist entry the name all surfaces show, `Track N` (N = its place in the
 * tracklist), keeping the project's own name in `originalName`; one warning lists them.
 */
function nameUnnamed(markers: ResultMarker[]): Warning[] {
  const named: string[] = [];
  markers.forEach((m, i) => {
    // unnamed as the exporters see it: nothing left once the ISRC is taken out (which stays with it)
    const { name, isrc } = extractIsrc(sanitizeName(m.name));
    if (name !== '') return;
    m.originalName = m.name;
    m.name = isrc === null ? `Track ${i + 1}` : `Track ${i + 1} [${isrc}]`;
    named.push(`"Track ${i + 1}"`);
  });
  if (named.length === 0) return [];
  const list = someOf(named);
  const message = named.length === 1
    ? `One marker has no name; it is called ${list}, after its place in the tracklist.`
    : `${named.length} markers have no name; they are called ${list}, after their places in the tracklist.`;
  return [{ code: 'empty-name', message }];
}

/**
 * Where the auto model is only inferred from the version: how far the other model would move the
 * entries, when more than a millisecond (the map answers each entry in O(log n)).
 */
function otherModelWarning(project: Project, timeline: Timeline, model: TimingModel, startBeat: number, shown: readonly ProjectMarker[], markers: readonly ResultMarker[]): Warning | null {
  const otherModel: TimingModel = model === 'stepped' ? 'continuous' : 'stepped';
  const other = createTempoMap(timeline.tempo, { staticBpm: project.staticBpm, model: otherModel, step: project.tempoStep });
  const otherZero = other.seconds(startBeat);
  let worst = 0;
  shown.forEach((m, i) => {
    if (m.seconds !== undefined) return; // a time the DAW stores stays where it is
    worst = Math.max(worst, Math.abs(other.seconds(m.beat) - otherZero - markers[i]!.seconds));
  });
  if (!(worst > 0.001)) return null;
  const how = (m: TimingModel): string => (m === 'stepped' ? 'in small steps' : 'smoothly');
  return {
    code: 'timing-inferred',
    message:
      `How this set plays tempo changes is inferred from its version, not known: it is timed ${how(model)}. ` +
      `Timed ${how(otherModel)} instead, entries would move by up to ${worst.toFixed(3)} s; to use that, choose the ${otherModel} timing (--timing ${otherModel}).`,
  };
}

/** The clip options as the CLI spells them (the page and the API name them alike). */
const CLIP_FLAGS = { includeDisabledClips: '--include-disabled', includeMutedTracks: '--include-muted', clipAnchor: '--clip-anchor' } as const;

/** A warning when clip options were given but the tracklist does not come from clips. */
function unusedClipOptions(options: TimeOptions, source: Tracklist['source']): Warning[] {
  if (source === 'clips') return [];
  const given = (Object.keys(CLIP_FLAGS) as Array<keyof typeof CLIP_FLAGS>).filter((name) => options[name] !== undefined).map((name) => CLIP_FLAGS[name]);
  if (given.length === 0) return [];
  const what = given.length > 1 ? `options ${given.slice(0, -1).join(', ')} and ${given.at(-1)} only apply` : `option ${given[0]} only applies`;
  return [{ code: 'option-ignored', message: `The ${what} to a tracklist from clips; this one comes from the ${source}, so ${given.length > 1 ? 'they were' : 'it was'} ignored.` }];
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
