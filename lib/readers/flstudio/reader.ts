import { DawstampsError } from '../../errors';
import type { Meter, Project, Warning } from '../../model';
import type { Reader, ReadOptions } from '../types';
import { chooseArrangement } from './arrangements';
import { readAudioClips } from './audio-clips';
import { hasFlpMagic, readContainer } from './container';
import { buildMarkers, isValidMeter } from './markers';
import { readPlaylist } from './playlist';
import { type FlpScan, scanEvents } from './scan';
import { readTempoClips } from './tempo-clips';
import { buildTempoEnvelope } from './tempo-envelope';
import { decodeText, decodeVersion, textIsUtf16, versionParts } from './text';
import { PLAYLIST_MUTED } from './tokens';

/** FL Studio projects step tempo automation every 1/128 beat (shared/spec/timing.md). */
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

  const chosen = chooseArrangement(scan.arrangements, scan.arrangements.map((a) => text(a.name)), scan.currentArrangement, options.arrangement, scan.preamble, warnings);
  const meter = readMeter(scan, warnings);
  const { markers, meterChanges, songStartBeat } = buildMarkers(chosen.raw.markers, chosen.raw.markers.map((m) => text(m.name)), ppq, meter, warnings);

  if (!markers.some((m) => m.tracklist)) {
    const where = chosen.refs ? `The arrangement "${chosen.refs.used.name}"` : 'The project';
    warnings.push({ code: 'no-tracklist-markers', message: `${where} has no plain markers (kind 0), so the tracklist is empty.` });
  }

  const clips = readTempoClips(bytes, scan, options.limits);
  const items = readPlaylist(bytes, chosen.raw.playlist, parts, clips.size > 0, warnings);
  const tempo = buildTempoEnvelope(items, clips, ppq, options.limits, warnings);
  const audioClips = readAudioClips(bytes, container, items, text, options.limits, warnings);
  let end = 0;
  for (const item of items) if (!(item.flags & PLAYLIST_MUTED)) end = Math.max(end, (item.position + item.length) / ppq);

  return {
    daw: 'flstudio',
    version,
    staticBpm: readStaticTempo(scan, warnings),
    tempo,
    tempoStep: FL_TEMPO_STEP,
    autoTiming: { model: 'stepped', reason: 'FL Studio plays tempo automation in steps of 1/128 beat.' },
    meter,
    meterChanges,
    markers,
    clips: audioClips,
    songStartBeat,
    loop: null,
    endBeat: end > 0 ? end : null,
    arrangement: chosen.refs,
    warnings,
  };
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
    warnings.push({ code: 'flp-tempo-missing', message: `The project has no tempo event; FL Studio's default ${FL_DEFAULT_BPM} BPM is used.` });
    return FL_DEFAULT_BPM;
  }
  if (bpm < 10 || bpm > 522) {
    throw new DawstampsError('corrupt-file', `The tempo event at byte ${offset} says ${bpm} BPM; FL Studio tempos lie between 10 and 522.`, { offset });
  }
  return bpm;
}

function readMeter(scan: FlpScan, warnings: Warning[]): Meter {
  const { meterNumerator: n, meterDenominator: d } = scan;
  if (n === null && d === null) return { numerator: 4, denominator: 4 };
  if (isValidMeter(n, d)) return { numerator: n as number, denominator: d as number };
  warnings.push({ code: 'flp-bad-time-signature', message: `The project's time signature ${n ?? '?'}/${d ?? '?'} is not usable; 4/4 is assumed.` });
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
