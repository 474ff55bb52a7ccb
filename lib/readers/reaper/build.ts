/** The scanned pieces → the Project every DAW shares (docs/reaper.md). */
import type { Limits } from '../../limits';
import type { LoopRange, Project, ProjectMarker, Warning } from '../../model';
import { warning } from '../warning';
import { readClips } from './clips';
import { readMarkers } from './markers';
import { RAMP_TOLERANCE_SECONDS } from './ramp';
import type { RawProject } from './raw';
import { readTempo } from './tempo';

/**
 * Step of the stepped model when a caller forces it (REAPER itself plays its tempo map
 * continuously): 1/128 beat, the finest grid dawstamps uses, so a forced stepped result stays close.
 */
const REAPER_TEMPO_STEP = 1 / 128;

/** "7.14/win64" → "7.14"; null when the field is missing or empty. */
export function readVersion(field: string | null): string | null {
  const version = (field ?? '').split('/')[0]!.trim();
  return version === '' ? null : version.slice(0, 40);
}

/** Builds the project from what the scan kept. */
export function buildProject(raw: RawProject, limits: Limits): Project {
  const warnings: Warning[] = [];
  const timelineWarnings: Warning[] = [];
  if (raw.tempo === null) warnings.push(warning('no-tempo', 'The project has no TEMPO line; 120 BPM and 4/4 are assumed.'));
  const tempo = readTempo(raw, limits.maxBreakpoints, warnings);
  const markers = readMarkers(raw.markers, tempo.beatAt, limits.maxMarkers, warnings);
  const { clips, endSeconds: clipsEnd } = readClips(raw.tracks, tempo.beatAt, timelineWarnings);
  const endSeconds = setEnd(clipsEnd, markers);
  if (markers.length === 0) timelineWarnings.push(warning('no-tracklist-markers', 'The project has no markers or regions, so the tracklist from markers is empty.'));
  if (clips.length === 0) timelineWarnings.push(warning('no-clips', 'The project has no items with an audio file, so the tracklist from clips is empty.'));
  if (raw.playRate !== null && raw.playRate !== 1) {
    warnings.push(warning('play-rate', `The project plays at rate ${raw.playRate}; the times here are at rate 1, as positions are stored.`));
  }
  if (raw.rulerOffset !== null && (raw.rulerOffset[0] !== 0 || raw.rulerOffset[1] !== 0)) {
    warnings.push(warning('ruler-offset', 'The project offsets its ruler (PROJOFFS); the times here count from the project\'s position 0, bars from 1 at that position.'));
  }
  const version = readVersion(raw.versionField);
  const application = version === null ? 'REAPER' : `REAPER ${version}`;
  return {
    daw: 'reaper',
    version,
    application,
    staticBpm: tempo.staticBpm,
    tempoStep: REAPER_TEMPO_STEP,
    autoTiming: { model: 'continuous', reason: timingReason(application, tempo.ramps) },
    tracklist: { markers: 'markers', clipsWhenNoMarkers: true },
    timelines: [{
      arrangement: null,
      tempo: tempo.columns,
      meter: tempo.meter,
      meterChanges: tempo.meterChanges,
      markers,
      clips,
      songStartBeat: null,
      loop: readLoop(raw, tempo.beatAt),
      endBeat: endSeconds === null ? null : tempo.beatAt(endSeconds),
      ...(endSeconds === null ? {} : { endSeconds }),
      warnings: timelineWarnings,
    }],
    defaultTimeline: 0,
    warnings,
  };
}

/** Where the set ends: the last end of an item or a region (a project of regions alone has an end), or null. */
function setEnd(clipsEnd: number | null, markers: readonly ProjectMarker[]): number | null {
  let end = clipsEnd;
  for (const m of markers) if (m.endSeconds !== undefined && (end === null || m.endSeconds > end)) end = m.endSeconds;
  return end;
}

function timingReason(application: string, ramps: boolean): string {
  const base = `${application} stores positions in seconds and plays its tempo map continuously`;
  if (!ramps) return `${base}.`;
  const tolerance = RAMP_TOLERANCE_SECONDS.toExponential(0);
  return `${base}; its linear tempo ramps change the BPM linearly in time (the SWS extension's reading, not checked against REAPER itself), followed to within ${tolerance} s.`;
}

/** The time selection (SELECTION) as the loop range; enabled when repeat (LOOP) is on. */
function readLoop(raw: RawProject, beatAt: (s: number) => number): LoopRange | null {
  const s = raw.selection;
  if (s === null || !(s[1] > s[0])) return null;
  return { startBeat: beatAt(s[0]), endBeat: beatAt(s[1]), startSeconds: s[0], endSeconds: s[1], enabled: raw.repeat };
}
