/**
 * The stored project: a versioned JSON document of the model (lib/model.ts), written once when an
 * upload is parsed and read back to time and export it with any options. Reading checks every
 * field, so a damaged or foreign document is an 'invalid-project' error, never a crash later on.
 */
import { DawstampsError, type ErrorCode } from './errors';
import { DAWS, MARKER_KINDS, TIMING_MODELS } from './kinds';
import { resolveLimits, type Limits } from './limits';
import type { ArrangementClip, ArrangementRef, LoopRange, Meter, MeterChange, Project, ProjectMarker, Timeline, Warning } from './model';
import { TempoColumns } from './tempo/columns';

/** What `format` says in every stored project. */
export const PROJECT_FORMAT = 'dawstamps-project';
/** The document layout this version writes and reads. */
export const PROJECT_SCHEMA = 1;

/** The tempo envelope in JSON: parallel columns, and the curved breakpoints as [index, c1x, c1y, c2x, c2y]. */
export interface TempoJson {
  beats: number[];
  bpms: number[];
  curves: Array<[number, number, number, number, number]>;
}

export type TimelineJson = Omit<Timeline, 'tempo'> & { tempo: TempoJson };

/** The stored project document. */
export type ProjectJson = Omit<Project, 'timelines'> & { format: typeof PROJECT_FORMAT; schema: typeof PROJECT_SCHEMA; timelines: TimelineJson[] };

function tempoToJson(tempo: TempoColumns): TempoJson {
  const beats: number[] = [];
  const bpms: number[] = [];
  const curves: TempoJson['curves'] = [];
  for (let i = 0; i < tempo.length; i++) {
    beats.push(tempo.beat[i]!);
    bpms.push(tempo.bpm[i]!);
    const c = tempo.curveAt(i);
    if (c) curves.push([i, c.c1x, c.c1y, c.c2x, c.c2y]);
  }
  return { beats, bpms, curves };
}

/** The project as its stored JSON document (JSON.stringify it). */
export function projectToJson(project: Project): ProjectJson {
  const { timelines, ...rest } = project;
  return {
    format: PROJECT_FORMAT,
    schema: PROJECT_SCHEMA,
    ...rest,
    timelines: timelines.map(({ tempo, ...timeline }) => ({ ...timeline, tempo: tempoToJson(tempo) })),
  };
}

/**
 * Reads a stored project document (already JSON.parse'd); throws DawstampsError 'invalid-project'.
 * The document is checked as a file would be: numbers in range, the envelope sorted, the limits
 * (`limits`, default lib's) on markers, clips and breakpoints.
 */
export function projectFromJson(doc: unknown, options: { limits?: Partial<Limits> } = {}): Project {
  const limits = resolveLimits(options.limits);
  const d = object(doc, 'the document');
  if (d.format !== PROJECT_FORMAT) fail('it is not a dawstamps project document');
  if (d.schema !== PROJECT_SCHEMA) fail(`it has layout ${String(d.schema).slice(0, 20)}; this version reads layout ${PROJECT_SCHEMA}`);
  const timelines = array(d.timelines, 'timelines').map((t, i) => timelineFrom(t, `timelines[${i}]`, limits));
  if (timelines.length === 0) fail('it has no timeline');
  const defaultTimeline = int(d.defaultTimeline, 'defaultTimeline');
  if (defaultTimeline < 0 || defaultTimeline >= timelines.length) fail('defaultTimeline names no timeline');
  const auto = object(d.autoTiming, 'autoTiming');
  const tracklist = object(d.tracklist, 'tracklist');
  return {
    daw: oneOf(d.daw, 'daw', DAWS),
    version: nullable(d.version, 'version', text),
    application: nullable(d.application, 'application', text),
    staticBpm: tempo(d.staticBpm, 'staticBpm'),
    tempoStep: positive(d.tempoStep, 'tempoStep'),
    autoTiming: {
      model: oneOf(auto.model, 'autoTiming.model', TIMING_MODELS),
      reason: text(auto.reason, 'autoTiming.reason'),
      ...(auto.inferred === undefined ? {} : { inferred: bool(auto.inferred, 'autoTiming.inferred') }),
    },
    tracklist: {
      markers: oneOf(tracklist.markers, 'tracklist.markers', ['locators', 'markers'] as const),
      clipsWhenNoMarkers: bool(tracklist.clipsWhenNoMarkers, 'tracklist.clipsWhenNoMarkers'),
    },
    timelines,
    defaultTimeline,
    warnings: warnings(d.warnings, 'warnings'),
  };
}


function timelineFrom(value: unknown, at: string, limits: Limits): Timeline {
  const t = object(value, at);
  const timeline: Timeline = {
    arrangement: nullable(t.arrangement, `${at}.arrangement`, arrangementRef),
    tempo: tempoFrom(t.tempo, `${at}.tempo`),
    meter: meter(t.meter, `${at}.meter`),
    meterChanges: array(t.meterChanges, `${at}.meterChanges`).map((m, i): MeterChange => ({ beat: num(object(m, '').beat, `${at}.meterChanges[${i}].beat`), ...meter(m, `${at}.meterChanges[${i}]`) })),
    markers: array(t.markers, `${at}.markers`).map((m, i) => markerFrom(m, `${at}.markers[${i}]`)),
    clips: nullable(t.clips, `${at}.clips`, (v, p) => array(v, p).map((c, i) => clipFrom(c, `${p}[${i}]`))),
    songStartBeat: nullable(t.songStartBeat, `${at}.songStartBeat`, num),
    loop: nullable(t.loop, `${at}.loop`, (v, p) => {
      const l = object(v, p);
      const loop: LoopRange = { startBeat: num(l.startBeat, `${p}.startBeat`), endBeat: num(l.endBeat, `${p}.endBeat`), enabled: bool(l.enabled, `${p}.enabled`) };
      if (l.startSeconds !== undefined) loop.startSeconds = num(l.startSeconds, `${p}.startSeconds`);
      if (l.endSeconds !== undefined) loop.endSeconds = num(l.endSeconds, `${p}.endSeconds`);
      return loop;
    }),
    endBeat: nullable(t.endBeat, `${at}.endBeat`, num),
    warnings: warnings(t.warnings, `${at}.warnings`),
  };
  if (t.endSeconds !== undefined) timeline.endSeconds = num(t.endSeconds, `${at}.endSeconds`);
  count(timeline.markers, limits.maxMarkers, `${at}.markers`, 'markers');
  count(timeline.clips ?? [], limits.maxMarkers, `${at}.clips`, 'clips');
  if (timeline.tempo.length > limits.maxBreakpoints) fail(`${at}.tempo holds ${timeline.tempo.length} breakpoints, more than the limit of ${limits.maxBreakpoints}`);
  if (t.error !== undefined) {
    const e = object(t.error, `${at}.error`);
    timeline.error = { code: text(e.code, `${at}.error.code`) as ErrorCode, message: text(e.message, `${at}.error.message`) };
  }
  return timeline;
}

function tempoFrom(value: unknown, at: string): TempoColumns {
  const t = object(value, at);
  const beats = array(t.beats, `${at}.beats`);
  const bpms = array(t.bpms, `${at}.bpms`);
  if (beats.length !== bpms.length) fail(`${at} has ${beats.length} beats and ${bpms.length} BPM values`);
  const n = beats.length;
  const beat = new Float64Array(n);
  const bpm = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    beat[i] = num(beats[i], `${at}.beats[${i}]`);
    bpm[i] = tempo(bpms[i], `${at}.bpms[${i}]`);
    // the document keeps the envelope sorted by beat (stably: equal beats are a jump, in order)
    if (i > 0 && beat[i]! < beat[i - 1]!) fail(`${at}.beats[${i}] comes before the breakpoint ahead of it`);
  }
  const curves = array(t.curves, `${at}.curves`);
  let curve: Float64Array | null = null;
  if (curves.length > 0) {
    curve = new Float64Array(4 * n).fill(Number.NaN);
    curves.forEach((entry, k) => {
      const c = array(entry, `${at}.curves[${k}]`).map((x, j) => num(x, `${at}.curves[${k}][${j}]`));
      const i = c[0]!;
      if (c.length !== 5 || !Number.isInteger(i) || i < 0 || i >= n) fail(`${at}.curves[${k}] is not [index, c1x, c1y, c2x, c2y]`);
      if (c.slice(1).some((h) => !(h >= 0 && h <= 1))) fail(`${at}.curves[${k}] has a handle outside 0…1`);
      curve!.set(c.slice(1), 4 * i);
    });
  }
  return new TempoColumns(n, beat, bpm, curve);
}

function markerFrom(value: unknown, at: string): ProjectMarker {
  const m = object(value, at);
  const marker: ProjectMarker = { name: text(m.name, `${at}.name`), beat: num(m.beat, `${at}.beat`), kind: oneOf(m.kind, `${at}.kind`, MARKER_KINDS), tracklist: bool(m.tracklist, `${at}.tracklist`) };
  if (m.seconds !== undefined) marker.seconds = num(m.seconds, `${at}.seconds`);
  if (m.endBeat !== undefined) marker.endBeat = num(m.endBeat, `${at}.endBeat`);
  if (m.endSeconds !== undefined) marker.endSeconds = num(m.endSeconds, `${at}.endSeconds`);
  return marker;
}

function clipFrom(value: unknown, at: string): ArrangementClip {
  const c = object(value, at);
  const clip: ArrangementClip = {
    name: text(c.name, `${at}.name`),
    fileName: nullable(c.fileName, `${at}.fileName`, text),
    trackName: text(c.trackName, `${at}.trackName`),
    trackIndex: int(c.trackIndex, `${at}.trackIndex`),
    startBeat: num(c.startBeat, `${at}.startBeat`),
    endBeat: num(c.endBeat, `${at}.endBeat`),
    disabled: bool(c.disabled, `${at}.disabled`),
    trackMuted: bool(c.trackMuted, `${at}.trackMuted`),
  };
  if (c.startSeconds !== undefined) clip.startSeconds = num(c.startSeconds, `${at}.startSeconds`);
  if (c.endSeconds !== undefined) clip.endSeconds = num(c.endSeconds, `${at}.endSeconds`);
  return clip;
}

function arrangementRef(value: unknown, at: string): ArrangementRef {
  const r = object(value, at);
  return { index: int(r.index, `${at}.index`), name: text(r.name, `${at}.name`) };
}

function meter(value: unknown, at: string): Meter {
  const m = object(value, at);
  const numerator = int(m.numerator, `${at}.numerator`);
  const denominator = int(m.denominator, `${at}.denominator`);
  if (!(numerator >= 1 && numerator <= 1024 && denominator >= 1 && denominator <= 1024)) fail(`${at} is not a time signature`);
  return { numerator, denominator };
}

function warnings(value: unknown, at: string): Warning[] {
  return array(value, at).map((w, i) => {
    const o = object(w, `${at}[${i}]`);
    return { code: text(o.code, `${at}[${i}].code`), message: text(o.message, `${at}[${i}].message`) };
  });
}

function fail(why: string): never {
  throw new DawstampsError('invalid-project', `The stored project cannot be read: ${why}.`);
}

function object(v: unknown, at: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(`${at} is not an object`);
  return v as Record<string, unknown>;
}
function array(v: unknown, at: string): unknown[] {
  if (!Array.isArray(v)) fail(`${at} is not a list`);
  return v;
}
/** The largest magnitude of any position (beats or seconds): far past any set, and its times stay finite. */
const MAX_MAGNITUDE = 1e15;
/** The tempo range a stored project may hold (every reader's range lies inside it). */
const MIN_BPM = 0.01;
const MAX_BPM = 100_000;

function num(v: unknown, at: string): number {
  if (typeof v !== 'number' || !(Math.abs(v) <= MAX_MAGNITUDE)) fail(`${at} is not a number within ±${MAX_MAGNITUDE}`);
  return v;
}
function tempo(v: unknown, at: string): number {
  const n = num(v, at);
  if (!(n >= MIN_BPM && n <= MAX_BPM)) fail(`${at} is not a tempo from ${MIN_BPM} to ${MAX_BPM} BPM`);
  return n;
}
function count(list: readonly unknown[], limit: number, at: string, what: string): void {
  if (list.length > limit) fail(`${at} holds ${list.length} ${what}, more than the limit of ${limit}`);
}
function positive(v: unknown, at: string): number {
  const n = num(v, at);
  if (!(n > 0)) fail(`${at} is not above 0`);
  return n;
}
function int(v: unknown, at: string): number {
  const n = num(v, at);
  if (!Number.isSafeInteger(n)) fail(`${at} is not a whole number`);
  return n;
}
function text(v: unknown, at: string): string {
  if (typeof v !== 'string') fail(`${at} is not text`);
  return v;
}
function bool(v: unknown, at: string): boolean {
  if (typeof v !== 'boolean') fail(`${at} is not true or false`);
  return v;
}
function nullable<T>(v: unknown, at: string, read: (v: unknown, at: string) => T): T | null {
  return v === null ? null : read(v, at);
}
function oneOf<T extends string>(v: unknown, at: string, allowed: readonly T[]): T {
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) fail(`${at} is not one of ${allowed.join(', ')}`);
  return v as T;
}
