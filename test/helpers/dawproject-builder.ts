/**
 * Hand-built DAWproject files for tests: a project.xml following Project.xsd (bitwig/dawproject,
 * the layout of the README's Bitwig Studio 5.0 example), zipped in memory with metadata.xml and
 * the audio files it names (test/helpers/zip-writer.ts).
 *
 *   buildDawproject({ tempo: 120, markers: { markers: [{ time: 8, name: 'Intro' }] } })
 *   buildDawproject(spec, { extra: [{ name: 'audio/huge.wav', deflated: bomb }] })
 *   projectXml(spec)                                                       // the XML text
 *
 * Everything not asked for is left out, except what a real file always has around the elements
 * the reader wants (Structure tracks with channels, devices, notes, scenes).
 */
import { zip, type ZipEntrySpec } from './zip-writer';

export type TimeUnit = 'beats' | 'seconds';

export interface TempoPointSpec {
  time: number;
  value: number;
  /** hold (the format's default when absent) or linear; anything else is written as given. */
  interpolation?: string;
}

export interface MarkerSpec {
  time: number;
  name: string;
  color?: string;
}

export interface TrackSpec {
  id: string;
  name: string;
  muted?: boolean;
  /** Tracks inside this one (a group: contentType="tracks"). */
  tracks?: TrackSpec[];
}

export interface AudioSpec {
  /** The file's path in the archive ("audio/Song.wav"). */
  path: string;
  /**
   * Where the Audio sits in the clip: 'bitwig' = Clips/Clip/Warps/Audio (Bitwig Studio's audio
   * clips, a timeline of audio events), 'warps' = Warps/Audio, 'plain' = the Audio itself.
   */
  layout?: 'bitwig' | 'warps' | 'plain';
  /** An id on the content timeline, for linked clips to refer to. */
  id?: string;
  /** The file's length in seconds. */
  seconds?: number;
}

export interface ClipSpec {
  time: number;
  duration?: number;
  name?: string;
  enable?: boolean;
  playStart?: number;
  playStop?: number;
  contentTimeUnit?: TimeUnit;
  fadeInTime?: number;
  fadeTimeUnit?: TimeUnit;
  audio?: AudioSpec;
  /** A note clip with this many notes instead of audio. */
  notes?: number;
  /** A linked clip: the id of the timeline it plays. */
  reference?: string;
}

export interface ClipsSpec {
  kind: 'clips';
  timeUnit?: TimeUnit;
  track?: string;
  clips: ClipSpec[];
}

/** A `markers` timeline inside the lanes (the schema's lower-case element). */
export interface LaneMarkersSpec {
  kind: 'markers';
  timeUnit?: TimeUnit;
  markers: MarkerSpec[];
}

export interface LanesSpec {
  kind: 'lanes';
  timeUnit?: TimeUnit;
  track?: string;
  children: Array<LanesSpec | ClipsSpec | LaneMarkersSpec>;
}

export interface DawprojectSpec {
  /** The root's format version (default "1.0"). */
  formatVersion?: string;
  /** null: no Application element. */
  application?: { name: string; version: string } | null;
  /** The Transport tempo in BPM; null: no Tempo element. */
  tempo?: number | null;
  timeSignature?: { numerator: number; denominator: number } | null;
  tempoAutomation?: { timeUnit?: TimeUnit; unit?: string; points: TempoPointSpec[] };
  meterAutomation?: { timeUnit?: TimeUnit; points: Array<{ time: number; numerator: number; denominator: number }> };
  markers?: { timeUnit?: TimeUnit; markers: MarkerSpec[] };
  tracks?: TrackSpec[];
  /** The arrangement's lanes (default: none). */
  lanes?: LanesSpec;
  /** Raw text right after the XML declaration (a DOCTYPE, a comment). */
  prolog?: string;
}

export const BITWIG = { name: 'Bitwig Studio', version: '5.0' } as const;

/** Escapes text for an attribute value in double quotes. */
export function attr(value: string | number): string {
  return String(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;').replace(/\n/g, '&#10;');
}

/** ` name="value"` for each defined value. */
function attrs(values: Record<string, string | number | boolean | undefined>): string {
  return Object.entries(values)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${attr(String(v))}"`)
    .join('');
}

let ids = 0;
const nextId = (): string => `gen${++ids}`;

function trackXml(t: TrackSpec, indent: string): string {
  const children = (t.tracks ?? []).map((c) => trackXml(c, `${indent}  `)).join('');
  return `${indent}<Track contentType="${t.tracks ? 'tracks' : 'audio'}" loaded="true" id="${attr(t.id)}" name="${attr(t.name)}" color="#b53bba">
${indent}  <Channel audioChannels="2" role="${t.tracks ? 'submix' : 'regular'}" solo="false" id="${nextId()}">
${indent}    <Devices><Vst3Plugin deviceName="EQ" deviceRole="audioFX" loaded="true" id="${nextId()}" name="EQ"><Parameters/><Enabled value="true" id="${nextId()}" name="On/Off"/><State path="plugins/eq.vstpreset"/></Vst3Plugin></Devices>
${indent}    <Mute value="${t.muted === true}" id="${nextId()}" name="Mute"/>
${indent}    <Pan max="1.000000" min="0.000000" unit="normalized" value="0.500000" id="${nextId()}" name="Pan"/>
${indent}    <Volume max="2.000000" min="0.000000" unit="linear" value="0.659140" id="${nextId()}" name="Volume"/>
${indent}  </Channel>
${children}${indent}</Track>
`;
}

function audioXml(a: AudioSpec, c: ClipSpec): string {
  const seconds = a.seconds ?? 180;
  const audioXmlOf = (id: string): string => `<Audio algorithm="stretch" channels="2" duration="${seconds}" sampleRate="48000" id="${attr(id)}"><File path="${attr(a.path)}"/></Audio>`;
  const audio = audioXmlOf(nextId());
  const length = c.duration ?? 8;
  const warps = (id?: string): string => `<Warps contentTimeUnit="seconds" timeUnit="beats"${attrs({ id })}>${audio}<Warp time="0.0" contentTime="0.0"/><Warp time="${length}" contentTime="${seconds}"/></Warps>`;
  switch (a.layout ?? 'bitwig') {
    case 'plain':
      return audioXmlOf(a.id ?? nextId());
    case 'warps':
      return warps(a.id);
    default:
      return `<Clips${attrs({ id: a.id ?? nextId() })}><Clip time="0.0" duration="${length}" contentTimeUnit="beats" playStart="0.0">${warps()}</Clip></Clips>`;
  }
}

function clipXml(c: ClipSpec): string {
  const head = `<Clip${attrs({
    time: c.time,
    duration: c.duration,
    contentTimeUnit: c.contentTimeUnit,
    playStart: c.playStart,
    playStop: c.playStop,
    fadeTimeUnit: c.fadeTimeUnit,
    fadeInTime: c.fadeInTime,
    enable: c.enable,
    name: c.name,
    reference: c.reference,
  })}`;
  let content = '';
  if (c.audio) content = audioXml(c.audio, c);
  else if (c.notes !== undefined) {
    const notes = Array.from({ length: c.notes }, (_, i) => `<Note time="${i * 0.5}" duration="0.25" channel="0" key="${60 + (i % 12)}" vel="0.78" rel="0.78"/>`).join('');
    content = `<Notes id="${nextId()}">${notes}</Notes>`;
  }
  return content === '' ? `${head}/>` : `${head}>${content}</Clip>`;
}

function markerXml(m: MarkerSpec): string {
  return `<Marker${attrs({ time: m.time, name: m.name, color: m.color ?? '#ff0000' })}/>`;
}

function lanesXml(l: LanesSpec | ClipsSpec | LaneMarkersSpec, indent: string): string {
  if (l.kind === 'clips') {
    return `${indent}<Clips${attrs({ timeUnit: l.timeUnit, track: l.track, id: nextId() })}>${l.clips.map(clipXml).join('')}</Clips>\n`;
  }
  if (l.kind === 'markers') return `${indent}<markers${attrs({ timeUnit: l.timeUnit, id: nextId() })}>${l.markers.map(markerXml).join('')}</markers>\n`;
  const inner = l.children.map((c) => lanesXml(c, `${indent}  `)).join('');
  return `${indent}<Lanes${attrs({ timeUnit: l.timeUnit, track: l.track, id: nextId() })}>\n${inner}${indent}</Lanes>\n`;
}

/** The project.xml text for a spec. */
export function projectXml(spec: DawprojectSpec): string {
  ids = 0; // the same spec gives the same text
  const app = spec.application === undefined ? BITWIG : spec.application;
  const tempo = spec.tempo === undefined ? 120 : spec.tempo;
  const ts = spec.timeSignature === undefined ? { numerator: 4, denominator: 4 } : spec.timeSignature;
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'];
  if (spec.prolog) out.push(spec.prolog, '\n');
  out.push(`<Project version="${attr(spec.formatVersion ?? '1.0')}">\n`);
  if (app) out.push(`  <Application name="${attr(app.name)}" version="${attr(app.version)}"/>\n`);
  out.push('  <Transport>\n');
  if (tempo !== null) out.push(`    <Tempo max="666.000000" min="20.000000" unit="bpm" value="${tempo}" id="tempo" name="Tempo"/>\n`);
  if (ts) out.push(`    <TimeSignature denominator="${ts.denominator}" numerator="${ts.numerator}" id="ts"/>\n`);
  out.push('  </Transport>\n  <Structure>\n');
  for (const t of spec.tracks ?? []) out.push(trackXml(t, '    '));
  out.push('    <Track contentType="audio notes" loaded="true" id="master" name="Master"><Channel audioChannels="2" role="master" solo="false" id="masterch"><Mute value="false" id="mastermute" name="Mute"/></Channel></Track>\n');
  out.push('  </Structure>\n  <Arrangement id="arr">\n');
  if (spec.lanes) out.push(lanesXml(spec.lanes, '    '));
  if (spec.markers) out.push(`    <Markers${attrs({ timeUnit: spec.markers.timeUnit, id: 'markers' })}>${spec.markers.markers.map(markerXml).join('')}</Markers>\n`);
  if (spec.tempoAutomation) {
    const a = spec.tempoAutomation;
    const points = a.points.map((p) => `<RealPoint${attrs({ time: p.time, value: p.value, interpolation: p.interpolation })}/>`).join('');
    out.push(`    <TempoAutomation${attrs({ timeUnit: a.timeUnit, unit: a.unit ?? 'bpm', id: 'tempoauto' })}><Target parameter="tempo"/>${points}</TempoAutomation>\n`);
  }
  if (spec.meterAutomation) {
    const a = spec.meterAutomation;
    const points = a.points.map((p) => `<TimeSignaturePoint${attrs({ time: p.time, numerator: p.numerator, denominator: p.denominator })}/>`).join('');
    out.push(`    <TimeSignatureAutomation${attrs({ timeUnit: a.timeUnit, id: 'tsauto' })}><Target parameter="ts"/>${points}</TimeSignatureAutomation>\n`);
  }
  out.push('  </Arrangement>\n  <Scenes/>\n</Project>\n');
  return out.join('');
}

export interface BuildOptions {
  /** Entries put in the archive after metadata.xml and before project.xml (audio, plug-in states…). */
  extra?: ZipEntrySpec[];
  /** How project.xml is stored: 8 deflated (default) or 0 stored. */
  method?: 0 | 8;
  /** Write data descriptors, as Java's ZipOutputStream does. */
  descriptor?: boolean;
  /** The project.xml text to zip instead of the spec's. */
  xml?: string;
}

const METADATA = '<?xml version="1.0" encoding="UTF-8"?>\n<MetaData><Title>Test mix</Title><Artist>dawstamps</Artist></MetaData>\n';

/** The .dawproject bytes: metadata.xml, each audio file the clips name (a few stored bytes), extra entries, project.xml. */
export function buildDawproject(spec: DawprojectSpec, options: BuildOptions = {}): Uint8Array {
  const audio = new Set<string>();
  const walk = (l: LanesSpec | ClipsSpec | LaneMarkersSpec): void => {
    if (l.kind === 'lanes') l.children.forEach(walk);
    // a file inside the archive; absolute paths name files outside it (FileReference external="true")
    else if (l.kind === 'clips') for (const c of l.clips) if (c.audio && !/^([a-z]:|[\\/])/i.test(c.audio.path)) audio.add(c.audio.path);
  };
  if (spec.lanes) walk(spec.lanes);
  const entries: ZipEntrySpec[] = [
    { name: 'metadata.xml', data: METADATA, descriptor: options.descriptor },
    ...[...audio].map((path): ZipEntrySpec => ({ name: path, data: 'RIFF....WAVE', method: 0 })),
    ...(options.extra ?? []),
    { name: 'project.xml', data: options.xml ?? projectXml(spec), method: options.method ?? 8, descriptor: options.descriptor },
  ];
  return zip(entries);
}

/** One audio track with one clip per song, back to back, as a DJ mix is laid out (times in beats). */
export function mixSpec(songs: Array<{ name: string; file: string; beats: number }>, base: DawprojectSpec = {}): DawprojectSpec {
  let at = 0;
  const clips = songs.map((s): ClipSpec => {
    const clip = { time: at, duration: s.beats, name: s.name, audio: { path: `audio/${s.file}` } };
    at += s.beats;
    return clip;
  });
  return {
    ...base,
    tracks: [{ id: 'deck', name: 'Deck A' }],
    lanes: { kind: 'lanes', timeUnit: 'beats', children: [{ kind: 'lanes', track: 'deck', children: [{ kind: 'clips', clips }] }] },
  };
}
