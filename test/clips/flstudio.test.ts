/**
 * Tracklists from FL Studio audio clips: channels that name a sample (event 196), placed on the
 * playlist as channel items. Hand-built with test/helpers/flp-builder.ts: PPQ 96 and a static
 * 120 BPM, so 96 ticks = 1 beat = 0.5 s.
 */
import { fixture } from '../helpers/fixtures';
import { describe, expect, it } from 'vitest';
import { convert, type Result } from '../../lib';
import { FlpBuilder, type PlaylistItemSpec } from '../helpers/flp-builder';

const PPQ = 96;
const SAMPLE_PATH = 196;
const beats = (b: number) => b * PPQ;
const entries = (r: Result) => r.markers.map((m) => [m.name, m.seconds, m.endSeconds]);

/** An audio clip channel (type 4) with a name and a sample path. */
function audioChannel(flp: FlpBuilder, id: number, name: string, path: string): FlpBuilder {
  return flp.word(64, id).byte(21, 4).text(203, name).text(SAMPLE_PATH, path);
}

function project(items: PlaylistItemSpec[]): Uint8Array {
  const flp = new FlpBuilder({ ppq: PPQ }).version('20.8.4.2576').tempo(120);
  audioChannel(flp, 10, 'Artist A - Song One', 'C:\\Music\\Artist A - Song One.wav');
  audioChannel(flp, 11, '', '/Users/dj/Music/01. Artist B - Song Two (Extended Mix) [www.site.com].mp3');
  audioChannel(flp, 12, 'Muted Song', 'D:\\Samples\\muted.wav');
  flp.automationClip(13, [{ delta: 0, value: 0.5 }], undefined, 'Filter cutoff'); // no sample: never a song
  return flp.arrangement(0, 'Arrangement').playlist(items).currentArrangement(0).build();
}

const mix: PlaylistItemSpec[] = [
  { item: 20481, position: 0, length: beats(64), track: 5 }, // a pattern: not an audio clip
  { item: 13, position: 0, length: beats(400), track: 6 }, // an automation clip
  { item: 10, position: 0, length: beats(136), track: 0 },
  { item: 11, position: beats(128), length: beats(136), track: 1 },
  { item: 10, position: beats(136), length: beats(16), track: 0 }, // Song One continues: merged
  { item: 12, position: beats(300), length: beats(20), track: 2, muted: true },
];

describe('FL Studio tracklists from clips', () => {
  it('lists the playlist audio clips as songs, names cleaned, with ends and the set end', async () => {
    const r = await convert(project(mix), { source: 'clips' });
    expect(r.markerSource).toBe('clips');
    expect(entries(r)).toEqual([
      ['Artist A - Song One', 0, 76],
      ['Artist B - Song Two (Extended Mix)', 64, 132],
    ]);
    // the song's length: the automation clip (item 13) runs to beat 400
    expect(r.durationSeconds).toBe(200);
    expect(r.warnings).toEqual([{ code: 'clips-left-out', message: 'Left out of the tracklist: 1 disabled clip (to list them: --include-disabled).' }]);
  });

  it('takes a muted playlist item as a disabled clip', async () => {
    const r = await convert(project(mix), { source: 'clips', includeDisabledClips: true });
    expect(entries(r).at(-1)).toEqual(['Muted Song', 150, 160]);
    expect(r.durationSeconds).toBe(200);
  });

  it('crossfade-middle: Song Two at the middle of 128..152 = beat 140 = 70 s', async () => {
    const r = await convert(project(mix), { source: 'clips', clipAnchor: 'crossfade-middle' });
    expect(entries(r)[1]).toEqual(['Artist B - Song Two (Extended Mix)', 70, 132]);
  });

  it('auto stays on the FL markers (none here), as expected.json asks of marker-less projects', async () => {
    const r = await convert(project(mix));
    expect(r.markerSource).toBe('markers');
    expect(r.markers).toEqual([]);
  });

  it('a playlist without audio clips gives an empty list and says so', async () => {
    const r = await convert(project([{ item: 20481, position: 0, length: beats(64) }]), { source: 'clips' });
    expect(r.markers).toEqual([]);
    expect(r.warnings.map((w) => w.code)).toEqual(['no-clips']);
    expect(r.warnings[0]!.message).toMatch(/playlist has no audio clips/);
  });

  it('reads at most limits.maxMarkers audio clips, and says so', async () => {
    const r = await convert(project(mix), { source: 'clips', limits: { maxMarkers: 2 } });
    expect(entries(r)).toEqual([
      ['Artist A - Song One', 0, 68],
      ['Artist B - Song Two (Extended Mix)', 64, 132],
    ]);
    expect(r.warnings.map((w) => w.code)).toEqual(['too-many-clips']);
  });

  it('real file fl-test.flp (FL 20.0.5): its reference track and two claps', async () => {
    const bytes = fixture('flstudio/fl-test.flp');
    const r = await convert(bytes, { source: 'clips' });
    // Channel 4 "divineboys-v1" is placed 4 times: at 0, 293897, 586873 and 878670 ticks (each
    // 291705 long); the last two are 92 ticks apart (< 1 bar), so they merge into one entry.
    expect(r.markers.map((m) => m.name)).toEqual(['divineboys-v1', 'CLAP KUNDOWN', 'CLAP IMINEST', 'CLAP IMINEST', 'divineboys-v1', 'divineboys-v1']);
    const seconds = r.markers.map((m) => m.seconds);
    expect([...seconds].sort((a, b) => a - b)).toEqual(seconds);
    expect(r.markers[0]!.seconds).toBe(0);
    expect(r.markers.at(-1)!.endSeconds).toBeCloseTo(r.durationSeconds!, 9);
    expect(r.durationSeconds).toBeCloseTo(4770.374, 3);
    expect(r.warnings).toEqual([]);
  });
});
