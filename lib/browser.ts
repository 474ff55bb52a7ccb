/**
 * The browser bundle's entry (build.mjs → dist/web/dawstamps.js, served as /dawstamps.js): lib's
 * API plus what the page builds its menus, times and drawing from. The page's Web Worker parses,
 * times and exports with it; the page itself reads the option table, the format lists and the clock.
 */
export * from './index';
export { OPTION_SPECS, type OptionSpec } from './option-table';
export { formatClock, needsHours, type ClockOptions } from './text/time';
export { startChoices, type StartChoice } from './start-choices';
export { tempoVertices, type TempoVertex } from './tempo-drawing';
