/** FFmpeg metadata (`ffmpeg -i audio -i chapters.txt -map_metadata 1 -map_chapters 1 …`). */
import { clampToStart, toEntries } from './entries';
import { mixPerformer, mixTitle } from './mix-info';
import { chapterSpans } from './spans';
import type { Exporter } from './types';

/** Escapes `=`, `;`, `#`, `\` and line breaks with a backslash, as FFmpeg's metadata reader wants. */
export function ffEscape(s: string): string {
  return s.replace(/[=;#\\\n]/g, (c) => `\\${c}`);
}

export const ffmetadata: Exporter = {
  id: 'ffmetadata',
  label: 'FFmpeg metadata',
  mediaType: 'text/plain; charset=utf-8',
  extension: 'ffmetadata.txt',
  export(result, options) {
    const { entries, warnings } = clampToStart(toEntries(result, options));
    const { spans, warnings: spanWarnings } = chapterSpans(entries, result.durationSeconds, 1000);
    warnings.push(...spanWarnings);
    const head = [';FFMETADATA1'];
    const title = mixTitle(result, options);
    const artist = mixPerformer(options);
    if (title) head.push(`title=${ffEscape(title)}`);
    if (artist) head.push(`artist=${ffEscape(artist)}`);
    const chapters = spans.map((s) => ['', '[CHAPTER]', 'TIMEBASE=1/1000', `START=${s.start}`, `END=${s.end}`, `title=${ffEscape(s.entry.name)}`]);
    return { text: [...head, ...chapters.flat()].map((l) => `${l}\n`).join(''), warnings };
  },
};
