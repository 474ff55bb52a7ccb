/**
 * Arrangement audio clips (docs/dawproject.md#clips): the clips of Clips timelines on the
 * arrangement's lanes whose content holds Audio (directly, in Warps, or in nested clips), or
 * that refer to such a timeline. Note and automation clips are not songs and are left out.
 */
import type { ArrangementClip, Warning } from '../../model';
import { within } from '../numbers';
import { warning } from '../warning';
import type { Placer } from './place';
import type { Position, RawClip, RawProject, RawTrack } from './raw';

/** The audio clips sorted by start, and where the set ends (the last playing clip's end). */
export function readClips(raw: RawProject, placer: Placer, warnings: Warning[]): { clips: ArrangementClip[]; endBeat: number | null } {
  const trackIndex = new Map<string, number>();
  raw.tracks.forEach((t, i) => {
    if (t.id !== undefined && !trackIndex.has(t.id)) trackIndex.set(t.id, i);
  });
  const clips: ArrangementClip[] = [];
  let bad = 0;
  let unresolved = 0;
  for (const c of raw.clips) {
    let fileName = c.fileName;
    if (!c.hasAudio) {
      if (c.reference === undefined) continue; // notes, automation or nothing: not a song
      if (!raw.audioTimelines.has(c.reference)) {
        unresolved++;
        continue;
      }
      fileName = raw.audioTimelines.get(c.reference) ?? null;
    }
    const span = clipSpan(c, placer);
    if (span === null) {
      bad++;
      continue;
    }
    const start = placer.place(span.start);
    const end = placer.place(span.end);
    if (!(end.beat >= start.beat)) {
      bad++;
      continue;
    }
    const index = c.trackId === undefined ? undefined : trackIndex.get(c.trackId);
    const track = index === undefined ? undefined : raw.tracks[index];
    const clip: ArrangementClip = {
      name: c.name,
      fileName,
      trackName: track ? track.name || `Track ${index! + 1}` : '',
      trackIndex: index ?? -1,
      startBeat: start.beat,
      endBeat: end.beat,
      disabled: !c.enabled,
      trackMuted: index !== undefined && isMuted(raw.tracks, index),
    };
    if (start.seconds !== undefined) clip.startSeconds = start.seconds;
    if (end.seconds !== undefined) clip.endSeconds = end.seconds;
    clips.push(clip);
  }
  if (bad > 0) warnings.push(warning('bad-clip', `${bad} arrangement clip(s) without a readable time and length, or ending further out than any arrangement (10¹² beats or seconds), were left out.`));
  if (unresolved > 0) warnings.push(warning('bad-clip-reference', `${unresolved} linked clip(s) refer to a timeline that holds no audio the reader found; they were left out.`));
  if (clips.length === 0) {
    warnings.push(warning('no-clips', 'The arrangement has no audio clips, so the tracklist from clips is empty.'));
  }
  // stable: clips at one beat keep their file order
  clips.sort((a, b) => a.startBeat - b.startBeat);
  return { clips, endBeat: lastEnd(clips) };
}

/**
 * Where a clip plays on its timeline: from `time` (earlier by a negative fadeInTime, the format's
 * crossfade) for `duration`, or, without one, for playStop − playStart of its content.
 */
function clipSpan(c: RawClip, placer: Placer): { start: Position; end: Position } | null {
  if (c.time === undefined) return null;
  const at: Position = { value: c.time, unit: c.unit };
  let end: Position;
  if (c.duration !== undefined && c.duration >= 0) end = { value: c.time + c.duration, unit: c.unit };
  else if (c.playStart !== undefined && c.playStop !== undefined && c.playStop >= c.playStart) end = placer.shift(at, c.playStop - c.playStart, c.contentUnit);
  else return null;
  const start = c.fadeInTime !== undefined && c.fadeInTime < 0 ? placer.shift(at, c.fadeInTime, c.fadeUnit) : at;
  // each number is within the bound, a sum of two need not be (1e12 + 1e12 beats)
  return within(start.value) && within(end.value) ? { start, end } : null;
}

/** A track is muted when its channel is, or a track it sits in (a group or folder) is. */
function isMuted(tracks: readonly RawTrack[], index: number): boolean {
  for (let at = index, hops = 0; at >= 0 && hops <= tracks.length; hops++) {
    const t = tracks[at]!;
    if (t.muted) return true;
    at = t.parent;
  }
  return false;
}

/** The end of the last clip, muted or not (as for every DAW: the arrangement's length). */
function lastEnd(clips: ArrangementClip[]): number | null {
  if (clips.length === 0) return null;
  return clips.reduce((end, c) => Math.max(end, c.endBeat), -Infinity);
}
