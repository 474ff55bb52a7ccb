/**
 * Positions a DAW stores in seconds (REAPER here) keep their times exactly through every path of
 * timeProject: a start at such a marker or at the loop is the clock's zero itself; a tracklist from
 * such clips keeps the clips' seconds; a forced other model moves beats, never these times, and
 * the set's end and the loop follow their seconds too.
 */
import { describe, expect, it } from 'vitest';
import { convert } from '../../lib';
import { mixProject, rppBytes } from '../helpers/rpp-builder';

const set = rppBytes(mixProject());

describe('times stored in seconds', () => {
  it('a start at a marker or at the loop is exactly zero, and every other time exactly its stored seconds minus the start', async () => {
    for (const model of ['auto', 'stepped'] as const) {
      const fromMarker = await convert(set, { start: 'Bicep – Glue', timing: model });
      expect(fromMarker.markers[0]).toMatchObject({ name: 'Bicep – Glue', seconds: 0 });
      expect(fromMarker.markers.map((m) => m.seconds)).toEqual([0, 301.5 - 95.25, 420 - 95.25]);
      const fromLoop = await convert(set, { start: 'loop', timing: model });
      expect(fromLoop.markers[0]!.seconds).toBe(0);
      expect(fromLoop.markers.map((m) => m.seconds)).toEqual([0, 301.5 - 95.25, 420 - 95.25]);
    }
  });

  it('a tracklist from clips keeps the clips\' seconds exactly, whatever the model', async () => {
    for (const model of ['auto', 'stepped', 'continuous'] as const) {
      const r = await convert(set, { source: 'clips', timing: model });
      expect(r.markers.map((m) => [m.seconds, m.endSeconds]), model).toEqual([[0, 100], [95.25, 305.25], [301.5, 481.5]]);
    }
  });

  it('under a forced model the set\'s end stays where its last clip ends, in seconds', async () => {
    const auto = await convert(set);
    const stepped = await convert(set, { timing: 'stepped' });
    expect(auto.durationSeconds).toBe(481.5);
    expect(stepped.durationSeconds).toBeCloseTo(481.5, 9);
    // beats move (a stepped map reaches the same second at another beat), times do not
    expect(stepped.markers.map((m) => m.seconds)).toEqual(auto.markers.map((m) => m.seconds));
  });
});
