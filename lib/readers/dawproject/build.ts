/** Turns what the streaming pass collected into the Project every DAW shares (docs/dawproject.md). */
import type { Meter, MeterChange, Project, ProjectMarker, Warning } from '../../model';
import { echoValue } from '../../errors';
import { createTempoMap } from '../../tempo';
import { isValidMeter } from '../../tempo/meter';
import { warning } from '../warning';
import { readClips } from './clips';
import { placer, type Placer } from './place';
import { MAX_NESTING } from './collect';
import type { RawProject } from './raw';
import { readTempo } from './tempo';

/** The stepped model's grid, used only when a caller forces that model (DAWproject players are not known to step). */
const TEMPO_STEP = 0.25;

/** The Project of a collected project.xml. */
export function buildProject(raw: RawProject): Project {
  const warnings: Warning[] = [];
  const { version, application } = readApplication(raw, warnings);
  const { staticBpm, tempo } = readTempo(raw, warnings);
  // the project's own timing: positions in seconds get their beats through this map
  const map = createTempoMap(tempo, { staticBpm, model: 'continuous', step: TEMPO_STEP });
  const at = placer(map);
  const { meter, meterChanges } = readMeter(raw, at, warnings);
  const markers = readMarkers(raw, at, warnings);
  const timelineWarnings: Warning[] = [];
  const { clips, endBeat } = readClips(raw, at, timelineWarnings);
  countWarnings(raw, warnings);
  return {
    daw: 'dawproject',
    version,
    application,
    staticBpm,
    tempoStep: TEMPO_STEP,
    autoTiming: {
      model: 'continuous',
      reason: `DAWproject linear tempo ramps: tempo points are integrated exactly (hold is a step, linear a ramp linear in beats); the format does not say how ${application ?? 'the application that saved it'} plays a ramp.`,
    },
    tracklist: { markers: 'markers', clipsWhenNoMarkers: true },
    timelines: [{ arrangement: null, tempo, meter, meterChanges, markers, clips, songStartBeat: null, loop: null, endBeat, warnings: timelineWarnings }],
    defaultTimeline: 0,
    warnings,
  };
}

/** `project.version` is the Application's version; `application` its name and version ("Bitwig Studio 5.0"). */
function readApplication(raw: RawProject, warnings: Warning[]): { version: string | null; application: string | null } {
  const major = Number(/^\s*(\d+)/.exec(raw.formatVersion ?? '')?.[1]);
  if (major > 1) warnings.push(warning('newer-format', `The file is DAWproject ${echoValue(raw.formatVersion!, 20)}; dawstamps reads version 1 and may miss what is new.`));
  const name = raw.application?.name?.trim() || null;
  const version = raw.application?.version?.trim() || null;
  if (name === null && version === null) warnings.push(warning('no-application', 'The project does not say which application saved it.'));
  const application = [name, version].filter((s) => s !== null).join(' ');
  return { version, application: application === '' ? null : application };
}

/** The Transport's time signature (4/4 when absent) and the arrangement's TimeSignatureAutomation. */
function readMeter(raw: RawProject, at: Placer, warnings: Warning[]): { meter: Meter; meterChanges: MeterChange[] } {
  const ts = raw.timeSignature;
  const meter = ts && isValidMeter(ts) ? { numerator: ts.numerator, denominator: ts.denominator } : { numerator: 4, denominator: 4 };
  if (ts && !isValidMeter(ts)) warnings.push(warning('bad-time-signature', 'The Transport time signature is not readable; 4/4 is assumed.'));
  const automation = raw.meterAutomation;
  const meterChanges: MeterChange[] = [];
  let bad = 0;
  for (const p of automation?.points ?? []) {
    if (!isValidMeter(p)) {
      bad++;
      continue;
    }
    meterChanges.push({ beat: at.place({ value: p.time, unit: automation!.unit }).beat, numerator: p.numerator, denominator: p.denominator });
  }
  if (bad > 0) warnings.push(warning('bad-time-signature', `${bad} time-signature point(s) with an unreadable numerator or denominator were ignored.`));
  meterChanges.sort((a, b) => a.beat - b.beat);
  return { meter, meterChanges };
}

/**
 * The arrangement's Markers are the tracklist; markers on a `markers` timeline inside the lanes
 * are too when the arrangement has none, else they are kept as other markers.
 */
function readMarkers(raw: RawProject, at: Placer, warnings: Warning[]): ProjectMarker[] {
  const arrangementHasMarkers = raw.markers.some((m) => !m.onLane);
  const markers = raw.markers.map((m): ProjectMarker => {
    const placed = at.place(m.at);
    const marker: ProjectMarker = { name: m.name, beat: placed.beat, kind: 'marker', tracklist: !m.onLane || !arrangementHasMarkers };
    if (placed.seconds !== undefined) marker.seconds = placed.seconds;
    return marker;
  });
  if (raw.counts.badMarkers > 0) warnings.push(warning('bad-marker', `${raw.counts.badMarkers} marker(s) without a readable time were ignored.`));
  // stable: markers at one beat keep their file order
  return markers.sort((a, b) => a.beat - b.beat);
}

function countWarnings(raw: RawProject, warnings: Warning[]): void {
  const c = raw.counts;
  if (c.badPoints > 0) warnings.push(warning('bad-automation-point', `${c.badPoints} tempo or time-signature point(s) without a readable time or value were ignored.`));
  if (c.unknownInterpolation > 0) {
    warnings.push(warning('unknown-interpolation', `${c.unknownInterpolation} tempo point(s) have an interpolation other than hold or linear; they were read as hold, the format's default.`));
  }
  if (c.unknownTimeUnit > 0) warnings.push(warning('unknown-time-unit', `${c.unknownTimeUnit} timeline(s) have a time unit other than beats or seconds; the enclosing unit was used.`));
  if (c.extraTempoAutomation > 0) warnings.push(warning('extra-tempo-automation', 'The arrangement has more than one TempoAutomation; only the first was read.'));
  if (c.extraMeterAutomation > 0) {
    warnings.push(warning('extra-time-signature-automation', 'The arrangement has more than one TimeSignatureAutomation; only the first was read.'));
  }
  if (c.duplicateEntries > 0) warnings.push(warning('duplicate-entry', `The archive holds ${c.duplicateEntries + 1} entries called project.xml; the first was read.`));
  if (c.tooDeep > 0) warnings.push(warning('nesting-too-deep', `Lanes or tracks nested deeper than ${MAX_NESTING} levels were not read (${c.tooDeep} found).`));
}
