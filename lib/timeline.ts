/** Which timeline of a project is timed (FL Studio arrangements), and its positions under a tempo map. */
import { DawstampsError, echoValue } from './errors';
import type { ArrangementClip, ArrangementRef, Project, ProjectMarker, Timeline, Warning } from './model';
import type { TempoMap } from './tempo';

/** The timeline the `arrangement` option names (index or name), else the project's default one. */
export function chooseTimeline(project: Project, option: string | number | undefined): { timeline: Timeline; warnings: Warning[] } {
  const fallback = project.timelines[project.defaultTimeline] ?? project.timelines[0];
  if (!fallback) throw new DawstampsError('invalid-project', 'The project has no timeline to time.');
  if (option === undefined || option === '') return { timeline: fallback, warnings: [] };
  const refs = project.timelines.map((t) => t.arrangement);
  if (refs.every((r) => r === null)) {
    return {
      timeline: fallback,
      warnings: [{ code: 'option-ignored', message: `This project has a single arrangement, so the arrangement option "${echoValue(option)}" was ignored.` }],
    };
  }
  const at = findArrangement(refs, option);
  if (at < 0) {
    const list = refs.filter((r): r is ArrangementRef => r !== null).map((a) => `${a.index} "${a.name}"`).join(', ');
    throw new DawstampsError('invalid-option', `The project has no arrangement "${echoValue(option)}". Its arrangements are: ${list}.`);
  }
  const timeline = project.timelines[at]!;
  if (timeline.error) throw new DawstampsError(timeline.error.code, timeline.error.message);
  return { timeline, warnings: [] };
}

/** By index (a number or digits), else by name: exact, then ignoring case. */
function findArrangement(refs: ReadonlyArray<ArrangementRef | null>, option: string | number): number {
  const byIndex = (index: number): number => refs.findIndex((r) => r?.index === index);
  if (typeof option === 'number') return byIndex(option);
  const exact = refs.findIndex((r) => r?.name === option);
  if (exact >= 0) return exact;
  const lower = option.toLowerCase();
  const folded = refs.findIndex((r) => r?.name.toLowerCase() === lower);
  if (folded >= 0) return folded;
  return /^\d+$/.test(option.trim()) ? byIndex(Number(option.trim())) : -1;
}

/** The arrangement listing of the result: the one timed and all of them (null for a single timeline). */
export function arrangementsOf(project: Project, timeline: Timeline): { used: ArrangementRef; all: ArrangementRef[] } | null {
  if (timeline.arrangement === null) return null;
  return { used: timeline.arrangement, all: project.timelines.map((t) => t.arrangement).filter((r): r is ArrangementRef => r !== null) };
}

/**
 * The timeline with every position a DAW stores in seconds placed in beats by `map`. Readers
 * place them under the project's own timing already; a forced other model moves their beats
 * (their times stay: a marker at 1:00 in Reaper is at 1:00 whatever the model).
 */
export function placeInTime(timeline: Timeline, map: TempoMap, sameModelAsReader: boolean): Timeline {
  if (sameModelAsReader) return timeline;
  const marker = (m: ProjectMarker): ProjectMarker => {
    if (m.seconds === undefined && m.endSeconds === undefined) return m;
    const placed = { ...m };
    if (m.seconds !== undefined) placed.beat = map.beatAt(m.seconds);
    if (m.endSeconds !== undefined) placed.endBeat = map.beatAt(m.endSeconds);
    return placed;
  };
  const clip = (c: ArrangementClip): ArrangementClip => {
    if (c.startSeconds === undefined && c.endSeconds === undefined) return c;
    const placed = { ...c };
    if (c.startSeconds !== undefined) placed.startBeat = map.beatAt(c.startSeconds);
    if (c.endSeconds !== undefined) placed.endBeat = map.beatAt(c.endSeconds);
    return placed;
  };
  const loop = timeline.loop;
  const anchored = timeline.markers.some((m) => m.seconds !== undefined || m.endSeconds !== undefined)
    || (timeline.clips ?? []).some((c) => c.startSeconds !== undefined || c.endSeconds !== undefined)
    || timeline.endSeconds !== undefined || loop?.startSeconds !== undefined || loop?.endSeconds !== undefined;
  if (!anchored) return timeline;
  return {
    ...timeline,
    markers: timeline.markers.map(marker),
    clips: timeline.clips === null ? null : timeline.clips.map(clip),
    endBeat: timeline.endSeconds === undefined ? timeline.endBeat : map.beatAt(timeline.endSeconds),
    loop: loop === null ? null : {
      ...loop,
      startBeat: loop.startSeconds === undefined ? loop.startBeat : map.beatAt(loop.startSeconds),
      endBeat: loop.endSeconds === undefined ? loop.endBeat : map.beatAt(loop.endSeconds),
    },
  };
}
