/** Arrangement audio clips of audio tracks (session ClipSlots are never read), and the set's end. */
import type { ArrangementClip, Warning } from '../../model';
import { warning } from '../warning';
import type { RawSet, RawTrack } from './raw';

/**
 * The audio clips sorted by start, and where the set ends: the end of its last arrangement clip
 * of any kind — audio or MIDI, on any track, muted or not, disabled or not: the arrangement's
 * length as Live shows it (docs/ableton.md#arrangement-clips). Null without clips.
 */
export function readClips(raw: RawSet, warnings: Warning[]): { clips: ArrangementClip[]; endBeat: number | null } {
  const byId = new Map<string, RawTrack>();
  for (const t of raw.tracks) if (t.id !== undefined) byId.set(t.id, t);
  const clips: ArrangementClip[] = [];
  let bad = 0;
  for (const track of raw.tracks) {
    if (track.kind !== 'AudioTrack') continue;
    const trackMuted = isMuted(track, byId);
    for (const c of track.clips) {
      const start = c.start ?? c.time;
      if (start === undefined || c.end === undefined || c.end < start) {
        bad++;
        continue;
      }
      clips.push({
        name: c.name,
        fileName: c.fileName,
        trackName: track.name !== '' ? track.name : `${track.index + 1} Audio`,
        trackIndex: track.index,
        startBeat: start,
        endBeat: c.end,
        disabled: c.disabled,
        trackMuted,
      });
    }
  }
  if (bad > 0) {
    const some = bad === 1 ? 'One audio clip has' : `${bad} audio clips have`;
    warnings.push(warning('bad-clip', `${some} no readable start or end in the arrangement, so ${bad === 1 ? 'it was' : 'they were'} left out.`, `${bad} AudioClip element(s) without a usable CurrentStart/@Time and CurrentEnd`));
  }
  clips.sort((a, b) => a.startBeat - b.startBeat);
  let end = raw.midiEnd;
  for (const c of clips) if (c.endBeat > end) end = c.endBeat;
  return { clips, endBeat: end === -Infinity ? null : end };
}

/** A track is muted when its activator is off, or a group it sits in is muted. */
function isMuted(track: RawTrack, byId: Map<string, RawTrack>): boolean {
  let at: RawTrack | undefined = track;
  for (let hops = 0; at && hops < 64; hops++) {
    if (at.speakerOn === false) return true;
    at = at.groupId !== undefined && at.groupId !== '-1' ? byId.get(at.groupId) : undefined;
  }
  return false;
}
