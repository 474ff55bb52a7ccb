/**
 * The result every surface returns, as a zod schema: lib's Result type is inferred from it
 * (lib/model.ts), the API names it in its OpenAPI document, a test validates real results with
 * it. Imported only where a schema is wanted (the API, tests): the converter, the CLI and the
 * page use the types alone, so zod stays out of their bundles.
 */
import { z } from 'zod';
import { DAWS, MARKER_KINDS, TIMING_MODELS } from './kinds';

export const DawSchema = z.enum(DAWS)
  .describe('The project format: Ableton Live set, FL Studio project, DAWproject file, REAPER project.');

export const TimingModelSchema = z.enum(TIMING_MODELS);

export const MarkerKindSchema = z.enum(MARKER_KINDS).describe('What a marker is: Ableton locators, FL Studio marker kinds, REAPER regions, arrangement clips.');

export const WarningSchema = z.object({
  code: z.string(),
  message: z.string().describe('One sentence for a person.'),
  detail: z.string().optional().describe('Technical facts (offsets, sizes) for bug reports; never in JSON from the API.'),
}).describe('Something odd that did not stop the conversion.');

export const ArrangementRefSchema = z.object({ index: z.number().int(), name: z.string() });

export const ResultMarkerSchema = z.object({
  name: z.string().describe('The name every surface shows: an unnamed tracklist entry is "Track N" (N = its place in markers).'),
  originalName: z.string().optional().describe('The name as the project has it, only where name differs from it.'),
  beat: z.number().describe('Quarter notes from the arrangement\'s beat 0.'),
  seconds: z.number().describe('Seconds from the chosen start.'),
  position: z.string().describe('bar.beat.sixteenth, 1-based, under the set\'s meter.'),
  kind: MarkerKindSchema,
  endSeconds: z.number().nullable().optional().describe('Tracklist entries: where the entry ends (its own end, else the next entry\'s start, else the set\'s end); null when no end can be known.'),
  durationSeconds: z.number().nullable().optional().describe('Tracklist entries: endSeconds − seconds.'),
});

export const ResultSchema = z.object({
  source: z.object({
    daw: DawSchema,
    version: z.string().nullable().describe('The DAW version that saved the file.'),
    application: z.string().nullable().describe('The application that saved the file, as a person names it ("Bitwig Studio 5.0").'),
    file: z.string().nullable(),
  }),
  timing: z.object({
    model: TimingModelSchema,
    step: z.number().nullable().describe('The stepped model\'s step in beats (Ableton 1/4, FL Studio 1/128); null for continuous.'),
    reason: z.string().describe('Why this model: the DAW and version, or that it was forced.'),
  }),
  tempo: z.object({
    initialBpm: z.number(),
    automated: z.boolean(),
    points: z.array(z.tuple([z.number(), z.number()])).optional().describe('The breakpoints as [beat, bpm], unless left out.'),
  }),
  start: z.object({ beat: z.number(), label: z.string() }).describe('Where the clock\'s zero is.'),
  markerSource: z.enum(['locators', 'clips', 'markers']).describe('Where the tracklist came from.'),
  markers: z.array(ResultMarkerSchema).describe('The tracklist, in time order.'),
  otherMarkers: z.array(ResultMarkerSchema).describe('Markers that are not tracklist entries (FL Studio loop, punch, time signature…).'),
  arrangement: z.object({ used: ArrangementRefSchema, all: z.array(ArrangementRefSchema) }).optional()
    .describe('Projects with several arrangements: the one timed and all of them.'),
  durationSeconds: z.number().nullable().describe('The set\'s length from the chosen start; null when the project says nothing about its end.'),
  warnings: z.array(WarningSchema),
}).describe('The tracklist of a project, timed (docs/exports.md).');
