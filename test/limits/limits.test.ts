// Every limit of lib/limits.ts through convert(bytes, { limits }): an input just over the limit
// gives its own error code, the same input with the limit at its exact size converts.
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { convert, type ConvertOptions } from '../../lib/index';
import type { Limits } from '../../lib/limits';
import { buildAls } from '../helpers/als-builder';
import { FlpBuilder } from '../helpers/flp-builder';
import { flpEvents } from './flp-events';
import { fixture } from '../helpers/fixtures';

const enc = new TextEncoder();

/** 'ok' or the DawstampsError code. */
async function outcome(bytes: Uint8Array, limits: Partial<Limits>, options: ConvertOptions = {}): Promise<string> {
  try {
    await convert(bytes, { ...options, limits });
    return 'ok';
  } catch (e) {
    const err = e as { name?: string; code?: string };
    if (err.name !== 'DawstampsError') throw e;
    return err.code!;
  }
}

/** Asserts: limit `exact` converts, limit `exact - 1` fails with `code`. */
async function boundary(bytes: Uint8Array, key: keyof Limits, exact: number, code: string): Promise<void> {
  expect(await outcome(bytes, { [key]: exact }), `${key} = ${exact}`).toBe('ok');
  expect(await outcome(bytes, { [key]: exact - 1 }), `${key} = ${exact - 1}`).toBe(code);
}

const flpWithMarkers = (n: number, name = 'Song'): Uint8Array => {
  const b = new FlpBuilder().version('20.8.4.2576').tempo(120).arrangement(0, 'Arrangement');
  for (let i = 0; i < n; i++) b.marker({ ticks: 96 * 4 * i, name: `${name} ${i}` });
  return b.currentArrangement(0).build();
};

describe('limits: just over fails with its own code, exactly at the limit converts', () => {
  it('maxFileBytes → file-too-large (an .als and an .flp)', async () => {
    const als = fixture('ableton/example-120.als');
    await boundary(als, 'maxFileBytes', als.length, 'file-too-large');
    const flp = fixture('flstudio/fl-markers.flp');
    await boundary(flp, 'maxFileBytes', flp.length, 'file-too-large');
  });

  it('maxInflatedBytes → inflated-too-large (gzip and plain XML count the same XML bytes)', async () => {
    const gz = buildAls({ live: 11, locators: [{ time: 4, name: 'Intro' }] });
    const xmlBytes = gunzipSync(gz).length;
    await boundary(gz, 'maxInflatedBytes', xmlBytes, 'inflated-too-large');
    await boundary(buildAls({ live: 11 }, { gzip: false }), 'maxInflatedBytes', buildAls({ live: 11 }, { gzip: false }).length, 'inflated-too-large');
  });

  it('maxXmlDepth → xml-too-deep (in a read subtree, and in a skipped one)', async () => {
    // Ableton > LiveSet > Locators > Locators > Locator > 20 × Extra = depth 25
    const read = `<?xml version="1.0"?><Ableton><LiveSet><Locators><Locators><Locator><Time Value="1" /><Name Value="a" />${'<Extra>'.repeat(20)}${'</Extra>'.repeat(20)}</Locator></Locators></Locators></LiveSet></Ableton>`;
    await boundary(enc.encode(read), 'maxXmlDepth', 25, 'xml-too-deep');
    // Ableton > LiveSet > Junk > 30 × Junk = depth 33, all skipped unparsed
    const skipped = `<?xml version="1.0"?><Ableton><LiveSet><Junk>${'<Junk>'.repeat(30)}${'</Junk>'.repeat(30)}</Junk></LiveSet></Ableton>`;
    await boundary(enc.encode(skipped), 'maxXmlDepth', 33, 'xml-too-deep');
  });

  it('maxValueBytes → value-too-long (attribute value, captured text, FLP event payload)', async () => {
    const name = 'N'.repeat(5000);
    const attr = buildAls({ live: 11, locators: [{ time: 4, name }] });
    await boundary(attr, 'maxValueBytes', 5000, 'value-too-long');
    const text = `<?xml version="1.0"?><Ableton><LiveSet><Locators><Locators><Locator><Time Value="1" />${'t'.repeat(3000)}</Locator></Locators></Locators></LiveSet></Ableton>`;
    await boundary(enc.encode(text), 'maxValueBytes', 3000, 'value-too-long');
    const flp = flpWithMarkers(1, 'M'.repeat(3000));
    const longest = Math.max(...flpEvents(flp).map((e) => e.dataLength));
    expect(longest).toBeGreaterThan(6000); // the UTF-16 marker name
    await boundary(flp, 'maxValueBytes', longest, 'value-too-long');
  });

  it('maxMarkers → too-many-markers (Ableton locators, arrangement clips, FL Studio markers)', async () => {
    const locators = Array.from({ length: 40 }, (_, i) => ({ time: i * 4, name: `L${i}` }));
    await boundary(buildAls({ live: 11, locators }), 'maxMarkers', 40, 'too-many-markers');
    const clips = Array.from({ length: 12 }, (_, i) => ({ start: i * 8, end: i * 8 + 8, name: `Song ${i}` }));
    await boundary(buildAls({ live: 11, audioTracks: [{ clips }] }), 'maxMarkers', 12, 'too-many-markers');
    await boundary(flpWithMarkers(25), 'maxMarkers', 25, 'too-many-markers');
  });

  it('maxBreakpoints → too-many-breakpoints (Ableton tempo envelope, FL Studio tempo clip)', async () => {
    const tempoEvents = [{ beat: -63072000, bpm: 120 }, ...Array.from({ length: 49 }, (_, i) => ({ beat: i * 4, bpm: 120 + i }))];
    await boundary(buildAls({ live: 11, tempoEvents }), 'maxBreakpoints', 50, 'too-many-breakpoints');
    // Live 9 writes the time signature's one EnumEvent inline too: every master breakpoint counts
    await boundary(buildAls({ live: 9, tempoEvents }), 'maxBreakpoints', 51, 'too-many-breakpoints');
    const clip = new FlpBuilder().version('20.8.4.2576').tempo(120).link(3)
      .automationClip(3, [{ delta: 0, value: 0 }, { delta: 1, value: 1 }, { delta: 1, value: 0 }])
      .arrangement(0, 'A').playlist([{ position: 0, length: 96 * 4, item: 3 }]).currentArrangement(0).build();
    const points = (await convert(clip)).tempo.points!.length;
    expect(points).toBeGreaterThan(2);
    await boundary(clip, 'maxBreakpoints', points, 'too-many-breakpoints');
  });

  it('maxFlpEvents → too-many-events', async () => {
    const flp = flpWithMarkers(10);
    const events = flpEvents(flp).length;
    expect(events).toBeGreaterThan(20);
    await boundary(flp, 'maxFlpEvents', events, 'too-many-events');
    const real = fixture('flstudio/complex.flp');
    await boundary(real, 'maxFlpEvents', flpEvents(real).length, 'too-many-events');
  });

  it('the defaults read every real fixture (no limit is tighter than a real project)', async () => {
    for (const path of ['ableton/live9-automation.als', 'ableton/automation-pathological-end3.als', 'flstudio/complex.flp', 'large/michelle-live12.3.als']) {
      expect(await outcome(fixture(path), {}), path).toBe('ok');
    }
  });
});
