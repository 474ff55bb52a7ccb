/** Projects built in memory for tests and benches: one timeline, defaults for what a case does not set. */
import type { Project, TempoPoint, Timeline } from '../../lib/model';
import { TempoColumns } from '../../lib/tempo/columns';

type ProjectFields = Omit<Project, 'timelines' | 'defaultTimeline'>;
type TimelineFields = Omit<Timeline, 'tempo' | 'warnings'> & { tempo: TempoPoint[] | TempoColumns; timelineWarnings: Timeline['warnings'] };

/** A project with one timeline; `tempo` may be TempoPoint objects. */
export function makeProject(fields: Partial<ProjectFields & TimelineFields> = {}): Project {
  const {
    daw = 'ableton', version = '11.3.4', application = null, staticBpm = 120, tempoStep = 0.25,
    autoTiming = { model: 'stepped', reason: 'test' }, tracklist = { markers: 'locators', clipsWhenNoMarkers: true }, warnings = [],
    arrangement = null, tempo = [], meter = { numerator: 4, denominator: 4 }, meterChanges = [], markers = [], clips = [],
    songStartBeat = null, loop = null, endBeat = null,
  } = fields;
  return {
    daw, version, application, staticBpm, tempoStep, autoTiming, tracklist, warnings,
    timelines: [{
      arrangement,
      tempo: tempo instanceof TempoColumns ? tempo : TempoColumns.of(tempo),
      meter, meterChanges, markers, clips, songStartBeat, loop, endBeat, warnings: fields.timelineWarnings ?? [],
    }],
    defaultTimeline: 0,
  };
}

/** A project's fields and one timeline's (the default) side by side, the tempo as TempoPoint objects. */
export type FlatProject = Omit<Project, 'timelines' | 'defaultTimeline'> & Omit<Timeline, 'tempo'> & { tempo: TempoPoint[]; timelineWarnings: Timeline['warnings'] };

/**
 * Flattens a project for assertions: project fields, then the timeline's. `warnings` holds both
 * levels' warnings as a tracklist from markers shows them (without `no-clips`, which only a
 * tracklist from clips shows); `timelineWarnings` the timeline's own, all of them.
 */
export function flatten(project: Project, index = project.defaultTimeline): FlatProject {
  const { timelines, defaultTimeline: _default, ...fields } = project;
  const timeline = timelines[index];
  if (!timeline) throw new Error(`The project has no timeline ${index}.`);
  return { ...fields, ...timeline, tempo: timeline.tempo.points(), warnings: [...project.warnings, ...timeline.warnings].filter((w) => w.code !== 'no-clips'), timelineWarnings: timeline.warnings };
}
