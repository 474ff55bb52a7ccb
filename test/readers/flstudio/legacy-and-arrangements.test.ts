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

  it('reads the FL 9 playlist (pattern items with 0x6000 at +6): the song\'s end, its audio clips, no warning', async () => {
    const sample = 196;
    const fl9 = new FlpBuilder({ ppq: 96 })
      .version('9.1.0')
      .tempoOld(120)
      .word(64, 4).byte(21, 0).text(203, 'Vocal').text(sample, 'C:\\Samples\\Artist - Vocal.wav')
      .marker({ ticks: 0, name: 'Intro' })
      .marker({ ticks: 96 * 32, name: 'Drop' })
      .playlist([
        { position: 0, length: 96 * 64, item: 20481 },
        { position: 96 * 64, length: 96 * 32, item: 20482, muted: true },
        { position: 96 * 16, length: 96 * 8, item: 4, track: 2 },
      ])
      .build();
    const p = read(fl9);
    expect(p.warnings).toEqual([]);
    expect(p.endBeat).toBe(96); // the muted pattern item ends last: 64 + 32 beats
    expect(p.clips!.map((c) => [c.name, c.fileName, c.trackName, c.startBeat, c.endBeat])).toEqual([['Vocal', 'Artist - Vocal.wav', 'Track 3', 16, 24]]);
    const result = await convert(fl9);
    expect(result.warnings).toEqual([]);
    expect(result.durationSeconds).toBe(48);
    expect(result.markers.map((m) => [m.name, m.endSeconds])).toEqual([['Intro', 16], ['Drop', 48]]);
  });

  it('reads the playlist records FL 9.0.3 wrote (bytes as in real projects), and still calls real damage damage', () => {
    // An empty FL 9.0.3 project's one pattern item (its default pattern, 4 beats at 0), and an audio
    // clip item from another FL 9.0.3 project (channel 4, 111 ticks at 192), byte for byte.
    const hex = (h: string) => Uint8Array.from(h.split(' ').map((x) => Number.parseInt(x, 16)));
    const pattern = hex('00 00 00 00 00 00 00 60 80 01 00 00 de 03 00 00 78 00 00 00 40 64 80 80 ff ff ff ff ff ff ff 7f');
    const audio = hex('c0 00 00 00 00 50 04 00 6f 00 00 00 61 00 00 00 78 00 40 00 40 64 80 80 00 00 80 bf 00 00 80 bf');
    const project = (playlist: Uint8Array, version = '9.0.3') => new FlpBuilder({ ppq: 96 }).version(version).tempoOld(140).data(233, [...playlist, ...audio]).build();
    const p = read(project(pattern));
    expect(p.warnings.map((w) => w.code)).toEqual(['no-tracklist-markers']);
    expect(p.endBeat).toBe(4);
    // FL 11 and later never write 0x6000 there: in their files it is damage, and so is garbage in FL 9's
    expect(read(project(pattern, '11.1.0')).warnings.map((w) => w.code)).toContain('flp-playlist-damaged');
    expect(read(project(Uint8Array.from({ length: 32 }, (_, i) => i))).warnings.map((w) => w.code)).toContain('flp-playlist-damaged');
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
