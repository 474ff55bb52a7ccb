/**
 * Mixcloud sections, as the fields of Mixcloud's upload API: a JSON object whose keys are the form
 * field names (`sections-N-artist`, `sections-N-song`, `sections-N-start_time`; a name without
 * "Artist - Title" becomes a `sections-N-chapter`), values strings, ready to post as form data.
 * Tracklists that break Mixcloud's licensing rules (mixcloud-rules) are written with a warning.
 */
import { splitArtistTitle, toUnits } from '../text';
import { clampToStart, toEntries } from './entries';
import { mixcloudRuleWarnings } from './mixcloud-rules';
import type { Exporter } from './types';

export const mixcloud: Exporter = {
  id: 'mixcloud',
  label: 'Mixcloud sections',
  mediaType: 'application/json',
  extension: 'mixcloud.json',
  export(result, options) {
    const { entries, warnings } = clampToStart(toEntries(result, options));
    const rounding = options.rounding ?? 'down';
    const fields: Record<string, string> = {};
    const tracks = entries.map((entry, i) => {
      const { artist, title } = splitArtistTitle(entry.name);
      if (artist) {
        fields[`sections-${i}-artist`] = artist;
        fields[`sections-${i}-song`] = title;
      } else {
        fields[`sections-${i}-chapter`] = title;
      }
      fields[`sections-${i}-start_time`] = String(toUnits(entry.seconds, 1, rounding));
      return { entry, artist: artist ?? '', title };
    });
    warnings.push(...mixcloudRuleWarnings(tracks));
    return { text: `${JSON.stringify(fields, null, 2)}\n`, warnings };
  },
};
