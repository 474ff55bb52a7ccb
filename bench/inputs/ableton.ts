/** The generated Ableton sets of the bench: option builders over test/helpers/als-builder. */
import { bigSetOptions, makeRandom, type AlsLocator, type AlsOptions, type AlsTempoEvent } from '../../test/helpers/als-builder';

/** What the CLI must report for a set (the bench checks it before timing anything). */
export interface Expected {
  markers: number;
  tempoPoints: number;
}

/** A set to write and what converting it must give. */
export interface AlsInput {
  options: AlsOptions;
  expected: Expected;
}

const FLOOR = -63072000;

function locators(count: number, lastBeat: number, seed: number): AlsLocator[] {
  const r = makeRandom(seed);
  return Array.from({ length: count }, (_, i) => ({ time: Math.round(r() * lastBeat), name: `Artist ${i} - Title ${i}` }));
}

/** `count` breakpoints (the -63072000 floor point included), one every `spacing` beats. */
export function tempoRamp(count: number, spacing: number, seed: number): AlsTempoEvent[] {
  const r = makeRandom(seed);
  const events: AlsTempoEvent[] = [{ beat: FLOOR, bpm: 124 }];
  for (let i = 0; i < count - 1; i++) events.push({ beat: i * spacing, bpm: 118 + Math.round(r() * 1200) / 100 });
  return events;
}

/** About 200 MB of XML per unit of `scale`: hundreds of tracks, dense automation, 6,000 tempo breakpoints, 300 locators. */
export function bigSet(scale: number, seed = 7): AlsInput {
  const options = bigSetOptions(scale, seed);
  return { options, expected: { markers: options.locators?.length ?? 0, tempoPoints: options.tempoEvents?.length ?? 0 } };
}

/** A few-KB set: 20 locators and a short tempo ramp (start-up time). */
export function smallSet(seed = 11): AlsInput {
  const options: AlsOptions = { live: 11, tempoEvents: tempoRamp(17, 16, seed), locators: locators(20, 256, seed) };
  return { options, expected: { markers: 20, tempoPoints: 17 } };
}

/** `breakpoints` tempo breakpoints a quarter beat apart, 100 locators, nothing else (start-up with a big tempo map). */
export function tempoSet(breakpoints: number, seed = 13): AlsInput {
  const options: AlsOptions = { live: 11, tempoEvents: tempoRamp(breakpoints, 0.25, seed), locators: locators(100, breakpoints / 4, seed) };
  return { options, expected: { markers: 100, tempoPoints: breakpoints } };
}

/**
 * The big set's tempo, locators and clips with `tracks` tracks of more compressible bulk (2 devices of
 * 400 parameters each; ~340 KB of XML, ~21 KB of gzip a track): 2,925 tracks give 1 GB of XML in
 * ~62 MB of gzip, under the 100 MiB upload limit (the big set's own mix would need ~146 MB).
 */
export function hugeSet(tracks: number, seed = 8): AlsInput {
  const set = bigSet(1, seed);
  set.options.junk = { ...set.options.junk, tracks, devicesPerTrack: 2, parametersPerDevice: 400, envelopesPerTrack: 1, pointsPerEnvelope: 50, notesPerTrack: 20 };
  return set;
}
