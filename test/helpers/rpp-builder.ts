/**
 * Builds REAPER .rpp projects for tests, in the layout REAPER saves (docs/reaper.md): the project
 * header with its nested configuration blocks, markers and regions, the tempo envelope, tracks
 * with plug-in chains (base64 state), volume envelopes, audio and MIDI items.
 *
 *   const bytes = rppBytes({
 *     markers: [{ name: 'Intro', seconds: 0 }], regions: [{ name: 'Drop', start: 60, end: 90 }],
 *     tempo: [{ seconds: 0, bpm: 120, shape: 0 }, { seconds: 30, bpm: 128, shape: 1 }],
 *     tracks: [{ name: 'Mix', items: [{ position: 0, length: 300, file: 'C:\\DJ\\01 Song.mp3' }] }],
 *   }, { crlf: true });
 */

export interface RppMarkerSpec {
  name: string;
  seconds: number;
  /** REAPER's marker number (default: 1, 2, … in order). */
  index?: number;
}

export interface RppRegionSpec {
  name: string;
  start: number;
  end: number;
  index?: number;
}

export interface RppTempoPointSpec {
  seconds: number;
  bpm: number;
  /** 0 linear, 1 square (the segment this point starts), -1 the envelope's DEFSHAPE. */
  shape: number;
  /** A time signature change at this point. */
  meter?: [number, number];
}

export interface RppTakeSpec {
  name?: string;
  file?: string;
  /** WAVE (default), MP3, FLAC, VORBIS, MIDI… */
  source?: string;
  /** Wraps the source in <SOURCE SECTION>, as a reversed or sectioned take is saved. */
  section?: boolean;
}

export interface RppItemSpec extends RppTakeSpec {
  position: number;
  length: number;
  muted?: boolean;
  /** More takes after the first (which is this spec itself); `active` picks the playing one (0 = the first). */
  takes?: RppTakeSpec[];
  active?: number;
}

export interface RppTrackSpec {
  name?: string;
  muted?: boolean;
  /** ISBUS: 1 opens a folder (this track is its parent), −n closes n folders after this track. */
  folder?: number;
  items?: RppItemSpec[];
  /** Plug-ins in the track's FX chain, each with a base64 state of this many bytes. */
  plugins?: number[];
}

export interface RppProjectSpec {
  /** The second field of the first line (default "7.14/win64"). */
  version?: string | null;
  bpm?: number | null;
  meter?: [number, number];
  markers?: RppMarkerSpec[];
  regions?: RppRegionSpec[];
  /** TEMPOENVEX points (none: no envelope points). */
  tempo?: RppTempoPointSpec[];
  /** DEFSHAPE of the tempo envelope (REAPER's default for it is 1, square). */
  defaultShape?: number;
  tracks?: RppTrackSpec[];
  selection?: [number, number];
  loop?: boolean;
  playRate?: number;
  notes?: string[];
  /** Lines added at the project level, after the header. */
  extra?: string[];
}

export interface RppOutput {
  crlf?: boolean;
  bom?: boolean;
}

/** A position as REAPER writes it (14 decimals). */
export function fmt(x: number): string {
  return x.toFixed(14);
}

/** A string token as REAPER writes it: bare when it can be, else quoted with a character it lacks. */
export function quote(text: string): string {
  if (text !== '' && !/[\s"'`]/.test(text)) return text;
  const q = ['"', "'", '`'].find((c) => !text.includes(c)) ?? '"';
  return `${q}${text}${q}`;
}

/** Deterministic base64 text of `bytes` bytes (a plug-in state), in lines of `width` characters. */
export function base64Lines(bytes: number, seed: number, width = 128): string[] {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const chars = Math.ceil(bytes / 3) * 4;
  let s = seed >>> 0 || 1;
  let text = '';
  for (let i = 0; i < chars; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    text += alphabet[(s >>> 16) & 63];
  }
  const lines: string[] = [];
  for (let at = 0; at < text.length; at += width) lines.push(text.slice(at, at + width));
  if (lines.length > 0) lines[lines.length - 1] = lines[lines.length - 1]!.replace(/..$/, '==');
  return lines;
}

function block(head: string, body: string[], indent: string): string[] {
  return [`${indent}<${head}`, ...body.map((l) => `${indent}  ${l}`), `${indent}>`];
}

function header(p: RppProjectSpec): string[] {
  const [num, den] = p.meter ?? [4, 4];
  const lines = [
    ...block('NOTES 0 2', (p.notes ?? ['Mix notes: <not a block> and "quotes"']).map((n) => `|${n}`), ''),
    'RIPPLE 0 0', 'GROUPOVERRIDE 0 0 0', 'AUTOXFADE 129', 'ENVATTACH 3', 'POOLEDENVATTACH 0', 'MIXERUIFLAGS 11 48',
    'PEAKGAIN 1', 'FEEDBACK 0', 'PANLAW 1', 'PROJOFFS 0 0 0', 'MAXPROJLEN 0 0', 'GRID 3199 8 1 8 1 0 0 0',
    'TIMEMODE 1 5 -1 30 0 0 -1', 'VIDEO_CONFIG 0 0 256', 'PANMODE 3', 'CURSOR 0', 'ZOOM 100 0 0', 'VZOOMEX 6 0',
    'USE_REC_CFG 0', 'RECMODE 1', 'SMPTESYNC 0 30 100 40 1000 300 0 0 1 0 0', `LOOP ${p.loop ? 1 : 0}`, 'LOOPGRAN 0 4',
    'RECORD_PATH "Media" ""',
    ...block('RECORD_CFG', ['ZXZhdxgAAQ=='], ''),
    ...block('APPLYFX_CFG', [], ''),
    'RENDER_FILE ""', 'RENDER_PATTERN ""', 'RENDER_FMT 0 2 0', 'RENDER_1X 0', 'RENDER_RANGE 1 0 0 18 1000',
    'TIMELOCKMODE 1', 'TEMPOENVLOCKMODE 1', 'ITEMMIX 1', 'DEFPITCHMODE 589824 0', 'TAKELANE 1', 'SAMPLERATE 44100 0 0',
    ...block('RENDER_CFG', ['ZXZhdxgAAQ=='], ''),
    'LOCK 1',
    ...block('METRONOME 6 2', ['VOL 0.25 0.125', 'BEATLEN 4', 'FREQ 1760 880 1', 'SAMPLES "" "" "" ""', 'PATTERN 0 169', 'PATTERNSTR ABBB', 'MULT 1'], ''),
    'GLOBAL_AUTO -1',
  ];
  if (p.bpm !== null) lines.push(`TEMPO ${p.bpm ?? 120} ${num} ${den} 0`);
  const [a, b] = p.selection ?? [0, 0];
  lines.push(`PLAYRATE ${p.playRate ?? 1} 0 0.25 4`, `SELECTION ${fmt(a)} ${fmt(b)}`, `SELECTION2 ${fmt(a)} ${fmt(b)}`);
  lines.push('MASTERAUTOMODE 0', 'MASTERTRACKHEIGHT 0 0', 'MASTERPEAKCOL 16576', 'MASTERMUTESOLO 0', 'MASTER_NCH 2 2', 'MASTER_VOLUME 1 0 -1 -1 1', 'MASTER_FX 1', 'MASTER_SEL 0');
  return lines;
}

function markerLines(p: RppProjectSpec): string[] {
  type Line = { at: number; order: number; text: string };
  const lines: Line[] = [];
  (p.markers ?? []).forEach((m, i) => {
    lines.push({ at: m.seconds, order: lines.length, text: `MARKER ${m.index ?? i + 1} ${fmt(m.seconds)} ${quote(m.name)} 0 0 1 B {8C98${String(i).padStart(4, '0')}-0000-4000-8000-000000000000} 0` });
  });
  (p.regions ?? []).forEach((r, i) => {
    const index = r.index ?? i + 1;
    lines.push({ at: r.start, order: lines.length, text: `MARKER ${index} ${fmt(r.start)} ${quote(r.name)} 1 0 1 R {AFD8${String(i).padStart(4, '0')}-0000-4000-8000-000000000000} 0` });
    lines.push({ at: r.end, order: lines.length, text: `MARKER ${index} ${fmt(r.end)} "" 1` });
  });
  // REAPER saves markers and region ends in time order
  return lines.sort((x, y) => x.at - y.at || x.order - y.order).map((l) => l.text);
}

function tempoEnvelope(p: RppProjectSpec): string[] {
  const points = (p.tempo ?? []).map((t) => {
    const base = `PT ${fmt(t.seconds)} ${t.bpm.toFixed(10)} ${t.shape}`;
    if (!t.meter) return base;
    return `${base} ${65536 * t.meter[1] + t.meter[0]} 0 1`;
  });
  return block('TEMPOENVEX', ['EGUID {EEF37424-61FB-452B-89FE-A73CFF41619F}', 'ACT 1 -1', 'VIS 1 0 1', 'LANEHEIGHT 0 0', 'ARM 0', `DEFSHAPE ${p.defaultShape ?? 1} -1 -1`, ...points], '');
}

function source(take: RppTakeSpec, i: number): string[] {
  const type = take.source ?? 'WAVE';
  let inner: string[];
  if (type === 'MIDI') {
    inner = block('SOURCE MIDI', ['HASDATA 1 960 QN', 'E 0 90 3c 60', 'E 480 80 3c 00', ...block('X 0 0', ['8AF3Aw==', '/w=='], ''), 'E 480 b0 7b 00', 'CCINTERP 32', 'GUID {11111111-2222-3333-4444-555555555555}'], '');
  } else {
    inner = block(`SOURCE ${type}`, [`FILE ${quote(take.file ?? `C:\\Media\\take-${i}.wav`)} 1`], '');
  }
  return take.section ? block('SOURCE SECTION', ['LENGTH 10', 'MODE 3', 'STARTPOS 0', 'OVERLAP 0.01', ...inner], '') : inner;
}

function takeLines(take: RppTakeSpec, i: number): string[] {
  return [`NAME ${quote(take.name ?? '')}`, 'VOLPAN 1 0 1 -1', 'SOFFS 0', 'PLAYRATE 1 1 0 -1 0 0.0025', 'CHANMODE 0', `GUID {${String(i).padStart(8, '0')}-AAAA-4000-8000-000000000000}`, ...source(take, i)];
}

function item(it: RppItemSpec, i: number): string[] {
  const body = [
    `POSITION ${fmt(it.position)}`, 'SNAPOFFS 0', `LENGTH ${fmt(it.length)}`, 'LOOP 0', 'ALLTAKES 0', 'FADEIN 1 0.01 0 1 0 0 0', 'FADEOUT 1 0.01 0 1 0 0 0',
    `MUTE ${it.muted ? 1 : 0} 0`, 'SEL 0', `IGUID {${String(i).padStart(8, '0')}-BBBB-4000-8000-000000000000}`, 'IID 1',
    ...takeLines(it, i),
  ];
  (it.takes ?? []).forEach((take, k) => {
    body.push(it.active === k + 1 ? 'TAKE SEL' : 'TAKE', ...takeLines(take, i * 10 + k + 1).map((l) => `  ${l}`));
  });
  return block('ITEM', body, '');
}

function track(t: RppTrackSpec, i: number): string[] {
  const fx = (t.plugins ?? []).flatMap((bytes, k) => [
    'BYPASS 0 0 0',
    ...block(`VST "VST3: Pro-Q 3 (FabFilter)" "FabFilter Pro-Q 3.vst3" 0 "" ${1000 + k}{72C4DB717A4D459AB97E51745D84B39D} ""`, base64Lines(bytes, i * 31 + k + 1), ''),
    'FLOATPOS 0 0 0 0', `FXID {${String(k).padStart(8, '0')}-CCCC-4000-8000-000000000000}`, 'WAK 0 0',
  ]);
  const body = [
    `NAME ${quote(t.name ?? '')}`, 'PEAKCOL 16576', 'BEAT -1', 'AUTOMODE 0', 'VOLPAN 1 0 -1 -1 1', `MUTESOLO ${t.muted ? 1 : 0} 0 0`, 'IPHASE 0', 'PLAYOFFS 0 1',
    `ISBUS ${t.folder === undefined || t.folder === 0 ? 0 : t.folder > 0 ? 1 : 2} ${t.folder ?? 0}`, 'BUSCOMP 0 0 0 0 0', 'SHOWINMIX 1 0.6667 0.5 1 0.5 0 0 0',
    'SEL 0', 'REC 0 0 1 0 0 0 0 0', 'VU 2', 'TRACKHEIGHT 0 0 0 0 0 0 0', 'INQ 0 0 0 0.5 100 0 0 100', 'NCHAN 2', 'FX 1',
    `TRACKID {${String(i).padStart(8, '0')}-DDDD-4000-8000-000000000000}`, 'PERF 0', 'MIDIOUT -1', 'MAINSEND 1 0',
    ...block('VOLENV2', ['EGUID {5F3D0000-0000-4000-8000-000000000000}', 'ACT 1 -1', 'VIS 1 1 1', 'LANEHEIGHT 0 0', 'ARM 1', 'DEFSHAPE 0 -1 -1', 'VOLTYPE 1', 'PT 0 1 0', 'PT 12.5 0.5 0', 'PT 30 1 0'], ''),
    ...(fx.length > 0 ? block('FXCHAIN', ['WNDRECT 24 52 655 408', 'SHOW 0', 'LASTSEL 0', 'DOCKED 0', ...fx], '') : []),
    ...(t.items ?? []).flatMap((it, k) => item(it, i * 100 + k)),
  ];
  return block(`TRACK {${String(i).padStart(8, '0')}-EEEE-4000-8000-000000000000}`, body, '');
}

/** The project as text (LF line ends; `rppBytes` for CRLF, BOM and bytes). */
export function rppText(p: RppProjectSpec = {}): string {
  const version = p.version === undefined ? '7.14/win64' : p.version;
  const first = version === null ? '<REAPER_PROJECT 0.1' : `<REAPER_PROJECT 0.1 "${version}" 1700000000 0`;
  const body = [
    ...header(p),
    ...(p.extra ?? []),
    ...markerLines(p),
    ...block('MASTERPLAYSPEEDENV', ['EGUID {A91547DB-BB6A-430A-89AE-24BA6298F8A2}', 'ACT 0 -1', 'VIS 0 1 1', 'LANEHEIGHT 0 0', 'ARM 0', 'DEFSHAPE 0 -1 -1'], ''),
    ...tempoEnvelope(p),
    ...block('PROJBAY', [], ''),
    ...(p.tracks ?? []).flatMap((t, i) => track(t, i)),
    ...block('EXTENSIONS', [], ''),
  ];
  return [first, ...body.map((l) => `  ${l}`), '>', ''].join('\n');
}

/** The project as bytes: UTF-8, optionally with CRLF line ends and a BOM. */
export function rppBytes(p: RppProjectSpec = {}, out: RppOutput = {}): Uint8Array {
  let text = rppText(p);
  if (out.crlf) text = text.replace(/\n/g, '\r\n');
  const bytes = new TextEncoder().encode(text);
  if (!out.bom) return bytes;
  const withBom = new Uint8Array(bytes.length + 3);
  withBom.set([0xef, 0xbb, 0xbf]);
  withBom.set(bytes, 3);
  return withBom;
}

/** The bytes as a stream of pieces of the given sizes (cycled), to split inside lines and CRLF pairs. */
export async function* inPieces(bytes: Uint8Array, sizes: readonly number[]): AsyncGenerator<Uint8Array> {
  let at = 0;
  for (let k = 0; at < bytes.length; k++) {
    const size = Math.max(1, sizes[k % sizes.length]!);
    yield bytes.slice(at, at + size);
    at += size;
  }
}

/** A realistic DJ-mix project: regions per song, a tempo ramp, one mix track with plug-ins and songs. */
export function mixProject(): RppProjectSpec {
  return {
    bpm: 122,
    meter: [4, 4],
    markers: [{ name: 'Intro', seconds: 0 }, { name: 'Bicep – Glue', seconds: 95.25 }, { name: 'Floating Points "LesAlpx"', seconds: 301.5 }],
    regions: [{ name: "Ending 'live' edit", start: 420, end: 480.125 }],
    tempo: [
      { seconds: 0, bpm: 122, shape: 1, meter: [4, 4] },
      { seconds: 60, bpm: 122, shape: 0 },
      { seconds: 120, bpm: 128, shape: 1 },
      { seconds: 300, bpm: 126, shape: 1, meter: [7, 8] },
    ],
    tracks: [
      { name: 'Mix bus', folder: 1, plugins: [40_000, 3000] },
      {
        name: 'Decks',
        folder: -1,
        items: [
          { position: 0, length: 100, name: 'Intro.wav', file: 'C:\\DJ\\Intro.wav' },
          { position: 95.25, length: 210, name: '01. Bicep - Glue (Original Mix).mp3', file: '/Users/dj/Music/01. Bicep - Glue (Original Mix).mp3', source: 'MP3' },
          { position: 301.5, length: 180, name: 'LesAlpx', file: 'D:\\Muzyka\\Zażółć gęślą jaźń.flac', source: 'FLAC', section: true },
        ],
      },
      { name: 'MIDI sketch', items: [{ position: 10, length: 8, name: 'Chords', source: 'MIDI' }] },
    ],
    selection: [95.25, 301.5],
  };
}
