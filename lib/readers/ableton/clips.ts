/** Arrangement audio clips of audio tracks (session ClipSlots are never read). */
import type { ArrangementClip, Warning } from '../../model';
import type { RawSet, RawTrack } from './raw';

/** The clips sorted by start, and where the set ends (the last clip end), or null without clips. */
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
  if (bad > 0) warnings.push({ code: 'bad-clip', message: `${bad} arrangement clip(s) without a readable start and end were left out.` });
  clips.sort((a, b) => a.startBeat - b.startBeat);
  return { clips, endBeat: lastEnd(clips) };
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

/** The end of the last clip that plays (enabled, unmuted); of any clip when none plays. */
function lastEnd(clips: ArrangementClip[]): number | null {
  if (clips.length === 0) return null;
  const playing = clips.filter((c) => !c.disabled && !c.trackMuted);
  return (playing.length > 0 ? playing : clips).reduce((end, c) => Math.max(end, c.endBeat), -Infinity);
}
