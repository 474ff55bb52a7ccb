import { describe, expect, it } from 'vitest';
import { exportFormatIds, exportResult } from '../../lib/exporters';
import { makeResult } from '../helpers/exporters/make-result';

const empty = makeResult([]);

describe('an empty tracklist', () => {
  it('is empty-tracklist in every format but JSON, which returns the result with its warnings', () => {
    for (const format of exportFormatIds.filter((f) => f !== 'json')) {
      expect(() => exportResult(empty, format, { template: '{start} {name}' }), format).toThrow(
        expect.objectContaining({
          name: 'DawstampsError',
          code: 'empty-tracklist',
          message: 'The tracklist is empty: the set has no locators. Add locators or markers, or export json for the result and its warnings.',
        }),
      );
    }
    const withWarning = { ...empty, warnings: [{ code: 'no-tracklist-markers', message: 'No markers.' }] };
    expect(JSON.parse(exportResult(withWarning, 'json').text)).toEqual(withWarning);
  });

  it('says when every entry may lie before the start', () => {
    const late = { ...empty, start: { beat: 64, label: 'song start' } };
    expect(() => exportResult(late, 'text')).toThrow(
      expect.objectContaining({
        code: 'empty-tracklist',
        message: 'The tracklist is empty: every entry lies before the start (song start), or there is none. Choose an earlier start or list them with negative times (beforeStart: negative), or export json for the result and its warnings.',
      }),
    );
  });

  it('names clips left out of a tracklist from clips', () => {
    const clips = { ...empty, markerSource: 'clips' as const, warnings: [{ code: 'clips-left-out', message: 'Left out of the tracklist: 2 disabled clips (includeDisabledClips).' }] };
    expect(() => exportResult(clips, 'cue')).toThrow(
      expect.objectContaining({
        message: 'The tracklist is empty: the set has no locators or markers and no audio clips on its arrangement (Left out of the tracklist: 2 disabled clips (includeDisabledClips)). Add locators or markers, or export json for the result and its warnings.',
      }),
    );
  });
});
