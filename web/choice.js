// The conversion choices of the result view (source, clip options, start, timing) ↔ the form and the query.

/**
 * @typedef {{ start: string, timing: string, source: string, includeDisabledClips: boolean, includeMutedTracks: boolean, clipAnchor: string }} Choice
 */

/** What a fresh result is made with (the job's own options: none). @type {Readonly<Choice>} */
export const DEFAULT_CHOICE = Object.freeze({
  start: 'zero', timing: 'auto', source: 'auto', includeDisabledClips: false, includeMutedTracks: false, clipAnchor: 'start',
});

/** @param {string} id @returns {any} */
const $ = (id) => document.getElementById(id);

/**
 * The choice the form shows now.
 * @returns {Choice}
 */
export function readChoice() {
  return {
    start: $('start').value,
    timing: $('timing').value,
    source: $('source').value,
    includeDisabledClips: $('include-disabled').checked,
    includeMutedTracks: $('include-muted').checked,
    clipAnchor: $('clip-anchor').value,
  };
}

/**
 * Puts a choice back into the form (after a fresh result, or when a change was refused).
 * @param {Choice} choice
 */
export function showChoice(choice) {
  $('start').value = choice.start;
  $('timing').value = choice.timing;
  $('source').value = choice.source;
  $('include-disabled').checked = choice.includeDisabledClips;
  $('include-muted').checked = choice.includeMutedTracks;
  $('clip-anchor').value = choice.clipAnchor;
}

/**
 * Query parameters for a choice; defaults are left out so the stored result is reused.
 * @param {Choice} choice
 * @returns {Record<string, string>}
 */
export function conversionQuery(choice) {
  /** @type {Record<string, string>} */
  const query = {};
  if (choice.start !== 'zero') query.start = choice.start;
  if (choice.timing !== 'auto') query.timing = choice.timing;
  if (choice.source !== 'auto') query.source = choice.source;
  if (choice.includeDisabledClips) query.includeDisabledClips = 'true';
  if (choice.includeMutedTracks) query.includeMutedTracks = 'true';
  if (choice.clipAnchor !== 'start') query.clipAnchor = choice.clipAnchor;
  return query;
}

/**
 * Whether the clip options matter: clips are chosen, or "automatic" picked them for this set.
 * @param {string} source the form's source
 * @param {string | undefined} used the result's markerSource
 */
export function clipsInPlay(source, used) {
  return source === 'clips' || (source === 'auto' && used === 'clips');
}
