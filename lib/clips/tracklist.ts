/** A tracklist built from the arrangement's audio clips: filter, merge into songs, anchor. */
import type { ArrangementClip, ProjectMarker, Warning } from '../model';
import type { TimeOptions } from '../options';
import { anchorBeats, type SecondsAt } from './anchor';
import { parallelWarning } from './parallel';
import { groupSongs } from './songs';

export type ClipOptions = Pick<TimeOptions, 'includeDisabledClips' | 'includeMutedTracks' | 'clipAnchor'>;

/** Tracklist entries (kind 'clip', with their end), the end of the last one, and what was odd. */
export interface ClipTracklist {
  entries: ProjectMarker[];
  /** The end of the last song, or null without songs. */
  endBeat: number | null;
  warnings: Warning[];
}

/**
 * One entry per song from the clips a reader found (null when it does not read clips): disabled
 * clips and clips on muted tracks are left out unless the options include them; songs that mostly
 * start together on different tracks get a `clips-in-parallel` warning (lib/clips/parallel.ts).
 * (A reader says itself, with a `no-clips` warning, why a timeline has none.)
 */
export function tracklistFromClips(clips: readonly ArrangementClip[] | null, options: ClipOptions = {}, secondsAt?: SecondsAt): ClipTracklist {
  const warnings: Warning[] = [];
  if (clips === null) {
    warnings.push({ code: 'clips-not-read', message: 'A tracklist from clips is not available for this kind of project (its audio clips are not read), so the tracklist is empty.' });
    return { entries: [], endBeat: null, warnings };
  }
  const kept = clips.filter((c) => (options.includeDisabledClips === true || !c.disabled) && (options.includeMutedTracks === true || !c.trackMuted));
  const leftOut = leftOutMessage(clips, options);
  if (leftOut) warnings.push({ code: 'clips-left-out', message: leftOut });
  const songs = groupSongs(kept);
  const stems = parallelWarning(songs);
  if (stems) warnings.push(stems);
  const beats = anchorBeats(songs, options.clipAnchor ?? 'start', secondsAt);
  const entries = songs.map((song, i): ProjectMarker => {
    const entry: ProjectMarker = { name: song.name, beat: beats[i]!, kind: 'clip', tracklist: true, endBeat: song.endBeat };
    // clips the DAW stores in seconds keep their exact times (an entry at its clip's start)
    if (song.startSeconds !== undefined && beats[i] === song.startBeat) entry.seconds = song.startSeconds;
    if (song.endSeconds !== undefined) entry.endSeconds = song.endSeconds;
    return entry;
  });
  const endBeat = songs.length === 0 ? null : songs.reduce((end, s) => Math.max(end, s.endBeat), -Infinity);
  return { entries, endBeat, warnings };
}

function leftOutMessage(clips: readonly ArrangementClip[], options: ClipOptions): string | null {
  const parts: string[] = [];
  const disabled = options.includeDisabledClips === true ? 0 : clips.filter((c) => c.disabled).length;
  const muted = options.includeMutedTracks === true ? 0 : clips.filter((c) => c.trackMuted && (options.includeDisabledClips === true || !c.disabled)).length;
  if (disabled > 0) parts.push(`${disabled} disabled clip${disabled === 1 ? '' : 's'} (to list them: --include-disabled)`);
  if (muted > 0) parts.push(`${muted} clip${muted === 1 ? '' : 's'} on muted tracks (to list them: --include-muted)`);
  return parts.length === 0 ? null : `Left out of the tracklist: ${parts.join(' and ')}.`;
}
