/**
 * The element paths an Ableton set is read from, as extractor rules that fill a RawSet.
 * Only these LiveSet-level paths are walked; everything else is skipped unparsed.
 */
import { DawstampsError } from '../../errors';
import type { Limits } from '../../limits';
import { baseName } from '../../text/names';
import { valueAt, type TagView, type XmlNode, type XmlRule } from '../../xml';
import { bool, num, tagNumber } from '../numbers';
import { EventList, type RawClip, type RawParam, type RawSet, type RawTrack } from './raw';

const SET = 'Ableton/LiveSet';
const MASTER = `${SET}/MasterTrack|MainTrack`;
/** Live 10+: DeviceChain; Live 8: MasterChain. */
const MIXER = `${MASTER}/DeviceChain|MasterChain/Mixer`;
const ENVELOPE = `${MASTER}/AutomationEnvelopes/Envelopes/AutomationEnvelope`;
const TRACK = `${SET}/Tracks/*`;
const CLIP = `${SET}/Tracks/AudioTrack/DeviceChain/MainSequencer/Sample/ArrangerAutomation/Events/AudioClip`;
/** Arrangement MIDI clips (Live 8–12); only their end is read, for the set's end. */
const MIDI_CLIP = `${SET}/Tracks/MidiTrack/DeviceChain/MainSequencer/ClipTimeable/ArrangerAutomation/Events/MidiClip`;

/** An empty RawSet to be filled by `collectRules`. */
export function emptyRawSet(): RawSet {
  return { rootName: null, rootAttrs: {}, masterName: null, envelopes: [], tempo: null, timeSignature: null, locators: [], loop: null, tracks: [], midiEnd: -Infinity, badEvents: 0 };
}

/** The extractor rules that fill `raw`, enforcing the marker and breakpoint limits. */
export function collectRules(raw: RawSet, limits: Limits): XmlRule[] {
  let breakpoints = 0;
  let param: RawParam | null = null;
  let track: RawTrack | null = null;
  let clip: RawClip | null = null;

  /** One breakpoint, read straight from its start tag into `list`'s columns. */
  const event = (t: TagView, list: EventList): void => {
    if (++breakpoints > limits.maxBreakpoints) {
      throw new DawstampsError('too-many-breakpoints', `The master track holds more than ${limits.maxBreakpoints} automation points, more than dawstamps reads.`, { limit: limits.maxBreakpoints });
    }
    const time = tagNumber(t, 'Time');
    const value = t.name === 'BoolEvent' ? boolNumber(t.string('Value')) : tagNumber(t, 'Value');
    if (time !== time || value !== value) {
      raw.badEvents++;
      return;
    }
    list.push(time, value);
    const c1x = tagNumber(t, 'CurveControl1X');
    if (c1x === c1x) {
      const c1y = tagNumber(t, 'CurveControl1Y');
      const c2x = tagNumber(t, 'CurveControl2X');
      const c2y = tagNumber(t, 'CurveControl2Y');
      if (c1y === c1y && c2x === c2x && c2y === c2y) list.curveLast(c1x, c1y, c2x, c2y);
    }
  };
  let clipCount = 0;

  return [
    { path: MASTER, onOpen: (e) => void (raw.masterName ??= e.name) },
    { path: ENVELOPE, onOpen: () => void raw.envelopes.push({ pointeeId: null, events: new EventList() }) },
    { path: `${ENVELOPE}/EnvelopeTarget/PointeeId`, onOpen: (e) => void (raw.envelopes.at(-1)!.pointeeId = e.attrs['Value'] ?? null) },
    { path: `${ENVELOPE}/Automation/Events/*`, onTag: (t) => event(t, raw.envelopes.at(-1)!.events) },
    {
      path: `${MIXER}/Tempo|TimeSignature`,
      onOpen: (e) => {
        param = { manual: undefined, targetId: undefined, inline: new EventList() };
        if (e.name === 'Tempo') raw.tempo ??= param;
        else raw.timeSignature ??= param;
      },
      onClose: () => void (param = null),
    },
    { path: `${MIXER}/Tempo|TimeSignature/Manual`, onOpen: (e) => void (param && (param.manual = num(e.attrs['Value']))) },
    { path: `${MIXER}/Tempo|TimeSignature/AutomationTarget`, onOpen: (e) => void (param && (param.targetId = e.attrs['Id'])) },
    { path: `${MIXER}/Tempo|TimeSignature/ArrangerAutomation/Events/*`, onTag: (t) => void (param && event(t, param.inline)) },
    {
      path: `${SET}/Locators/Locators/Locator`,
      onTree: (n) => {
        raw.locators.push({ time: num(valueAt(n, 'Time')), name: valueAt(n, 'Name') ?? '', songStart: bool(valueAt(n, 'IsSongStart')) === true });
        if (raw.locators.length > limits.maxMarkers) {
          throw new DawstampsError('too-many-markers', `The set holds more than ${limits.maxMarkers} locators, more than dawstamps reads.`, { limit: limits.maxMarkers });
        }
      },
    },
    {
      path: `${SET}/Transport`,
      onTree: (n) => {
        raw.loop = { on: bool(valueAt(n, 'LoopOn')), start: num(valueAt(n, 'LoopStart')), length: num(valueAt(n, 'LoopLength')) };
      },
    },
    {
      path: TRACK,
      onOpen: (e) => {
        track = { index: raw.tracks.length, kind: e.name, id: e.attrs['Id'], groupId: undefined, name: '', speakerOn: undefined, clips: [] };
        raw.tracks.push(track);
      },
      onClose: () => void (track = null),
    },
    { path: `${TRACK}/Name`, onTree: (n) => void (track && (track.name = trackName(n))) },
    { path: `${TRACK}/TrackGroupId`, onOpen: (e) => void (track && (track.groupId = e.attrs['Value'])) },
    { path: `${TRACK}/DeviceChain/Mixer/Speaker/Manual`, onOpen: (e) => void (track && (track.speakerOn = bool(e.attrs['Value']))) },
    {
      // Live 8 has no Manual: the activator's state is its first automation event.
      path: `${TRACK}/DeviceChain/Mixer/Speaker/ArrangerAutomation/Events/BoolEvent`,
      onOpen: (e) => void (track && track.speakerOn === undefined && (track.speakerOn = bool(e.attrs['Value']))),
    },
    {
      path: CLIP,
      onOpen: (e) => {
        if (++clipCount > limits.maxMarkers) {
          throw new DawstampsError('too-many-markers', `The arrangement holds more than ${limits.maxMarkers} audio clips, more than dawstamps reads.`, { limit: limits.maxMarkers });
        }
        clip = { time: num(e.attrs['Time']), start: undefined, end: undefined, name: '', disabled: false, fileName: null };
        track?.clips.push(clip);
      },
      onClose: () => void (clip = null),
    },
    { path: `${CLIP}/CurrentStart`, onOpen: (e) => void (clip && (clip.start = num(e.attrs['Value']))) },
    { path: `${CLIP}/CurrentEnd`, onOpen: (e) => void (clip && (clip.end = num(e.attrs['Value']))) },
    { path: `${CLIP}/Name`, onOpen: (e) => void (clip && (clip.name = e.attrs['Value'] ?? '')) },
    { path: `${CLIP}/Disabled`, onOpen: (e) => void (clip && (clip.disabled = bool(e.attrs['Value']) === true)) },
    { path: `${CLIP}/SampleRef/FileRef`, onTree: (n) => void (clip && (clip.fileName = fileName(n))) },
    {
      // read in place: a running maximum, no object per clip (a set may hold thousands)
      path: `${MIDI_CLIP}/CurrentEnd`,
      onTag: (t) => {
        const end = tagNumber(t, 'Value');
        if (end > raw.midiEnd) raw.midiEnd = end;
      },
    },
  ];
}

/** A BoolEvent's value as 1/0, NaN when it is neither "true" nor "false". */
function boolNumber(value: string | undefined): number {
  const b = bool(value);
  return b === undefined ? NaN : Number(b);
}

/** The name Live shows: the user's name, else the effective (automatic) one. */
function trackName(n: XmlNode): string {
  const user = valueAt(n, 'UserName') ?? '';
  return user !== '' ? user : (valueAt(n, 'EffectiveName') ?? '');
}

/** The sample's file name without folders: Live 9 `Name`, Live 11+ `Path` / `RelativePath`. */
function fileName(fileRef: XmlNode): string | null {
  return baseName(valueAt(fileRef, 'Name') || valueAt(fileRef, 'Path') || valueAt(fileRef, 'RelativePath'));
}
