/** YouTube chapters for a video description: `m:ss Title`, valid by default (see youtube-rules). */
import { toUnits } from '../text';
import { clampToStart, toEntries } from './entries';
import { checkChapters, countWarning, fixChapters, ytClock, type Chapter } from './youtube-rules';
import type { Exporter } from './types';

export const youtube: Exporter = {
  id: 'youtube',
  label: 'YouTube chapters',
  mediaType: 'text/plain; charset=utf-8',
  extension: 'youtube.txt',
  export(result, options) {
    const fix = options.fix ?? true;
    const named = toEntries(result, options);
    const { entries, warnings } = fix ? clampToStart(named) : named;
    const rounding = options.rounding ?? 'down';
    const marked: Chapter[] = entries.map((e) => ({ time: toUnits(e.seconds, 1, rounding), name: e.name }));
    const end = result.durationSeconds;
    let chapters = marked;
    if (fix) {
      const fixed = fixChapters(marked, end);
      chapters = fixed.chapters;
      warnings.push(...fixed.warnings);
    } else {
      warnings.push(...checkChapters(marked, end), ...countWarning(marked));
    }
    return { text: chapters.map((c) => `${ytClock(c.time)} ${c.name}\n`).join(''), warnings };
  },
};
