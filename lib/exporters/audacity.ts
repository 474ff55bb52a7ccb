/** Audacity labels: `start<TAB>end<TAB>label`, seconds with 6 decimals; a point label has start = end. */
import { fixedSeconds } from '../text';
import { clampToStart, toEntries } from './entries';
import type { Exporter } from './types';

export const audacity: Exporter = {
  id: 'audacity',
  label: 'Audacity labels',
  mediaType: 'text/plain; charset=utf-8',
  extension: 'labels.txt',
  export(result, options) {
    const { entries, warnings } = clampToStart(toEntries(result, options));
    const lines = entries.map((e) => {
      const end = e.endSeconds !== undefined && e.endSeconds > e.seconds ? e.endSeconds : e.seconds;
      return `${fixedSeconds(e.seconds, 6)}\t${fixedSeconds(end, 6)}\t${e.name}\n`;
    });
    return { text: lines.join(''), warnings };
  },
};
