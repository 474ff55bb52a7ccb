/** detect → read → tempo map → markers: the one conversion every surface calls. */
import { DawstampsError } from './errors';
import { ByteSource, type ConvertInput } from './input';
import { resolveLimits } from './limits';
import type { Project, ProjectMarker, Result, ResultMarker, TimingModel, Warning } from './model';
import { checkOptions, parseStart, type ConvertOptions } from './options';
import { tracklistFromClips } from './clips';
import { detectReader, type ReadOptions } from './readers';
import { createMeterMap, createTempoMap, resolveStart, type TempoMap } from './tempo';

/** Bytes peeked from a stream for format detection (what the readers' sniffers look at). */
const HEAD_BYTES = 4096;

/**
 * Converts a project file into the tracklist result (shared/spec/exports.md). The file is its
 * bytes, or a stream of them (lib/input.ts): an Ableton set is then inflated and scanned as it
 * arrives, never whole in memory; a stream is read once and cancelled when the conversion stops
 * early. Errors of the stream itself pass through untouched.
 */
export async function convert(input: ConvertInput, options: ConvertOptions = {}): Promise<Result> {
  checkOptions(options);
  const limits = resolveLimits(options.limits);
  const readOptions: ReadOptions = {
    limits,
    ...(options.arrangement !== undefined ? { arrangement: options.arrangement } : {}),
    ...(options.inflate ? { inflate: options.inflate } : {}),
  };
  if (input instanceof Uint8Array) {
    if (input.byteLength > limits.maxFileBytes) {
      throw new DawstampsError('file-too-large', `The file is ${input.byteLength} bytes; the limit is ${limits.maxFileBytes}.`, {
        bytes: input.byteLength,
        limit: limits.maxFileBytes,
      });
    }
    const project = await detectReader(input).read(input, readOptions);
    return projectToResult(project, options);
  }
  const source = ByteSource.open(input, limits.maxFileBytes);
  let project: Project;
  try {
    const reader = detectReader(await source.peek(HEAD_BYTES));
    project = await reader.read(source, readOptions);
  } finally {
    await source.close();
  }
  return projectToResult(project, options);
}

/** The tracklist entries and where they came from (the seam for tracklists from clips). */
export interface Tracklist {
  source: Result['markerSource'];
  entries: ProjectMarker[];
  /** Clips: where the last song ends (the set's end for the chapter formats). */
  endBeat?: number | null;
  /** Clips: what was left out or missing. */
  warnings?: Warning[];
}

type TracklistOptions = Pick<ConvertOptions, 'source' | 'includeDisabledClips' | 'includeMutedTracks' | 'clipAnchor'>;

/**
 * Picks the marker source: the reader's tracklist markers (`locators`), the arrangement's audio
 * clips (`clips`, lib/clips), or `auto` = an Ableton set's locators when there are any, else its
 * clips. FL Studio's `auto` stays on its markers (shared/fixtures/expected.json: a project without
 * markers gives an empty tracklist); `clips` reads its playlist's audio clips.
 * `secondsAt` (the tempo map) puts crossfade-middle anchors at the middle in time.
 */
export function pickTracklist(project: Project, options: TracklistOptions, secondsAt?: (beat: number) => number): Tracklist {
  const source = options.source ?? 'auto';
  const markers = project.markers.filter((m) => m.tracklist);
  const useClips = source === 'clips' || (source === 'auto' && markers.length === 0 && project.daw === 'ableton');
  if (!useClips) return { source: project.daw === 'ableton' ? 'locators' : 'markers', entries: markers };
  const fromClips = tracklistFromClips(project.clips, project.daw, options, secondsAt);
  return { source: 'clips', entries: fromClips.entries, endBeat: fromClips.endBeat, warnings: fromClips.warnings };
}

function chooseTiming(project: Project, option: ConvertOptions['timing']): { model: TimingModel; reason: string } {
  if (option === undefined || option === 'auto') return project.autoTiming;
  const auto = project.autoTiming;
  return { model: option, reason: `Forced by the timing option (auto would be ${auto.model}: ${auto.reason}).` };
}

/**
 * `result.tempo`, whose `points` are made on first read and then kept: a set may hold 100,000
 * breakpoints, and the text exports never read them (the CLI's start-up time, issue 7). The
 * property is enumerable and assignable, so it serialises, compares, spreads and clones like
 * a plain one.
 */
function tempoOf(map: TempoMap): Result['tempo'] {
  let points: Array<[number, number]> | undefined;
  const tempo = { initialBpm: map.bpmAt(0), automated: map.automated } as Result['tempo'];
  Object.defineProperty(tempo, 'points', {
    enumerable: true,
    configurable: true,
    get: () => (points ??= map.points()),
    set: (value: Array<[number, number]>) => void (points = value),
  });
  return tempo;
}

/** Builds the result from a project that a reader has read (every surface's shape). */
export function projectToResult(project: Project, options: ConvertOptions = {}): Result {
  checkOptions(options);
  const timing = chooseTiming(project, options.timing);
  const map = createTempoMap(project.tempoColumns ?? project.tempo, { staticBpm: project.staticBpm, model: timing.model, step: project.tempoStep });
  const meter = createMeterMap(project.meter, project.meterChanges);
  const tracklist = pickTracklist(project, options, (beat) => map.seconds(beat));
  const start = resolveStart(parseStart(options.start), project, tracklist.entries);
  const zero = map.seconds(start.beat);
  const negative = options.beforeStart === 'negative';

  const toResult = (m: ProjectMarker): ResultMarker => {
    const marker: ResultMarker = { name: m.name, beat: m.beat, seconds: map.seconds(m.beat) - zero, position: meter.position(m.beat), kind: m.kind };
    if (m.endBeat !== undefined) marker.endSeconds = map.seconds(m.endBeat) - zero;
    return marker;
  };
  const keep = (m: ProjectMarker): boolean => negative || m.beat >= start.beat;
  const byTime = (list: ProjectMarker[]): ProjectMarker[] => list.map((m, i) => ({ m, i })).sort((a, b) => a.m.beat - b.m.beat || a.i - b.i).map((x) => x.m);

  const markers = byTime(tracklist.entries).filter(keep).map(toResult);
  const otherMarkers = byTime(project.markers.filter((m) => !m.tracklist)).filter(keep).map(toResult);
  const endBeat = (tracklist.source === 'clips' ? tracklist.endBeat : null) ?? project.endBeat ?? (project.loop?.enabled ? project.loop.endBeat : null);
  // A reader's "no markers" warning does not apply to a tracklist from clips.
  const readerWarnings = tracklist.source === 'clips' ? project.warnings.filter((w) => w.code !== 'no-tracklist-markers') : project.warnings;
  const warnings: Warning[] = [...readerWarnings, ...(tracklist.warnings ?? [])];

  let lo = Math.min(0, start.beat, endBeat ?? 0);
  let hi = Math.max(0, start.beat, endBeat ?? 0);
  for (const m of [...markers, ...otherMarkers]) {
    lo = Math.min(lo, m.beat);
    hi = Math.max(hi, m.beat);
  }
  for (const m of tracklist.entries) if (m.endBeat !== undefined) hi = Math.max(hi, m.endBeat);
  if (map.curvedBetween(lo, hi)) {
    warnings.push({
      code: 'curved-tempo',
      message: 'The tempo automation has curved segments; their timing follows the public reading of Live\'s curve handles, not yet checked against a render.',
    });
  }

  const result: Result = {
    source: { daw: project.daw, version: project.version, file: options.fileName ?? null },
    timing: { model: timing.model, step: timing.model === 'stepped' ? project.tempoStep : null, reason: timing.reason },
    tempo: tempoOf(map),
    start,
    markerSource: tracklist.source,
    markers,
    otherMarkers,
    durationSeconds: endBeat === null ? null : map.seconds(endBeat) - zero,
    warnings,
  };
  if (project.arrangement) result.arrangement = project.arrangement;
  return result;
}
