/**
 * Audacity labels: `start<TAB>end<TAB>label`, seconds with 6 decimals. Each entry is a region
 * label up to its end (its clip's end, the next entry, the set's end); a point label (end =
 * start) when its end is not known.
 */
import { fixedSeconds } from '../text';
import { entryEnds } from './ends';
import { clampToStart, toEntries } from './entries';
import type { Exporter } from './types';

export const audacity: Exporter = {
  id: 'audacity',
  label: 'Audacity labels',
  mediaType: 'text/plain; charset=utf-8',
  extension: 'labels.txt',
  export(result, options) {
    const { entries, warnings } = clampToStart(toEntries(result, options));
    const ends = entryEnds(entries, result.durationSeconds);
    const lines = entries.map((e, i) => `${fixedSeconds(e.seconds, 6)}\t${fixedSeconds(ends[i] ?? e.seconds, 6)}\t${e.name}\n`);
    return { text: lines.join(''), warnings };
  },
};
