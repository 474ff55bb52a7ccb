import { describe, expect, it } from 'vitest';
import { convert } from '../../../lib';
import { detectReader } from '../../../lib/readers';
import { isDawstampsError } from '../../../lib/errors';
import { fixture, read } from './helpers';
import { expectedFiles } from '../../helpers/fixtures';

interface Expected {
  creator?: string;
  minorVersion?: string;
  error?: boolean;
  markers?: Array<{ name: string; seconds: number; secondsContinuous: number }>;
}
const expected = expectedFiles() as Record<string, Expected>;
const ableton = Object.entries(expected).filter(([name, e]) => /^(ableton|large)\//.test(name) && !e.error);

/** Fixtures whose master track carries a tempo envelope with more than one breakpoint. */
const automated = new Set([
  'ableton/automation.als',
  'ableton/automation-intense.als',
  'ableton/automation-intense-unaligned.als',
  'ableton/L12-automation.als',
  'ableton/L12-automation-intense-unaligned.als',
  'ableton/automation-pathological-end3.als',
  'ableton/live8-markers-auto.als',
  'ableton/live9-automation.als',
]);

describe('Ableton reader on the shared fixtures', () => {
  it.each(ableton)('%s: locators in time order, version, tempo envelope', async (name, exp) => {
    const p = await read(fixture(name));
    expect(p.daw).toBe('ableton');
    expect(p.markers.map((m) => m.name)).toEqual(exp.markers!.map((m) => m.name));
    expect(p.markers.every((m) => m.kind === 'locator' && m.tracklist)).toBe(true);
    const beats = p.markers.map((m) => m.beat);
    expect(beats).toEqual([...beats].sort((a, b) => a - b));
    expect(`Ableton Live ${p.version}`).toBe(exp.creator);
    expect(p.tempo.length > 1).toBe(automated.has(name));
    expect(p.tempoStep).toBe(0.25);
    expect(p.autoTiming.model).toBe(p.version!.startsWith('12.3') ? 'continuous' : 'stepped');
  });

  it.each(ableton)('%s: convert() gives the expected seconds in both models (1 ms)', async (name, exp) => {
    const bytes = fixture(name);
    const stepped = await convert(bytes, { timing: 'stepped' });
    const continuous = await convert(bytes, { timing: 'continuous' });
    exp.markers!.forEach((m, i) => {
      // expected.json keeps the set's own names; an unnamed locator is shown as "Track N"
      expect(stepped.markers[i]!.originalName ?? stepped.markers[i]!.name).toBe(m.name);
      if (m.name === '') expect(stepped.markers[i]!.name).toBe(`Track ${i + 1}`);
      expect(Math.abs(stepped.markers[i]!.seconds - m.seconds)).toBeLessThan(0.001);
      expect(Math.abs(continuous.markers[i]!.seconds - m.secondsContinuous)).toBeLessThan(0.001);
    });
  });

  it('reads the static tempo of sets without automation, and Live 8 without Manual', async () => {
    expect((await read(fixture('ableton/example-140.als'))).staticBpm).toBe(140);
    expect((await read(fixture('ableton/live8-markers-noauto.als'))).staticBpm).toBeCloseTo(95.3, 6);
    const noEnvelopes = await read(fixture('ableton/markers-malformed-no-master-ae.als'));
    expect(noEnvelopes.tempo).toEqual([]);
    expect(noEnvelopes.warnings).toEqual([]);
  });

  it('reads the Live 9 arrangement clips (session clips left out) with file names and mute state', async () => {
    const p = await read(fixture('ableton/live9-automation.als'));
    expect(p.clips!.length).toBe(123);
    expect(p.clips!.every((c) => c.fileName !== null && c.endBeat >= c.startBeat)).toBe(true);
    // the set ends with its last arrangement clip of any kind: an audio clip at 255.73 beats here
    // (its MIDI clips end at 224, its session clips do not count)
    expect(p.endBeat).toBe(Math.max(...p.clips!.map((c) => c.endBeat)));
    expect(p.endBeat).toBeCloseTo(255.7257019022644, 12);
  });

  it('rejects empty.als and junk.als with typed errors', () => {
    const code = (name: string): string | undefined => {
      try {
        detectReader(fixture(name));
      } catch (e) {
        return isDawstampsError(e) ? e.code : 'untyped';
      }
    };
    expect(code('ableton/empty.als')).toBe('empty-file');
    expect(code('ableton/junk.als')).toBe('not-a-project');
  });
});
