/**
 * The browser bundle's entry (build.mjs → dist/web/dawstamps.js, served as /dawstamps.js): lib's
 * API plus what the page builds its menus, times and drawing from. The page's Web Worker parses,
 * times and exports with it; the page itself reads the option table, the format lists, the clock
 * and how downloads are named.
 */
export * from './index';
export { OPTION_SPECS, type OptionSpec } from './option-table';
export { formatClock, needsHours, type ClockOptions } from './text/time';
export { downloadBaseName, sanitizeFileName } from './text/file-names';
export { TEMPLATE_EXAMPLE } from './exporters/template-parse';
export { startChoices, type StartChoice } from './start-choices';
export { tempoVertices, type TempoVertex } from './tempo-drawing';
