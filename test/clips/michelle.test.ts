/**
 * The real Live 12.3 set test/fixtures/large/michelle-live12.3.als (see LICENSES.md there): no
 * locators, and — checked by hand in its XML — no arrangement clips either: every
 * `Sample/ArrangerAutomation/Events` of its audio tracks is empty; its two audio clips
 * ("drb130HOE27001tribal6" …) and its MIDI clips sit in session-view ClipSlots. So `auto` falls back
 * to clips and honestly finds none: an empty tracklist with a warning, not made-up entries.
 */
import { describe, expect, it } from 'vitest';

/** A 4 MB set read three times: room for a loaded CI machine (not a speed target). */
const SLOW = 60_000;
import { convert } from '../../lib';
import { fixture } from '../helpers/fixtures';

const bytes = fixture('large/michelle-live12.3.als');

describe('michelle-live12.3.als (real set, session view only)', () => {
  it('auto falls back to clips; there are none on the arrangement, and the result says so', async () => {
    const r = await convert(bytes);
    expect(r.source).toMatchObject({ daw: 'ableton', version: '12.3.2' });
    expect(r.timing.model).toBe('continuous');
    expect(r.tempo).toMatchObject({ initialBpm: 126, automated: false });
    expect(r.markerSource).toBe('clips');
    expect(r.markers).toEqual([]);
    expect(r.durationSeconds).toBeNull();
    expect(r.warnings).toEqual([expect.objectContaining({ code: 'no-clips' })]);
    expect(r.warnings[0]!.message).toMatch(/clips in Session View are not part of it/);
  }, SLOW);

  it('gives the same empty list when clips are asked for with every option on', async () => {
    const r = await convert(bytes, { source: 'clips', includeDisabledClips: true, includeMutedTracks: true, clipAnchor: 'crossfade-middle' });
    expect(r.markers).toEqual([]);
    expect(r.markerSource).toBe('clips');
  }, SLOW);

  it('source locators gives the (empty) locator list without a clip warning', async () => {
    const r = await convert(bytes, { source: 'locators' });
    expect(r.markerSource).toBe('locators');
    expect(r.markers).toEqual([]);
    expect(r.warnings.map((w) => w.code)).not.toContain('no-clips');
  }, SLOW);
});
