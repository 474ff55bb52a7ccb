import { describe, expect, it } from 'vitest';
import { readBuilt } from './helpers';

describe('arrangement clips', () => {
  it.each([9, 11, 12] as const)('Live %i: names, files, disabled clips, muted tracks and groups; session clips ignored', async (live) => {
    const p = await readBuilt({
      live,
      decoys: true,
      groups: [{ name: 'Muted group', muted: true }],
      audioTracks: [
        {
          name: 'Deck A',
          clips: [
            { start: 64, end: 136, name: 'Artist B - Song B', file: 'Artist B - Song B.mp3' },
            { start: 0, end: 72, name: '', file: 'Artist A - Song A (Remix).wav' },
          ],
          sessionClips: [{ start: 0, end: 9999, name: 'session' }],
        },
        { name: 'Deck B', muted: true, clips: [{ start: 128, end: 200, name: 'Muted' }] },
        { name: 'In group', group: 0, clips: [{ start: 300, end: 310, name: 'Grouped' }] },
        { name: 'Deck C', clips: [{ start: 130, end: 180, name: 'Off', disabled: true }] },
      ],
    });
    const clips = p.clips!.map((c) => [c.name, c.fileName, c.trackName, c.startBeat, c.endBeat, c.disabled, c.trackMuted]);
    expect(clips).toEqual([
      ['', 'Artist A - Song A (Remix).wav', 'Deck A', 0, 72, false, false],
      ['Artist B - Song B', 'Artist B - Song B.mp3', 'Deck A', 64, 136, false, false],
      ['Muted', 'sample.wav', 'Deck B', 128, 200, false, true],
      ['Off', 'sample.wav', 'Deck C', 130, 180, true, false],
      ['Grouped', 'sample.wav', 'In group', 300, 310, false, true],
    ]);
    expect(p.clips!.map((c) => c.trackIndex)).toEqual([1, 1, 2, 4, 3]);
    // the arrangement's length: every clip counts, muted, grouped or disabled (the session's 9999 does not)
    expect(p.endBeat).toBe(310);
  });

  it('Live 8: the track activator is read from its first automation event', async () => {
    const p = await readBuilt({ live: 8, audioTracks: [{ name: 'on', clips: [{ start: 0, end: 4 }] }, { name: 'off', muted: true, clips: [{ start: 4, end: 8 }] }] });
    expect(p.clips!.map((c) => [c.trackName, c.trackMuted])).toEqual([
      ['on', false],
      ['off', true],
    ]);
  });

  it('a set without clips has no end', async () => {
    const p = await readBuilt({ live: 11 });
    expect(p.clips).toEqual([]);
    expect(p.endBeat).toBeNull();
  });
});
