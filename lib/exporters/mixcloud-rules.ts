/**
 * Mixcloud's licensing rules for a show's tracklist, as warnings: at most 4 tracks by one artist,
 * at most 3 of them in a row (Mixcloud's "Licensing restrictions", docs/exports.md). The album
 * rules (3 from one album, 2 in a row) cannot be checked: names carry no album.
 */
import type { Warning } from '../model';
import { someOf } from '../text';
import { clock, type Entry } from './entries';

export const MAX_BY_ARTIST = 4;
export const MAX_IN_A_ROW = 3;

/** Featured artists do not make a track someone else's: "A feat. B" counts for A. */
const FEATURING = /\s+(?:feat\.?|ft\.?|featuring)\s+.*$/iu;

/** The artist a track counts for: its credit without featured artists, case and width folded. */
export function artistKey(artist: string): string {
  return artist.replace(FEATURING, '').normalize('NFKC').toLocaleLowerCase('und').replace(/\s+/g, ' ').trim();
}

interface Track {
  entry: Entry;
  artist: string;
  title: string;
}

/** The tracks a warning names: the first ten, then how many more. */
function list(tracks: readonly Track[]): string {
  return someOf(tracks.map((t) => `"${t.title}" (${clock(t.entry.seconds)})`));
}

/**
 * One warning per artist with more than 4 tracks, and one per run of more than 3 tracks in a row
 * by one artist. Sections without an artist (chapters) count for nobody and do not break a run.
 */
export function mixcloudRuleWarnings(tracks: ReadonlyArray<Track>): Warning[] {
  const warnings: Warning[] = [];
  const byArtist = new Map<string, Track[]>();
  for (const track of tracks) {
    const key = artistKey(track.artist);
    if (key === '') continue;
    const same = byArtist.get(key);
    if (same) same.push(track);
    else byArtist.set(key, [track]);
  }
  for (const same of byArtist.values()) {
    if (same.length > MAX_BY_ARTIST) {
      warnings.push({
        code: 'mixcloud-artist-limit',
        message: `${same.length} tracks by "${same[0]!.artist}": Mixcloud's licences allow at most ${MAX_BY_ARTIST} by one artist in a show, so it may not be playable everywhere: ${list(same)}.`,
      });
    }
  }
  let run: Track[] = [];
  const endRun = (): void => {
    if (run.length > MAX_IN_A_ROW) {
      warnings.push({
        code: 'mixcloud-artist-run',
        message: `${run.length} tracks in a row by "${run[0]!.artist}": Mixcloud's licences allow at most ${MAX_IN_A_ROW} by one artist in a row: ${list(run)}.`,
      });
    }
  };
  for (const track of tracks) {
    const key = artistKey(track.artist);
    if (key === '') continue;
    if (run.length > 0 && artistKey(run[0]!.artist) !== key) {
      endRun();
      run = [];
    }
    run.push(track);
  }
  endRun();
  return warnings;
}
