/** CUE sheet: one TRACK a marker, INDEX at 75 frames a second, for burning and for players. */
import { DawstampsError } from '../errors';
import type { Warning } from '../model';
import { CUE_FRAMES, formatCueFrames, splitArtistTitle } from '../text';
import { clampToStart, clock, toEntries } from './entries';
import { audioFileName, mixPerformer, mixTitle } from './mix-info';
import { increasingUnits } from './spans';
import type { Exporter } from './types';

/** CUE sheets number tracks 01–99. */
export const MAX_CUE_TRACKS = 99;

/** FILE types by audio extension; other audio (FLAC, M4A, OGG…) is WAVE, as CUE players expect. */
const FILE_TYPES: Record<string, string> = { mp3: 'MP3', aif: 'AIFF', aiff: 'AIFF', aifc: 'AIFF', bin: 'BINARY', raw: 'BINARY' };

/** The CUE FILE type for an audio file name. */
export function cueFileType(fileName: string): string {
  const ext = /\.([^.]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  return FILE_TYPES[ext] ?? 'WAVE';
}

export const cue: Exporter = {
  id: 'cue',
  label: 'CUE sheet',
  mediaType: 'application/x-cue; charset=utf-8',
  extension: 'cue',
  export(result, options) {
    const { entries, warnings } = clampToStart(toEntries(result, options));
    if (entries.length > MAX_CUE_TRACKS) {
      const cut = entries[MAX_CUE_TRACKS]!;
      throw new DawstampsError(
        'export-failed',
        `A CUE sheet holds at most ${MAX_CUE_TRACKS} tracks and this set has ${entries.length}. Split the mix before "${cut.name}" (marker ${MAX_CUE_TRACKS + 1}) into two files, or choose another format.`,
        { tracks: entries.length },
      );
    }
    const frames = increasingUnits(entries, CUE_FRAMES, 'nearest', 'frame');
    warnings.push(...frames.warnings);
    let quoted = false;
    const q = (s: string): string => {
      if (s.includes('"')) quoted = true;
      return `"${s.replaceAll('"', "'")}"`;
    };
    const lines: string[] = [];
    const performer = mixPerformer(options);
    const title = mixTitle(result, options);
    if (performer) lines.push(`PERFORMER ${q(performer)}`);
    if (title) lines.push(`TITLE ${q(title)}`);
    const file = audioFileName(result, options);
    lines.push(`FILE ${q(file)} ${cueFileType(file)}`);
    entries.forEach((entry, i) => {
      const { artist, title: song } = splitArtistTitle(entry.name);
      lines.push(`  TRACK ${String(i + 1).padStart(2, '0')} AUDIO`, `    TITLE ${q(song)}`);
      if (artist) lines.push(`    PERFORMER ${q(artist)}`);
      const at = frames.units[i]!;
      if (i === 0 && at > 0) lines.push('    INDEX 00 00:00:00');
      lines.push(`    INDEX 01 ${formatCueFrames(at)}`);
    });
    if (quoted) warnings.push(quoteWarning());
    const end = result.durationSeconds;
    const late = end === null ? [] : entries.filter((e) => e.seconds >= end);
    if (late.length > 0) {
      const names = late.map((e) => `"${e.name}"`).join(', ');
      warnings.push({ code: 'after-end', message: `${names} start${late.length === 1 ? 's' : ''} after the set ends (${clock(end!)}); players may never reach ${late.length === 1 ? 'it' : 'them'}.` });
    }
    return { text: lines.map((l) => `${l}\n`).join(''), warnings };
  },
};

function quoteWarning(): Warning {
  return { code: 'cue-quotes', message: 'CUE sheets cannot escape double quotes; they were written as single quotes.' };
}
