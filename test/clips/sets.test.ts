/**
 * Tracklists from clips through convert(), on hand-built sets (test/helpers/als-builder.ts).
 * Static 120 BPM: one beat = 0.5 s, so beat 64 = 32 s; every expected time below is beats / 2.
 */
import { describe, expect, it } from 'vitest';
import { convert, type Result } from '../../lib';
import { buildAls, type AlsAudioTrack } from '../helpers/als-builder';

const entries = (r: Result) => r.markers.map((m) => [m.name, m.seconds, m.endSeconds]);
/** Clips without a `file` all share the builder's "sample.wav": same file, same song. */
const set = (audioTracks: AlsAudioTrack[], live: 11 | 12 = 11) => buildAls({ live, tempo: 120, audioTracks });

/** A DJ mix: one song per clip on alternating decks, overlapping 8 beats for each crossfade. */
const alternating: AlsAudioTrack[] = [
  { name: 'Deck A', clips: [{ start: 0, end: 136, name: 'Artist One - First Song', file: 'Artist One - First Song.wav' }, { start: 256, end: 400, name: 'Artist Three - Third', file: 'Artist Three - Third.mp3' }] },
  { name: 'Deck B', clips: [{ start: 128, end: 264, name: 'Artist Two - Second', file: 'Artist Two - Second.flac' }] },
];

describe('tracklists from clips', () => {
  it('gives one entry per clip on alternating, overlapping tracks, with ends and the set end', async () => {
    const result = await convert(set(alternating), { source: 'clips' });
    expect(result.markerSource).toBe('clips');
    expect(entries(result)).toEqual([
      ['Artist One - First Song', 0, 68],
      ['Artist Two - Second', 64, 132],
      ['Artist Three - Third', 128, 200],
    ]);
    expect(result.markers.map((m) => [m.kind, m.beat, m.position])).toEqual([
      ['clip', 0, '1.1.1'],
      ['clip', 128, '33.1.1'],
      ['clip', 256, '65.1.1'],
    ]);
    expect(result.durationSeconds).toBe(200);
    expect(result.warnings).toEqual([]);
  });

  it('crossfade-middle puts each later song at the middle of its crossfade', async () => {
    const result = await convert(set(alternating), { source: 'clips', clipAnchor: 'crossfade-middle' });
    // Second: overlap 128..136 → beat 132 = 66 s; Third: overlap 256..264 → beat 260 = 130 s.
    expect(entries(result)).toEqual([
      ['Artist One - First Song', 0, 68],
      ['Artist Two - Second', 66, 132],
      ['Artist Three - Third', 130, 200],
    ]);
  });

  it('merges a song split into three clips (across tracks) into one entry', async () => {
    const tracks: AlsAudioTrack[] = [
      { clips: [{ start: 0, end: 32, name: 'Split Song', file: 'Split Song.wav' }, { start: 32, end: 64, name: 'Split Song', file: 'Split Song.wav' }, { start: 120, end: 180, name: 'Next - Tune', file: 'Next - Tune.wav' }] },
      { clips: [{ start: 64, end: 128, name: 'Split Song (cut)', file: 'Split Song.wav' }] },
    ];
    const result = await convert(set(tracks), { source: 'clips' });
    expect(entries(result)).toEqual([
      ['Split Song', 0, 64],
      ['Next - Tune', 60, 90],
    ]);
  });

  it('leaves a disabled clip out by default, says so, and includes it on request (the set\'s length counts it either way)', async () => {
    const tracks: AlsAudioTrack[] = [
      { clips: [{ start: 0, end: 64, name: 'One', file: 'One.wav' }, { start: 64, end: 128, name: 'Two (disabled)', file: 'Two.wav', disabled: true }, { start: 128, end: 192, name: 'Three', file: 'Three.wav' }, { start: 192, end: 256, name: 'Four', file: 'Four.wav', disabled: true }] },
    ];
    const plain = await convert(set(tracks), { source: 'clips' });
    expect(entries(plain)).toEqual([
      ['One', 0, 32],
      ['Three', 64, 96],
    ]);
    expect(plain.durationSeconds).toBe(128);
    expect(plain.warnings).toEqual([{ code: 'clips-left-out', message: 'Left out of the tracklist: 2 disabled clips (to list them: --include-disabled).' }]);

    const all = await convert(set(tracks), { source: 'clips', includeDisabledClips: true });
    expect(entries(all)).toEqual([
      ['One', 0, 32],
      ['Two (disabled)', 32, 64],
      ['Three', 64, 96],
      ['Four', 96, 128],
    ]);
    expect(all.durationSeconds).toBe(128);
    expect(all.warnings).toEqual([]);
  });

  it('leaves clips on a muted track (or in a muted group) out by default, and includes them on request', async () => {
    const bytes = buildAls({
      live: 12,
      groups: [{ name: 'Muted group', muted: true }],
      audioTracks: [
        { name: 'Deck A', clips: [{ start: 0, end: 72, name: 'Playing - One', file: 'Playing - One.wav' }, { start: 128, end: 200, name: 'Playing - Two', file: 'Playing - Two.wav' }] },
        { name: 'Muted deck', muted: true, clips: [{ start: 64, end: 136, name: 'Muted - Song', file: 'Muted - Song.wav' }] },
        { name: 'In group', group: 0, clips: [{ start: 300, end: 340, name: 'Grouped - Song', file: 'Grouped - Song.wav' }] },
      ],
    });
    const plain = await convert(bytes, { source: 'clips' });
    expect(entries(plain)).toEqual([
      ['Playing - One', 0, 36],
      ['Playing - Two', 64, 100],
    ]);
    expect(plain.durationSeconds).toBe(170); // the muted clips are part of the arrangement's length
    expect(plain.warnings.map((w) => w.message)).toEqual(['Left out of the tracklist: 2 clips on muted tracks (to list them: --include-muted).']);

    const all = await convert(bytes, { source: 'clips', includeMutedTracks: true });
    expect(entries(all)).toEqual([
      ['Playing - One', 0, 36],
      ['Muted - Song', 32, 68],
      ['Playing - Two', 64, 100],
      ['Grouped - Song', 150, 170],
    ]);
    expect(all.durationSeconds).toBe(170);
  });

  it('names entries from file names with the junk cleaned, keeping "Artist - Title" and remix parentheses', async () => {
    const tracks: AlsAudioTrack[] = [
      {
        clips: [
          { start: 0, end: 64, name: '', file: '01. Daft Punk - One More Time (Radio Edit) [www.example.com].mp3' },
          { start: 64, end: 128, name: 'Bicep - Glue (Original Mix).wav', file: 'Bicep - Glue (Original Mix).wav' },
          { start: 128, end: 192, name: '', file: 'Moby - Porcelain (Official Video) [HD].flac' },
        ],
      },
    ];
    for (const live of [9, 11] as const) {
      const result = await convert(buildAls({ live, audioTracks: tracks }), { source: 'clips' });
      expect(result.markers.map((m) => m.name)).toEqual(['Daft Punk - One More Time (Radio Edit)', 'Bicep - Glue (Original Mix)', 'Moby - Porcelain']);
    }
  });

  it('reads only arrangement clips, never session-view clips', async () => {
    const result = await convert(set([{ clips: [{ start: 0, end: 16, name: 'Arranged', file: 'a.wav' }], sessionClips: [{ start: 0, end: 8, name: 'Session only', file: 's.wav' }] }]), { source: 'clips' });
    expect(result.markers.map((m) => m.name)).toEqual(['Arranged']);
  });
});
