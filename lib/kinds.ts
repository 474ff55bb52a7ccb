/**
 * The closed lists of the model, as values: the result's schema (lib/result-schema.ts) makes its
 * enums of them, and the stored project (lib/project-json.ts) checks against them without zod
 * (the page reads stored projects too, and zod stays out of its bundle).
 */

/** The project formats: Ableton Live sets, FL Studio projects, DAWproject files, REAPER projects. */
export const DAWS = ['ableton', 'flstudio', 'dawproject', 'reaper'] as const;

/** What a marker is: Ableton locators, FL Studio marker kinds, REAPER regions, arrangement clips. */
export const MARKER_KINDS = [
  'locator', 'marker', 'region', 'marker-loop', 'skip', 'pause', 'loop', 'start', 'pattern-length', 'bar-override', 'time-signature', 'punch-in', 'punch-out', 'clip',
] as const;

/** The tempo models. */
export const TIMING_MODELS = ['stepped', 'continuous'] as const;
