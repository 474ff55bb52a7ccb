/** WebVTT chapters (`<track kind="chapters">`): one cue a marker, ending where the next begins. */
import { formatVttMillis } from '../text';
import { clampToStart, toEntries } from './entries';
import { chapterSpans } from './spans';
import type { Exporter } from './types';

/** Cue text: `&`, `<`, `>` escaped (so `-->` cannot appear); line breaks were already removed. */
export function vttText(s: string): string {
  return s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

export const webvtt: Exporter = {
  id: 'webvtt',
  label: 'WebVTT chapters',
  mediaType: 'text/vtt; charset=utf-8',
  extension: 'vtt',
  export(result, options) {
    const { entries, warnings } = clampToStart(toEntries(result, options));
    const { spans, warnings: spanWarnings } = chapterSpans(entries, result.durationSeconds, 1000);
    warnings.push(...spanWarnings);
    const cues = spans.map((s, i) => `${i + 1}\n${formatVttMillis(s.start)} --> ${formatVttMillis(s.end)}\n${vttText(s.entry.name)}\n`);
    return { text: ['WEBVTT\n', ...cues].join('\n'), warnings };
  },
};
