import { describe, expect, it } from 'vitest';
import { convert } from '../../../lib/index';
import { FlpBuilder } from '../../helpers/flp-builder';
import { codeOf, read } from './helpers';

describe('FL 9-style projects', () => {
  const flp = new FlpBuilder({ ppq: 96 })
    .version('9.1.0')
    .tempoOld(128.5)
    .marker({ ticks: 0, name: 'Intro' })
    .marker({ ticks: 96 * 32, name: 'Café del Mar' })
    .build();

  it('reads tempo from 66 + 93 and single-byte names; no arrangements', () => {
    const p = read(flp);
    expect(p.version).toBe('9.1.0');
    expect(p.staticBpm).toBe(128.5);
    expect(p.markers.map((m) => [m.name, m.beat])).toEqual([['Intro', 0], ['Café del Mar', 32]]);
    expect(p.arrangement).toBeNull();
  });

  it('converts at the static tempo', async () => {
    const result = await convert(flp);
    expect(result.markers[1]!.seconds).toBeCloseTo((32 * 60) / 128.5, 9);
    expect(result.arrangement).toBeUndefined();
    // one song, no arrangements: the option does not apply, so it is a warning, not an error
    const other = await convert(flp, { arrangement: 'Other' });
    expect(other.markers).toEqual(result.markers);
    expect(other.warnings).toContainEqual({ code: 'option-ignored', message: 'This project has a single arrangement, so the arrangement option "Other" was ignored.' });
  });

  it('reads PPQ 960', () => {
    const p = read(new FlpBuilder({ ppq: 960 }).version('20.8.4.2576').tempo(120).marker({ ticks: 960 * 8, name: 'Eight' }).build());
    expect(p.markers[0]!.beat).toBe(8);
  });
});

describe('arrangements', () => {
  const flp = new FlpBuilder()
    .version('20.8.4.2576')
    .tempo(120)
    .marker({ ticks: 96, name: 'pattern marker' }) // before the first 99: a pattern's, not the song's
    .arrangement(0, 'Main')
    .marker({ ticks: 96 * 4, name: 'Main one' })
    .arrangement(1, 'Radio edit')
    .marker({ ticks: 96 * 8, name: 'Radio one' })
    .marker({ ticks: 96 * 2, name: 'Radio zero' })
    .currentArrangement(1)
    .build();
  const names = (arrangement?: string | number): string[] => read(flp, { arrangement }).markers.map((m) => m.name);

  it('reads the current arrangement by default, sorted by position, and lists all', async () => {
    const p = read(flp);
    expect(p.markers.map((m) => m.name)).toEqual(['Radio zero', 'Radio one']);
    expect(p.arrangement).toEqual({ index: 1, name: 'Radio edit' });
    await expect(convert(flp).then((r) => r.arrangement)).resolves.toEqual({ used: { index: 1, name: 'Radio edit' }, all: [{ index: 0, name: 'Main' }, { index: 1, name: 'Radio edit' }] });
  });

  it('picks an arrangement by index or name', async () => {
    expect(names(0)).toEqual(['Main one']);
    expect(names('0')).toEqual(['Main one']);
    expect(names('Main')).toEqual(['Main one']);
    expect(names('radio EDIT')).toEqual(['Radio zero', 'Radio one']);
    const result = await convert(flp, { arrangement: 'Main' });
    expect(result.arrangement?.used).toEqual({ index: 0, name: 'Main' });
    expect(result.markers.map((m) => m.name)).toEqual(['Main one']);
  });

  it('rejects an unknown arrangement with invalid-option naming the ones there are', () => {
    expect(codeOf(() => read(flp, { arrangement: 'Club mix' }))).toBe('invalid-option');
    expect(codeOf(() => read(flp, { arrangement: 7 }))).toBe('invalid-option');
    expect(() => read(flp, { arrangement: 'Club mix' })).toThrow(/0 "Main", 1 "Radio edit"/);
  });

  it('markers after the current-arrangement event (100) belong to no arrangement', () => {
    const bytes = new FlpBuilder().version('21.0.3').tempo(120).arrangement(0, 'A').marker({ ticks: 0, name: 'in' }).currentArrangement(0).marker({ ticks: 96, name: 'after' }).build();
    expect(read(bytes).markers.map((m) => m.name)).toEqual(['in']);
  });

  it('falls back to the first arrangement when the current one is missing', () => {
    const p = read(new FlpBuilder().version('21.0.3').tempo(120).arrangement(0, 'A').marker({ ticks: 0, name: 'x' }).currentArrangement(4).build());
    expect(p.arrangement?.name).toBe('A');
    expect(p.warnings.map((w) => w.code)).toContain('flp-current-arrangement-missing');
  });
});

describe('markers and meter', () => {
  it('a time-signature marker changes the meter for the positions after it', async () => {
    const flp = new FlpBuilder()
      .version('20.8.4.2576')
      .tempo(120)
      .meter(4, 4)
      .arrangement(0, 'Arrangement')
      .marker({ ticks: 96 * 4, name: 'Bar 2' })
      .marker({ ticks: 96 * 8, kind: 8, name: '3/4', numerator: 3, denominator: 4 })
      .marker({ ticks: 96 * 14, name: 'After' })
      .marker({ ticks: 96 * 2, kind: 5, name: 'start' })
      .currentArrangement(0)
      .build();
    const p = read(flp);
    expect(p.meterChanges).toEqual([{ beat: 8, numerator: 3, denominator: 4 }]);
    expect(p.songStartBeat).toBe(2);
    const result = await convert(flp);
    expect(result.markers.map((m) => [m.name, m.position])).toEqual([['Bar 2', '2.1.1'], ['After', '5.1.1']]);
    expect(result.otherMarkers.map((m) => m.kind)).toEqual(['start', 'time-signature']);
  });

  it('reads the global meter from 17/18 and keeps unknown kinds as non-tracklist markers', () => {
    const p = read(new FlpBuilder().version('20.8').tempo(90).meter(6, 8).marker({ ticks: 0, kind: 42, name: 'odd' }).build());
    expect(p.meter).toEqual({ numerator: 6, denominator: 8 });
    expect(p.markers).toEqual([{ name: 'odd', beat: 0, kind: 'marker', tracklist: false }]);
    expect(p.warnings.map((w) => w.code)).toContain('flp-unknown-marker-kind');
  });
});
