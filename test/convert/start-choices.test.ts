/** startChoices (lib/start-choices.ts): the page's start menu offers what the set has, and each choice resolves. */
import { describe, expect, it } from 'vitest';
import { parseProject, timeProject } from '../../lib';
import { startChoices } from '../../lib/start-choices';
import { buildAls } from '../helpers/als-builder';
import { fixture } from '../helpers/fixtures';

// 120 BPM: half a second a beat; locators out of time order, one before beat 0.
const set = buildAls({
  live: 11,
  tempo: 120,
  locators: [{ time: 32, name: 'Drop' }, { time: 0, name: 'Intro' }, { time: 16, name: 'Build', isSongStart: true }, { time: -8, name: '' }],
  loop: { start: 8, length: 56, on: true },
});

describe('startChoices', () => {
  it('lists beat 0, the song start, the loop, then every entry by time (before beat 0 too), with its time from beat 0', async () => {
    const choices = startChoices(await parseProject(set));
    expect(choices).toEqual([
      { value: 'zero', label: 'Beat 0 (the arrangement start)' },
      { value: 'song-start', label: 'The song start marker' },
      { value: 'loop', label: 'The loop start' },
      { value: '#1', label: 'Marker 1: Track 1 (-0:04)' },
      { value: '#2', label: 'Marker 2: Intro (0:00)' },
      { value: '#3', label: 'Marker 3: Build (0:08)' },
      { value: '#4', label: 'Marker 4: Drop (0:16)' },
    ]);
  });

  it('offers no song start or loop on a project without them', async () => {
    const values = startChoices(await parseProject(fixture('flstudio/fl-test.flp'))).map((c) => c.value);
    expect(values[0]).toBe('zero');
    expect(values).not.toContain('song-start');
    expect(values).not.toContain('loop');
    expect(values.slice(1).every((v) => /^#\d+$/.test(v))).toBe(true);
    expect(startChoices(await parseProject(fixture('flstudio/fl-markers.flp'))).map((c) => c.value)).toContain('song-start');
  });

  it('gives values that every timing resolves: an entry is at 0:00 when chosen', async () => {
    const project = await parseProject(set);
    for (const timing of ['auto', 'stepped', 'continuous'] as const) {
      for (const { value } of startChoices(project, { timing })) {
        const result = timeProject(project, { timing, start: value });
        if (value.startsWith('#')) expect(result.markers[0]!.seconds).toBe(0);
      }
    }
  });

  it('follows the tracklist source: clips give one choice per song', async () => {
    const clips = buildAls({ live: 11, audioTracks: [{ clips: [{ start: 0, end: 64, name: 'One', file: 'one.wav' }, { start: 64, end: 128, name: 'Two', file: 'two.wav' }] }] });
    const project = await parseProject(clips);
    const entries = (options = {}) => startChoices(project, options).filter((c) => c.value.startsWith('#')).map((c) => c.label);
    expect(entries()).toEqual(['Marker 1: One (0:00)', 'Marker 2: Two (0:32)']);
    expect(entries({ source: 'locators' })).toEqual([]);
  });
});
