/**
 * The JSON export formats, each a named schema of the OpenAPI document: `json` is the Result
 * itself; `report-json` and `mixcloud` share its media type (application/json), so a response in
 * it is one of the three; `podcast` has its own (application/json+chapters). Shapes as
 * lib/exporters writes them; test/functions/openapi/document.test.ts checks real exports against them.
 */
import { z } from '@hono/zod-openapi';
import { ResultBody } from './schemas';

const time = z.string().openapi({ description: 'hh:mm:ss (with .mmm at precision=ms)' });
const seconds = z.number().openapi({ description: 'seconds, to the millisecond' });

/** report-json: a licensing report (PRS for Music, SoundExchange). */
export const LicensingReportBody = z.strictObject({
  title: z.string().nullable(),
  performer: z.string().nullable(),
  duration: time.nullable(),
  durationSeconds: seconds.nullable(),
  tracks: z.array(z.strictObject({
    index: z.number().int(),
    start: time,
    startSeconds: seconds,
    end: time.nullable(),
    endSeconds: seconds.nullable(),
    duration: time.nullable(),
    durationSeconds: seconds.nullable(),
    artist: z.string().nullable(),
    title: z.string(),
    isrc: z.string().nullable(),
  })),
}).openapi('LicensingReport', { description: 'The report-json export: the set, then one entry a track.' });

/** mixcloud: the fields of Mixcloud's upload API. */
export const MixcloudSectionsBody = z.record(z.string().regex(/^sections-\d+-(artist|song|chapter|start_time)$/), z.string())
  .openapi('MixcloudSections', { description: 'The mixcloud export: form fields sections-N-artist, -song (or -chapter) and -start_time (seconds), ready to post to Mixcloud\'s upload API.' });

/** podcast: Podcasting 2.0 chapters. */
export const PodcastChaptersBody = z.strictObject({
  version: z.literal('1.2.0'),
  chapters: z.array(z.strictObject({ startTime: z.number(), title: z.string(), endTime: z.number().optional() })),
}).openapi('PodcastChapters', { description: 'The podcast export (application/json+chapters): Podcasting 2.0 chapters.' });

/** What an application/json export is: the result (json), a licensing report or Mixcloud's fields. */
export const JsonExportBody = z.union([ResultBody, LicensingReportBody, MixcloudSectionsBody]);
