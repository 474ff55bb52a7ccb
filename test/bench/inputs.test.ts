/** The bench's input generators at tiny sizes: what they claim to contain is what the readers find. */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bigSet, hugeSet, smallSet, tempoSet, type AlsInput } from '../../bench/inputs/ableton';
import { bigFlp, tempoFlp } from '../../bench/inputs/flstudio';
import { ensureInputs, type InputSizes } from '../../bench/inputs';
import { convert } from '../../lib';
import { buildAls } from '../helpers/als-builder';

const dir = mkdtempSync(join(tmpdir(), 'bench-inputs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function counts(bytes: Uint8Array): Promise<{ markers: number; tempo: number }> {
  const r = await convert(bytes);
  return { markers: r.markers.length, tempo: r.tempo.points!.length };
}

describe('bench inputs', () => {
  it.each<[string, AlsInput]>([
    ['small set', smallSet()],
    ['tempo set', tempoSet(2_000)],
    ['big set (tiny scale)', bigSet(0.004)],
    ['huge set (one track)', hugeSet(1)],
  ])('%s: the expected markers and tempo points', async (_, set) => {
    const c = await counts(buildAls(set.options));
    expect(c.markers).toBe(set.expected.markers);
    expect(c.tempo).toBeGreaterThanOrEqual(set.expected.tempoPoints);
  });

  it('a big .flp comes out at the size asked, with its arrangement read behind the bulk', async () => {
    const flp = bigFlp(300_000);
    expect(flp.bytes.length).toBeGreaterThanOrEqual(300_000);
    expect(flp.bytes.length).toBeLessThan(340_000);
    const c = await counts(flp.bytes);
    expect(c).toEqual({ markers: 300, tempo: expect.any(Number) });
    expect(c.tempo).toBeGreaterThanOrEqual(flp.expected.tempoPoints);
    expect(bigFlp(300_000).bytes).toEqual(flp.bytes); // deterministic
  });

  it('a tempo .flp carries every point of its clip', async () => {
    const flp = tempoFlp(5_000);
    const c = await counts(flp.bytes);
    expect(c.markers).toBe(100);
    expect(c.tempo).toBeGreaterThanOrEqual(5_000);
  });

  it('ensureInputs writes each file once and reuses it while nothing changed', async () => {
    const sizes: InputSizes = { bigScale: 0.004, hugeTracks: 1, tempoBreakpoints: 1_000, flpBytes: 100_000, flpTempoPoints: 1_000 };
    const lines: string[] = [];
    const first = await ensureInputs(dir, sizes, false, (l) => lines.push(l));
    expect(Object.keys(first).sort()).toEqual(['big', 'flpBig', 'flpTempo', 'small', 'tempo']);
    for (const input of Object.values(first)) expect(statSync(input.file).size).toBe(input.bytes);
    const madeAt = statSync(first.big!.file).mtimeMs;
    lines.length = 0;
    const again = await ensureInputs(dir, sizes, false, (l) => lines.push(l));
    expect(lines).toEqual([]);
    expect(statSync(again.big!.file).mtimeMs).toBe(madeAt);
    await ensureInputs(dir, { ...sizes, flpTempoPoints: 2_000 }, false, (l) => lines.push(l));
    expect(lines.filter((l) => l.startsWith('generating'))).toEqual(['generating tempo.flp …']);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    expect(manifest.flpTempo.expected.tempoPoints).toBe(2_000);
  });
});
