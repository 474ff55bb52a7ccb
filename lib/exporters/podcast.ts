/** Podcasting 2.0 chapters (podcast:chapters JSON, version 1.2.0). */
import { toUnits } from '../text';
import { clampToStart, clock, toEntries } from './entries';
import { increasingUnits } from './spans';
import type { Exporter } from './types';

interface PodcastChapter {
  startTime: number;
  title: string;
  endTime?: number;
}

export const podcast: Exporter = {
  id: 'podcast',
  label: 'Podcasting 2.0 chapters',
  mediaType: 'application/json+chapters',
  extension: 'chapters.json',
  export(result, options) {
    const { entries, warnings } = clampToStart(toEntries(result, options));
    const { units, warnings: timeWarnings } = increasingUnits(entries, 1000, 'nearest', 'millisecond');
    warnings.push(...timeWarnings);
    const end = result.durationSeconds === null ? null : toUnits(result.durationSeconds, 1000, 'nearest');
    const lastStart = units[units.length - 1];
    const withEnds = end !== null && (lastStart === undefined || end > lastStart);
    if (!withEnds && lastStart !== undefined) {
      const why = end === null ? 'The end of the set is not known' : `The set ends (${clock(end / 1000)}) before the last chapter starts`;
      warnings.push({
        code: 'unknown-end',
        message: `${why}, so chapters have no endTime; players end each at the next chapter and the last at the end of the audio.`,
      });
    }
    const chapters = entries.map((e, i): PodcastChapter => {
      const chapter: PodcastChapter = { startTime: units[i]! / 1000, title: e.name };
      if (withEnds) chapter.endTime = (units[i + 1] ?? end!) / 1000;
      return chapter;
    });
    return { text: `${JSON.stringify({ version: '1.2.0', chapters }, null, 2)}\n`, warnings };
  },
};
