/** Text tracklist (the default): one `mm:ss name` line a marker, `h:mm:ss` when the set reaches an hour. */
import { defaultRounding, formatClock, needsHours } from '../text';
import { toEntries } from './entries';
import type { Exporter } from './types';

export const text: Exporter = {
  id: 'text',
  label: 'Text tracklist',
  mediaType: 'text/plain; charset=utf-8',
  extension: 'txt',
  export(result, options) {
    const { entries, warnings } = toEntries(result, options);
    const precision = options.precision ?? 's';
    const rounding = options.rounding ?? defaultRounding(precision);
    const hours = needsHours(entries.map((e) => e.seconds), precision, rounding);
    const lines = entries.map((e) => `${formatClock(e.seconds, { precision, rounding, hours, padMinutes: true })} ${e.name}`);
    return { text: lines.map((l) => `${l}\n`).join(''), warnings };
  },
};
