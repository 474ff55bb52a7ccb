/** tracklistFromClips on plain clip data: what is left out, and readers that read no clips. */
import { describe, expect, it } from 'vitest';
import { tracklistFromClips } from '../../lib/clips';
import type { ArrangementClip } from '../../lib/model';

const clip = (startBeat: number, name: string, more: Partial<ArrangementClip> = {}): ArrangementClip => ({
  name, fileName: `${name}.wav`, trackName: 'A', trackIndex: 0, startBeat, endBeat: startBeat + 32, disabled: false, trackMuted: false, ...more,
});
const clips = [clip(0, 'One'), clip(32, 'Two', { disabled: true }), clip(64, 'Three', { trackMuted: true }), clip(96, 'Four', { disabled: true, trackMuted: true })];

describe('tracklistFromClips', () => {
  it('counts a clip that is both disabled and muted once, as disabled', () => {
    const r = tracklistFromClips(clips);
    expect(r.entries.map((e) => e.name)).toEqual(['One']);
    expect(r.endBeat).toBe(32);
    expect(r.warnings).toEqual([{ code: 'clips-left-out', message: 'Left out of the tracklist: 2 disabled clips (to list them: --include-disabled) and 1 clip on muted tracks (to list them: --include-muted).' }]);
  });

  it('each option brings back its own clips', () => {
    expect(tracklistFromClips(clips, { includeDisabledClips: true }).entries.map((e) => e.name)).toEqual(['One', 'Two']);
    expect(tracklistFromClips(clips, { includeMutedTracks: true }).entries.map((e) => e.name)).toEqual(['One', 'Three']);
    const all = tracklistFromClips(clips, { includeDisabledClips: true, includeMutedTracks: true });
    expect(all.entries.map((e) => [e.name, e.beat, e.endBeat, e.kind, e.tracklist])).toEqual([
      ['One', 0, 32, 'clip', true],
      ['Two', 32, 64, 'clip', true],
      ['Three', 64, 96, 'clip', true],
      ['Four', 96, 128, 'clip', true],
    ]);
    expect(all.endBeat).toBe(128);
    expect(all.warnings).toEqual([]);
  });

  it('a reader that reads no clips gives an empty list with a warning, not an error', () => {
    const r = tracklistFromClips(null);
    expect(r).toEqual({ entries: [], endBeat: null, warnings: [expect.objectContaining({ code: 'clips-not-read' })] });
  });
});
