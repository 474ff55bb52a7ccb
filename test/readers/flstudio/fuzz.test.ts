// Truncates and corrupts every FL fixture (test/fixtures/flstudio) at many offsets: each
// case must give a result or a DawstampsError, never another exception (and never hang).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convert, isDawstampsError } from '../../../lib/index';
import { FlpBuilder } from '../../helpers/flp-builder';
import { fixturePath } from '../../helpers/fixtures';

const dir = fixturePath('flstudio');
const fixtures = readdirSync(dir).filter((f) => f.endsWith('.flp'));

/** A small seeded PRNG (mulberry32) so failures repeat. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 'ok', or the error code; throws when the error is not a DawstampsError. */
async function outcome(bytes: Uint8Array): Promise<string> {
  try {
    const result = await convert(bytes);
    for (const m of [...result.markers, ...result.otherMarkers]) {
      if (!Number.isFinite(m.seconds)) throw new Error(`marker "${m.name}" at beat ${m.beat} has seconds ${m.seconds}`);
    }
    return 'ok';
  } catch (e) {
    if (isDawstampsError(e)) return e.code;
    throw new Error(`not a DawstampsError: ${String(e)}`);
  }
}

async function tally(cases: Iterable<Uint8Array>): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const bytes of cases) {
    const code = await outcome(bytes);
    counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  return counts;
}

describe.each(fixtures)('fuzzing %s', (name) => {
  const original = new Uint8Array(readFileSync(join(dir, name)));

  it('truncated at 300 offsets: a result or a typed error', async () => {
    const rnd = random(1);
    const cuts = [0, 1, 3, 4, 8, 13, 14, 21, 22, 23, original.length - 1];
    for (let i = 0; i < 289; i++) cuts.push(Math.floor(rnd() * original.length));
    const counts = await tally(cuts.map((n) => original.slice(0, n)));
    expect(counts.get('corrupt-file')).toBeGreaterThan(0);
  });

  it('300 corrupted copies (bytes overwritten, lying lengths, endless varints): a result or a typed error', async () => {
    const rnd = random(2);
    const cases: Uint8Array[] = [];
    for (let i = 0; i < 300; i++) {
      const copy = original.slice();
      const at = Math.floor(rnd() * copy.length);
      const mode = i % 4;
      if (mode === 0) copy[at] = Math.floor(rnd() * 256);
      else if (mode === 1) copy.fill(0xff, at, Math.min(copy.length, at + 1 + Math.floor(rnd() * 12)));
      else if (mode === 2) for (let k = 0; k < 8; k++) copy[Math.floor(rnd() * copy.length)] = Math.floor(rnd() * 256);
      else copy.fill(0, at, Math.min(copy.length, at + 64));
      cases.push(copy);
    }
    const counts = await tally(cases);
    expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(300);
  });
});

describe('random event streams', () => {
  it('200 files of random events behind a valid header: a result or a typed error', async () => {
    const rnd = random(3);
    const cases: Uint8Array[] = [];
    for (let i = 0; i < 200; i++) {
      const body = Array.from({ length: 1 + Math.floor(rnd() * 400) }, () => Math.floor(rnd() * 256));
      const b = new FlpBuilder().version('20.8.4.2576').tempo(120).raw(body);
      cases.push(b.build({ dataLength: i % 5 === 0 ? 0xffffffff : undefined }));
    }
    const counts = await tally(cases);
    expect(counts.get('corrupt-file')).toBeGreaterThan(0);
  });
});
