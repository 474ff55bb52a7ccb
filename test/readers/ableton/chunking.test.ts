import { describe, expect, it } from 'vitest';
import { resolveLimits } from '../../../lib/limits';
import { readAbleton } from '../../../lib/readers/ableton';
import type { Inflate } from '../../../lib/readers/types';
import { alsXml, buildAls, type AlsOptions } from '../../helpers/als-builder';

/** An "inflater" that hands over known XML in pieces of `size` bytes (exercises the byte-level skip). */
const pieces = (xml: Uint8Array, size: number): Inflate => (_gzip, onChunk) => {
  for (let at = 0; at < xml.length; at += size) onChunk(xml.subarray(at, at + size));
};

describe('chunk boundaries', () => {
  const options: AlsOptions = {
    live: 12,
    decoys: true,
    tempoEvents: [{ beat: -63072000, bpm: 120 }, { beat: 8, bpm: 128, curve: [0.1, 0.2, 0.3, 0.4] }, { beat: 16, bpm: 90 }],
    meterEvents: [{ beat: 32, numerator: 7, denominator: 8 }],
    locators: [{ time: 16, name: 'Ünïcødé – 你好 🎧' }, { time: 4, name: '' }],
    loop: { start: 4, length: 8, on: true },
    groups: [{ name: 'G', muted: true }],
    audioTracks: [{ name: 'A', clips: [{ start: 0, end: 8, name: 'É', file: 'é.wav' }] }, { name: 'B', group: 0, clips: [{ start: 8, end: 16 }] }],
    junk: { tracks: 6, devicesPerTrack: 3, parametersPerDevice: 8, envelopesPerTrack: 2, pointsPerEnvelope: 60, notesPerTrack: 40, masterEnvelopes: 2 },
  };
  const xml = new TextEncoder().encode(alsXml(options));
  const gz = buildAls(options);

  it('gives the same project for every piece size, down to single bytes', async () => {
    const reference = await readAbleton(gz, { limits: resolveLimits() });
    expect(reference.timelines[0]!.markers.map((m) => m.name)).toEqual(['', 'Ünïcødé – 你好 🎧']);
    expect(reference.timelines[0]!.clips!.map((c) => [c.name, c.trackMuted])).toEqual([['É', false], ['', true]]);
    for (const size of [1, 97, 4096, 4099, 6151, 10_007, 65_536]) {
      const p = await readAbleton(gz, { limits: resolveLimits(), inflate: pieces(xml, size) });
      expect(p).toEqual(reference);
    }
  });
});
