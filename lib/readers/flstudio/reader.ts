import { DawstampsError, isDawstampsError } from '../../errors';
import type { ArrangementRef, Meter, Project, Timeline, Warning } from '../../model';
import { TempoColumns } from '../../tempo/columns';
import type { Reader, ReadOptions } from '../types';
import { warning } from '../warning';
import { listArrangements } from './arrangements';
import { readAudioClips } from './audio-clips';
import { hasFlpMagic, readContainer } from './container';
import { buildMarkers, flShowsMeter } from './markers';
import { readPlaylist } from './playlist';
import { type FlpScan, type RawArrangement, scanEvents } from './scan';
import { readTempoClips } from './tempo-clips';
import { buildTempoEnvelope } from './tempo-envelope';
import { decodeText, decodeVersion, textIsUtf16, versionParts } from './text';
import type { PlaylistItem } from './tokens';

/** FL Studio projects step tempo automation every 1/128 beat (docs/timing.md). */
export const FL_TEMPO_STEP = 1 / 128;
const FL_DEFAULT_BPM = 140;

/** Reads an .flp into the common project model. */
export function readFlp(bytes: Uint8Array, options: ReadOptions): Project {
  const container = readContainer(bytes);
  const { ppq } = container;
  const scan = scanEvents(bytes, container, options.limits);
  const warnings: Warning[] = [...scan.warnings];
  const version = decodeVersion(bytes, scan.version);
  const parts = versionParts(version);
  const sample = scan.arrangements[0]?.name ?? scan.arrangements[0]?.markers[0]?.name ?? scan.preamble.markers[0]?.name ?? null;
  const utf16 = textIsUtf16(parts, bytes, sample);
  const text = (s: Parameters<typeof decodeText>[1]): string => decodeText(bytes, s, utf16);

  const meter = readMeter(scan, warnings);
  const staticBpm = readStaticTempo(scan, warnings);
  const arrangements = listArrangements(scan.arrangements, scan.arrangements.map((a) => text(a.name)), scan.currentArrangement, scan.preamble, warnings);
  const tempoClips = readTempoClips(bytes, scan, options.limits);
  const timelines = arrangements.list.map(({ raw, ref }, i): Timeline => {
    try {
      return readTimeline(raw, ref);
    } catch (e) {
      // Only the default arrangement must read; another one that does not fails when it is chosen.
      if (i === arrangements.defaultIndex || !isDawstampsError(e)) throw e;
      return { ...emptyTimeline(ref, meter), error: { code: e.code, message: e.message } };
    }
  });

  /** One arrangement's markers, playlist (tempo automation, audio clips) and end. */
  function readTimeline(raw: RawArrangement, ref: ArrangementRef | null): Timeline {
    const local: Warning[] = [];
    const { markers, meterChanges, songStartBeat } = buildMarkers(raw.markers, raw.markers.map((m) => text(m.name)), ppq, meter, local);
    if (!markers.some((m) => m.tracklist)) {
      const where = ref ? `The arrangement "${ref.name}"` : 'The project';
      local.push(warning('no-tracklist-markers', `${where} has no markers (only special ones such as start or loop markers, or none), so the tracklist is empty: add a marker at each song, or take the tracklist from the audio clips (--source clips).`));
    }
    const items = readPlaylist(bytes, raw.playlist, parts, tempoClips.size > 0, local);
    const tempo = TempoColumns.of(buildTempoEnvelope(items, tempoClips, ppq, options.limits, local));
    const clips = readAudioClips(bytes, container, items, text, options.limits, local);
    if (clips.length === 0) local.push(warning('no-clips', 'The playlist has no audio clips, so there is no tracklist from clips.'));
    return { arrangement: ref, tempo, meter, meterChanges, markers, clips, songStartBeat, loop: null, endBeat: lastItemEnd(items, ppq), warnings: local };
  }

  return {
    daw: 'flstudio',
    version,
    application: version === null ? 'FL Studio' : `FL Studio ${version}`,
    staticBpm,
    tempoStep: FL_TEMPO_STEP,
    autoTiming: { model: 'stepped', reason: 'FL Studio plays tempo automation in steps of 1/128 beat.' },
    tracklist: { markers: 'markers', clipsWhenNoMarkers: false },
    timelines,
    defaultTimeline: arrangements.defaultIndex,
    warnings,
  };
}

/**
 * Where the song ends: the end of the last playlist item of any kind (pattern, audio or automation
 * clip, muted or not), as FL's song length counts it (docs/flstudio.md#audio-clips); null without items.
 */
function lastItemEnd(items: readonly PlaylistItem[], ppq: number): number | null {
  let end = -1;
  for (const item of items) if (item.position + item.length > end) end = item.position + item.length;
  return end < 0 ? null : end / ppq;
}

function emptyTimeline(ref: ArrangementRef | null, meter: Meter): Timeline {
  return { arrangement: ref, tempo: TempoColumns.empty(), meter, meterChanges: [], markers: [], clips: [], songStartBeat: null, loop: null, endBeat: null, warnings: [] };
}

function readStaticTempo(scan: FlpScan, warnings: Warning[]): number {
  let bpm: number | null = null;
  let offset = 0;
  if (scan.tempo) {
    bpm = scan.tempo.value / 1000;
    offset = scan.tempo.offset;
  } else if (scan.tempoCoarse) {
    bpm = scan.tempoCoarse.value + (scan.tempoFine ?? 0) / 1000;
    offset = scan.tempoCoarse.offset;
  }
  if (bpm === null) {
    warnings.push(warning('flp-tempo-missing', `The project does not say its tempo, so FL Studio's default ${FL_DEFAULT_BPM} BPM is used.`));
    return FL_DEFAULT_BPM;
  }
  if (bpm < 10 || bpm > 522) {
    throw new DawstampsError('corrupt-file', `The project is damaged: its tempo reads ${bpm} BPM, which FL Studio cannot have (10–522 BPM).`, { offset, detail: `tempo event at byte ${offset}` });
  }
  return bpm;
}

function readMeter(scan: FlpScan, warnings: Warning[]): Meter {
  const { meterNumerator: n, meterDenominator: d } = scan;
  if (n === null && d === null) return { numerator: 4, denominator: 4 };
  if (flShowsMeter(n, d)) return { numerator: n as number, denominator: d as number };
  warnings.push(warning('flp-bad-time-signature', `The project's time signature ${n ?? '?'}/${d ?? '?'} is not one FL Studio can show, so the bar numbers assume 4/4 (the times are not affected).`));
  return { numerator: 4, denominator: 4 };
}

/** The FL Studio reader of the registry. */
export const flstudioReader: Reader = {
  daw: 'flstudio',
  label: 'FL Studio project',
  extensions: ['.flp'],
  sniff: hasFlpMagic,
  // random access: a stream is collected first (bounded by limits.maxFileBytes as it arrives)
  read: async (input, options) => readFlp(input instanceof Uint8Array ? input : await input.readAll(), options),
};
