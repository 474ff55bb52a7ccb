/** An empty tracklist: one typed error for every export format but JSON, saying why it is empty. */
import { DawstampsError } from '../errors';
import type { Result } from '../model';

/** What the tracklist was to be made of, by where it came from. */
const SOURCE: Record<Result['markerSource'], string> = {
  locators: 'no locators',
  markers: 'no markers',
  clips: 'no locators or markers and no audio clips on its arrangement',
};

/**
 * The 'empty-tracklist' error for a result without entries: nothing before the start is listed
 * (the start is later than beat 0), or the set has no markers and no clips to list. JSON exports
 * still return the result with its warnings, which say more.
 */
export function emptyTracklistError(result: Result): DawstampsError {
  const hint = 'or export json for the result and its warnings.';
  if (result.start.beat > 0) {
    return new DawstampsError(
      'empty-tracklist',
      `The tracklist is empty: every entry lies before the start (${result.start.label}), or there is none. Choose an earlier start or list them with negative times (beforeStart: negative), ${hint}`,
    );
  }
  const leftOut = result.warnings.find((w) => w.code === 'clips-left-out');
  const why = `the set has ${SOURCE[result.markerSource] ?? SOURCE.markers}${leftOut && result.markerSource === 'clips' ? ` (${leftOut.message.replace(/\.$/, '')})` : ''}`;
  return new DawstampsError('empty-tracklist', `The tracklist is empty: ${why}. Add locators or markers, ${hint}`);
}
