/**
 * The element paths a project.xml is read from, as extractor rules that fill a RawProject
 * (docs/dawproject.md#what-is-read). Only these paths are walked; the rest (devices, plug-in
 * states, notes, scenes…) is skipped unparsed.
 */
import { DawstampsError } from '../../errors';
import type { Limits } from '../../limits';
import { baseName } from '../../text/names';
import type { TagView, XmlElement, XmlRule } from '../../xml';
import { bool, num, tagNumber } from '../numbers';
import { HOLD, LINEAR, PointList, UNKNOWN, type RawClip, type RawMeterPoint, type RawProject, type TimeUnit } from './raw';

const ARRANGEMENT = 'Project/Arrangement';
/** How deep Lanes may nest inside the arrangement, and tracks inside tracks, and still be read. */
export const MAX_NESTING = 16;
/** How deep below a Clip its content is searched for the audio file (Clip/Clips/Clip/Warps/Audio/File is 5). */
const CONTENT_DEPTH = 8;

/** A timeline's scope: its unit and track, inherited by the timelines inside it. */
interface Scope {
  unit: TimeUnit;
  track: string | undefined;
}

function repeat(segment: string, n: number): string {
  return Array.from({ length: n }, () => segment).join('/');
}

/** The extractor rules that fill `raw`, enforcing the marker and breakpoint limits. */
export function collectRules(raw: RawProject, limits: Limits): XmlRule[] {
  const scopes: Scope[] = [{ unit: 'beats', track: undefined }];
  const trackStack: number[] = [];
  const content: Array<{ name: string; id: string | undefined }> = [];
  let clip: RawClip | null = null;
  let points: PointList | null = null;
  let meterPoints: RawMeterPoint[] | null = null;
  let breakpoints = 0;
  let clipCount = 0;

  /** A `timeUnit` attribute, else the enclosing scope's unit. */
  const unitOf = (value: string | undefined, inherited: TimeUnit): TimeUnit => {
    if (value === 'beats' || value === 'seconds') return value;
    if (value !== undefined) raw.counts.unknownTimeUnit++;
    return inherited;
  };
  const openScope = (e: XmlElement): void => {
    const outer = scopes.at(-1)!;
    scopes.push({ unit: unitOf(e.attrs['timeUnit'], outer.unit), track: e.attrs['track'] ?? outer.track });
  };
  const closeScope = (): void => void (scopes.length > 1 && scopes.pop());
  const breakpoint = (): void => {
    if (++breakpoints > limits.maxBreakpoints) {
      throw new DawstampsError('too-many-breakpoints', `The project holds more than ${limits.maxBreakpoints} tempo and time-signature points.`, { limit: limits.maxBreakpoints });
    }
  };
  const marker = (e: XmlElement, onLane: boolean): void => {
    const time = num(e.attrs['time']);
    if (time === undefined) {
      raw.counts.badMarkers++;
      return;
    }
    raw.markers.push({ at: { value: time, unit: scopes.at(-1)!.unit }, name: e.attrs['name'] ?? '', onLane });
    if (raw.markers.length > limits.maxMarkers) {
      throw new DawstampsError('too-many-markers', `The project holds more than ${limits.maxMarkers} markers.`, { limit: limits.maxMarkers });
    }
  };

  const rules: XmlRule[] = [
    { path: 'Project', onOpen: (e) => void (raw.formatVersion = e.attrs['version']) },
    { path: 'Project/Application', onOpen: (e) => void (raw.application ??= { name: e.attrs['name'], version: e.attrs['version'] }) },
    {
      path: 'Project/Transport/Tempo',
      onOpen: (e) => void (raw.tempo ??= { value: num(e.attrs['value']), unit: e.attrs['unit'], min: num(e.attrs['min']), max: num(e.attrs['max']) }),
    },
    {
      path: 'Project/Transport/TimeSignature',
      onOpen: (e) => void (raw.timeSignature ??= { numerator: num(e.attrs['numerator']), denominator: num(e.attrs['denominator']) }),
    },
    {
      path: `${ARRANGEMENT}/TempoAutomation`,
      onOpen: (e) => {
        if (raw.tempoAutomation) {
          raw.counts.extraTempoAutomation++;
          return;
        }
        points = new PointList();
        raw.tempoAutomation = { unit: unitOf(e.attrs['timeUnit'], 'beats'), valueUnit: e.attrs['unit'], points };
      },
      onClose: () => void (points = null),
    },
    {
      path: `${ARRANGEMENT}/TempoAutomation/RealPoint`,
      onTag: (t: TagView) => {
        if (!points) return;
        breakpoint();
        const time = tagNumber(t, 'time');
        const value = tagNumber(t, 'value');
        if (time !== time || value !== value) {
          raw.counts.badPoints++;
          return;
        }
        const how = t.string('interpolation');
        const interpolation = how === undefined || how === 'hold' ? HOLD : how === 'linear' ? LINEAR : UNKNOWN;
        if (interpolation === UNKNOWN) raw.counts.unknownInterpolation++;
        points.push(time, value, interpolation);
      },
    },
    {
      path: `${ARRANGEMENT}/TimeSignatureAutomation`,
      onOpen: (e) => {
        if (raw.meterAutomation) {
          raw.counts.extraMeterAutomation++;
          return;
        }
        meterPoints = [];
        raw.meterAutomation = { unit: unitOf(e.attrs['timeUnit'], 'beats'), points: meterPoints };
      },
      onClose: () => void (meterPoints = null),
    },
    {
      path: `${ARRANGEMENT}/TimeSignatureAutomation/TimeSignaturePoint`,
      onTag: (t: TagView) => {
        if (!meterPoints) return;
        breakpoint();
        const time = tagNumber(t, 'time');
        if (time !== time) raw.counts.badPoints++;
        else meterPoints.push({ time, numerator: tagNumber(t, 'numerator'), denominator: tagNumber(t, 'denominator') });
      },
    },
    // the arrangement's cue markers: a timeline of their own, beats unless it says otherwise
    { path: `${ARRANGEMENT}/Markers`, onOpen: openScope, onClose: closeScope },
    { path: `${ARRANGEMENT}/Markers/Marker`, onOpen: (e) => marker(e, false) },
  ];

  for (let depth = 1; depth <= MAX_NESTING; depth++) {
    const track = `Project/Structure/${repeat('Track', depth)}`;
    rules.push(
      {
        path: track,
        onOpen: (e) => {
          trackStack.push(raw.tracks.length);
          raw.tracks.push({ id: e.attrs['id'], name: e.attrs['name'] ?? '', parent: trackStack.at(-2) ?? -1, muted: false });
        },
        onClose: () => void trackStack.pop(),
      },
      { path: `${track}/Channel/Mute`, onOpen: (e) => void (trackStack.length > 0 && (raw.tracks[trackStack.at(-1)!]!.muted = bool(e.attrs['value']) === true)) },
    );

    const lanes = `${ARRANGEMENT}/${repeat('Lanes', depth)}`;
    const clipPath = `${lanes}/Clips/Clip`;
    rules.push(
      { path: lanes, onOpen: openScope, onClose: closeScope },
      { path: `${lanes}/Clips`, onOpen: openScope, onClose: closeScope },
      { path: `${lanes}/markers|Markers`, onOpen: openScope, onClose: closeScope },
      { path: `${lanes}/markers|Markers/Marker`, onOpen: (e) => marker(e, true) },
      {
        path: clipPath,
        onOpen: (e) => {
          if (++clipCount > limits.maxMarkers) {
            throw new DawstampsError('too-many-markers', `The arrangement holds more than ${limits.maxMarkers} clips.`, { limit: limits.maxMarkers });
          }
          const scope = scopes.at(-1)!;
          const a = e.attrs;
          clip = {
            time: num(a['time']),
            unit: scope.unit,
            duration: num(a['duration']),
            playStart: num(a['playStart']),
            playStop: num(a['playStop']),
            contentUnit: unitOf(a['contentTimeUnit'], scope.unit),
            fadeInTime: num(a['fadeInTime']),
            fadeUnit: unitOf(a['fadeTimeUnit'], scope.unit),
            enabled: bool(a['enable']) !== false,
            name: a['name'] ?? '',
            reference: a['reference'],
            trackId: scope.track,
            hasAudio: false,
            fileName: null,
          };
          raw.clips.push(clip);
          content.length = 0;
        },
        onClose: () => void (clip = null),
      },
    );
    // the clip's content at any of CONTENT_DEPTH levels: where its audio file is
    for (let level = 1; level <= CONTENT_DEPTH; level++) {
      rules.push({ path: `${clipPath}/${repeat('*', level)}`, onTag: (t) => contentTag(t), onClose: () => void content.pop() });
    }
  }
  // deeper nesting is not walked; count it so the reader can say so
  rules.push(
    { path: `Project/Structure/${repeat('Track', MAX_NESTING + 1)}`, onOpen: () => void raw.counts.tooDeep++ },
    { path: `${ARRANGEMENT}/${repeat('Lanes', MAX_NESTING + 1)}`, onOpen: () => void raw.counts.tooDeep++ },
  );

  /** An element inside a clip's content: Audio marks it as audio, Audio/File names its file. */
  function contentTag(t: TagView): void {
    const name = t.name;
    content.push({ name, id: t.string('id') });
    if (!clip) return;
    if (name === 'Audio') {
      clip.hasAudio = true;
      for (const c of content) if (c.id !== undefined && !raw.audioTimelines.has(c.id)) raw.audioTimelines.set(c.id, null);
    } else if (name === 'File' && content.at(-2)?.name === 'Audio') {
      const file = baseName(t.string('path'));
      if (file === null) return;
      clip.fileName ??= file;
      for (const c of content) if (c.id !== undefined && raw.audioTimelines.get(c.id) === null) raw.audioTimelines.set(c.id, file);
    }
  }

  return rules;
}
