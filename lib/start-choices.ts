/**
 * The start points a project offers, for a menu: beat 0, its song start and its loop start only
 * when the timeline has them, then each tracklist entry. Every value is a `start` option
 * (parseStart) that resolves on this project, so a menu built from it offers nothing to refuse.
 */
import type { Project } from './model';
import type { TimeOptions } from './options';
import { formatClock, needsHours } from './text/time';
import { timeProject } from './time-project';
import { chooseTimeline } from './timeline';

/** One start point: the `start` option's value and what a menu says. */
export interface StartChoice {
  value: string;
  label: string;
}

/**
 * The start points of the timeline and tracklist these options choose (`arrangement`, `source`,
 * clip options, `timing`; `start` and `beforeStart` are ignored). Entries are numbered by time and
 * chosen by number (`#N`), which stays right under either timing model; their times are from beat 0.
 */
export function startChoices(project: Project, options: TimeOptions = {}): StartChoice[] {
  const { timeline } = chooseTimeline(project, options.arrangement);
  const all = timeProject(project, { ...options, start: 'zero', beforeStart: 'negative', tempoPoints: false });
  const hours = needsHours(all.markers.map((m) => m.seconds));
  const choices: StartChoice[] = [{ value: 'zero', label: 'Beat 0 (the arrangement start)' }];
  if (timeline.songStartBeat !== null) choices.push({ value: 'song-start', label: 'The song start marker' });
  if (timeline.loop !== null) choices.push({ value: 'loop', label: 'The loop start' });
  all.markers.forEach((m, i) => {
    choices.push({ value: `#${i + 1}`, label: `Marker ${i + 1}: ${m.name} (${formatClock(m.seconds, { hours })})` });
  });
  return choices;
}
