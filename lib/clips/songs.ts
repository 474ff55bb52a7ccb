/**
 * Groups arrangement clips into songs.
 *
 * Two clips are the same song when they share an identity AND the later one continues the song:
 * - identity: the same cleaned name (case-insensitive; the clip name, else the file name), or the
 *   same sample file name (case-insensitive, folders ignored);
 * - continues: the later clip starts before the song's end so far, at it, or at most
 *   `MERGE_GAP_BEATS` after it (a song cut into pieces, a small gap left by an edit, or the same
 *   file layered on two tracks).
 * The same song played again later in the set (after a longer gap) is a new entry.
 */
import { cleanName } from '../text';
import type { ArrangementClip } from '../model';

/** How far (in beats, one 4/4 bar) a piece of a song may start after the song's end so far. */
export const MERGE_GAP_BEATS = 4;

/** A song made of one or more clips. */
export interface Song {
  /** The cleaned name of its first clip. */
  name: string;
  startBeat: number;
  endBeat: number;
  /** The track of its first clip. */
  trackIndex: number;
  /** How many clips were merged into it. */
  clipCount: number;
  /** Its start and end in seconds, where the DAW stores clips so (REAPER, DAWproject seconds timelines). */
  startSeconds?: number;
  endSeconds?: number;
}

const UNTITLED = 'Untitled clip';

/** The name a listener should see: the clip name, falling back to the file name, cleaned. */
export function clipDisplayName(clip: Pick<ArrangementClip, 'name' | 'fileName'>): string {
  const raw = clip.name.trim() !== '' ? clip.name : (clip.fileName ?? '');
  const cleaned = cleanName(raw);
  return cleaned === '' ? UNTITLED : cleaned;
}

function fileKey(clip: ArrangementClip): string | null {
  const file = clip.fileName?.trim().toLowerCase() ?? '';
  return file === '' ? null : file;
}

/** Groups clips (any order) into songs sorted by start; see the file comment for "same song". O(n log n). */
export function groupSongs(clips: readonly ArrangementClip[]): Song[] {
  const sorted = clips.map((c, i) => ({ c, i })).sort((a, b) => a.c.startBeat - b.c.startBeat || a.i - b.i).map((x) => x.c);
  const songs: Song[] = [];
  /** The latest song carrying each identity (a cleaned name, a file name). */
  const byName = new Map<string, Song>();
  const byFile = new Map<string, Song>();
  for (const clip of sorted) {
    const name = clipDisplayName(clip);
    const nameKey = name === UNTITLED ? null : name.toLowerCase();
    const file = fileKey(clip);
    const continues = (s: Song | undefined): s is Song => s !== undefined && clip.startBeat <= s.endBeat + MERGE_GAP_BEATS;
    const candidates = [nameKey === null ? undefined : byName.get(nameKey), file === null ? undefined : byFile.get(file)].filter(continues);
    let song = candidates.sort((a, b) => b.startBeat - a.startBeat)[0];
    if (song) {
      if (clip.endBeat > song.endBeat) {
        song.endBeat = clip.endBeat;
        if (clip.endSeconds !== undefined) song.endSeconds = clip.endSeconds;
        else delete song.endSeconds;
      }
      song.clipCount++;
    } else {
      song = { name, startBeat: clip.startBeat, endBeat: clip.endBeat, trackIndex: clip.trackIndex, clipCount: 1 };
      if (clip.startSeconds !== undefined) song.startSeconds = clip.startSeconds;
      if (clip.endSeconds !== undefined) song.endSeconds = clip.endSeconds;
      songs.push(song);
    }
    if (nameKey !== null) byName.set(nameKey, song);
    if (file !== null) byFile.set(file, song);
  }
  return songs;
}
