/** Items on tracks → arrangement clips (docs/reaper.md#items). */
import { DawstampsError } from '../../errors';
import type { ArrangementClip, Warning } from '../../model';
import { baseName } from '../../text/names';
import { warning } from '../warning';
import type { RawItem, RawTrack } from './raw';
import { MAX_ABS_SECONDS } from './tokens';

/** Source types that are not audio (an item of them is not a song of a mix). */
const NOT_AUDIO = new Set(['MIDI', 'MIDIPOOL']);


/**
 * Every item whose playing take has an audio file, sorted by start; a muted item is `disabled`, an
 * item on a muted track, or on a track inside a muted folder, is `trackMuted`. `endSeconds` is the
 * last end of any clip, muted or not (as for every DAW: the arrangement's length).
 */
export function readClips(tracks: readonly RawTrack[], beatAt: (seconds: number) => number, warnings: Warning[]): { clips: ArrangementClip[]; endSeconds: number | null } {
  const clips: ArrangementClip[] = [];
  const folders: boolean[] = [];
  let bad = 0;
  tracks.forEach((track, index) => {
    const trackMuted = track.muted || folders.some((muted) => muted);
    const trackName = track.name !== '' ? track.name : `Track ${index + 1}`;
    for (const item of track.items) {
      const take = item.selected ?? item.first;
      if (take.file === null || NOT_AUDIO.has(take.sourceType ?? '')) continue;
      if (item.position === null || item.length === null || item.length < 0) {
        bad++;
        continue;
      }
      // each number is within the bound, their sum need not be
      if (item.position + item.length > MAX_ABS_SECONDS) {
        throw new DawstampsError('corrupt-file', `The item that starts on line ${item.line} of the project is broken: it ends at ${item.position + item.length} s, outside any project.`, { line: item.line });
      }
      clips.push(clip(item, take.name, baseName(take.file), trackName, index, trackMuted, beatAt));
    }
    if (track.folderDelta > 0) folders.push(trackMuted);
    for (let k = track.folderDelta; k < 0 && folders.length > 0; k++) folders.pop();
  });
  if (bad > 0) warnings.push(warning('bad-clip', `${bad} item(s) without a readable position and length were left out.`));
  clips.sort((a, b) => a.startSeconds! - b.startSeconds!);
  if (clips.length === 0) return { clips, endSeconds: null };
  return { clips, endSeconds: clips.reduce((end, c) => Math.max(end, c.endSeconds!), -Infinity) };
}

function clip(item: RawItem, name: string, fileName: string | null, trackName: string, trackIndex: number, trackMuted: boolean, beatAt: (s: number) => number): ArrangementClip {
  const start = item.position!;
  const end = start + item.length!;
  return {
    name,
    fileName,
    trackName,
    trackIndex,
    startBeat: beatAt(start),
    endBeat: beatAt(end),
    startSeconds: start,
    endSeconds: end,
    disabled: item.muted,
    trackMuted,
  };
}
