/** Tracklists from arrangement clips: one entry per song. */
export { tracklistFromClips, type ClipOptions, type ClipTracklist } from './tracklist';
export { groupSongs, clipDisplayName, MERGE_GAP_BEATS, type Song } from './songs';
export { anchorBeats, type SecondsAt } from './anchor';
export { countInParallel, parallelWarning, PARALLEL_BEATS } from './parallel';
