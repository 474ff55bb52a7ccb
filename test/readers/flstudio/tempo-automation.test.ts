import { describe, expect, it } from 'vitest';
import { convert } from '../../../lib/index';
import { FlpBuilder, type PlaylistItemSpec, type PointSpec } from '../../helpers/flp-builder';
import { read, steppedSeconds } from './helpers';

const PPQ = 96;
/** Min/Max knob values for a BPM range: BPM = 10 + 512 · knob / 12800. */
const knob = (bpm: number): number => Math.round(((bpm - 10) * 12800) / 512);
const RAMP: PointSpec[] = [{ delta: 0, value: 0 }, { delta: 4, value: 1 }]; // 60 → 180 over 4 beats (default range)

function project(items: PlaylistItemSpec[], options: { version?: string; size?: 32 | 60 | 80; points?: PointSpec[]; range?: { min: number; max: number } | null; ppq?: number } = {}) {
  const b = new FlpBuilder({ ppq: options.ppq ?? PPQ }).version(options.version ?? '20.8.4.2576').tempo(100).link(7).link(8, 0, 0x4000);
  b.automationClip(7, options.points ?? RAMP, options.range === undefined ? { min: knob(60), max: knob(180) } : options.range);
  b.automationClip(8, [{ delta: 0, value: 0.2 }], null, 'Master volume');
  return b.arrangement(0, 'Arrangement').playlist(items, options.size ?? 32).marker({ ticks: PPQ * 16, name: 'End' }).currentArrangement(0).build();
}
const tempo = (bytes: Uint8Array) => read(bytes).tempo.map((p) => [p.beat, p.bpm]);

describe('tempo automation clips', () => {
  it('places a clip where the playlist puts it; before it the first value holds, after it the last', () => {
    expect(tempo(project([{ position: PPQ * 8, length: PPQ * 4, item: 7 }]))).toEqual([[8, 60], [12, 180]]);
  });

  it('uses the clip Min/Max range, not a fixed 60–180 (Min/Max giving 100–200 BPM)', async () => {
    const bytes = project([{ position: 0, length: PPQ * 8, item: 7 }], { points: [{ delta: 0, value: 0 }, { delta: 8, value: 1 }], range: { min: knob(100), max: knob(200) } });
    const p = read(bytes);
    expect(p.tempo.map((t) => [t.beat, t.bpm])).toEqual([[0, 100], [8, 200]]);
    const bpmAt = (b: number): number => (b >= 8 ? 200 : 100 + 12.5 * b);
    const stepped = await convert(bytes);
    expect(stepped.markers[0]!.seconds).toBeCloseTo(steppedSeconds(bpmAt, 16), 6);
    const continuous = await convert(bytes, { timing: 'continuous' });
    expect(continuous.markers[0]!.seconds).toBeCloseTo(((60 * 8) / 100) * Math.log(2) + (8 * 60) / 200, 6);
  });

  it('applies a start offset: the item begins inside the clip', () => {
    // clip beat 2 (120 BPM) plays at song beat 8; clip beat 4 (180) at song beat 10
    expect(tempo(project([{ position: PPQ * 8, length: PPQ * 2, item: 7, startOffset: 2, endOffset: 4 }]))).toEqual([[8, 120], [10, 180]]);
  });

  it('cuts a clip at the end of its item (the value there holds)', () => {
    expect(tempo(project([{ position: 0, length: PPQ * 2, item: 7 }]))).toEqual([[0, 60], [2, 120]]);
  });

  it('ignores muted items and says so', () => {
    const p = read(project([{ position: 0, length: PPQ * 4, item: 7, muted: true }]));
    expect(p.tempo).toEqual([]);
    expect(p.staticBpm).toBe(100);
    expect(p.warnings.map((w) => w.code)).toContain('flp-muted-tempo-clip');
  });

  it('a clip with no placement, or placed for another control, has no effect', () => {
    expect(read(project([])).tempo).toEqual([]);
    expect(read(project([{ position: 0, length: PPQ * 4, item: 8 }, { position: 0, length: PPQ, item: 20480 + 3 }])).tempo).toEqual([]);
  });

  it('overlapping items: the later one takes over from its start', () => {
    const items = [{ position: 0, length: PPQ * 4, item: 7 }, { position: PPQ * 2, length: PPQ * 4, item: 7 }];
    expect(tempo(project(items))).toEqual([[0, 60], [2, 120], [2, 60], [6, 180]]);
  });

  it('gaps between items hold the last value, then jump', () => {
    const items = [{ position: 0, length: PPQ * 4, item: 7 }, { position: PPQ * 8, length: PPQ * 4, item: 7 }];
    expect(tempo(project(items))).toEqual([[0, 60], [4, 180], [8, 180], [8, 60], [12, 180]]);
  });

  it('jumps inside a clip (two points at one beat) are kept in order', () => {
    const points = [{ delta: 0, value: 0 }, { delta: 2, value: 0 }, { delta: 0, value: 1 }, { delta: 2, value: 1 }];
    expect(tempo(project([{ position: 0, length: PPQ * 4, item: 7 }], { points }))).toEqual([[0, 60], [2, 60], [2, 180], [4, 180]]);
  });

  it.each([[60, '21.0.3.3517'], [80, '24.1.1.4234']] as const)('reads %i-byte playlist records (FL %s)', (size, version) => {
    const bytes = project([{ position: PPQ * 8, length: PPQ * 4, item: 7 }], { size, version });
    expect(tempo(bytes)).toEqual([[8, 60], [12, 180]]);
    expect(read(bytes).warnings).toEqual([]);
  });

  it('detects a record size that does not match the version, and warns', () => {
    const p = read(project([{ position: 0, length: PPQ * 4, item: 7 }], { size: 60, version: '20.0.5.91' }));
    expect(p.tempo.map((t) => [t.beat, t.bpm])).toEqual([[0, 60], [4, 180]]);
    expect(p.warnings.map((w) => w.code)).toContain('flp-playlist-record-size');
  });

  it('warns that curved segments (tension ≠ 0) are timed as straight lines', async () => {
    const points = [{ delta: 0, value: 0, tension: 0.5 }, { delta: 4, value: 1 }];
    const result = await convert(project([{ position: 0, length: PPQ * 4, item: 7 }], { points }));
    expect(result.warnings.map((w) => w.code)).toContain('curved-tempo-approximated');
  });

  it('works at PPQ 960', () => {
    expect(tempo(project([{ position: 960 * 8, length: 960 * 4, item: 7 }], { ppq: 960 }))).toEqual([[8, 60], [12, 180]]);
  });

  it('times markers after automation, stepped at 1/128 beat by default', async () => {
    const bytes = project([{ position: PPQ * 8, length: PPQ * 4, item: 7 }]);
    const bpmAt = (b: number): number => (b < 8 ? 60 : b >= 12 ? 180 : 60 + 30 * (b - 8));
    const result = await convert(bytes);
    expect(result.timing).toMatchObject({ model: 'stepped', step: 1 / 128 });
    expect(result.markers[0]!.seconds).toBeCloseTo(steppedSeconds(bpmAt, 16), 6);
  });
});
