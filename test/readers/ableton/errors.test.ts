import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildAls } from '../../helpers/als-builder';
import { read, rejection } from './helpers';

const gz = (xml: string): Uint8Array => new Uint8Array(gzipSync(Buffer.from(xml)));
const set = buildAls({ live: 11, tempo: 120, locators: [{ time: 1, name: 'a' }], junk: { tracks: 2 } });

describe('Ableton reader on damaged or hostile sets', () => {
  it('truncated gzip → corrupt-file', async () => {
    for (const cut of [20, set.length >> 1, set.length - 9]) expect(await rejection(read(set.subarray(0, cut)))).toBe('corrupt-file');
  });

  it('broken or truncated XML → corrupt-file', async () => {
    expect(await rejection(read(gz('<?xml version="1.0"?><Ableton><LiveSet><Locators></LiveSet></Ableton>')))).toBe('corrupt-file');
    expect(await rejection(read(gz('<?xml version="1.0"?><Ableton MinorVersion="11.0_433"><LiveSet><Tracks>')))).toBe('corrupt-file');
    const plain = buildAls({ live: 11 }, { gzip: false });
    expect(await rejection(read(plain.subarray(0, plain.length - 30)))).toBe('corrupt-file');
  });

  it('XML that is not a Live set → not-a-project', async () => {
    expect(await rejection(read(gz('<?xml version="1.0"?><svg><g/></svg>')))).toBe('not-a-project');
  });

  it('DOCTYPE / entity declarations → unsafe-xml', async () => {
    const laughs = '<?xml version="1.0"?><!DOCTYPE Ableton [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><Ableton><LiveSet>&b;</LiveSet></Ableton>';
    expect(await rejection(read(gz(laughs)))).toBe('unsafe-xml');
  });

  it('too-deep nesting → xml-too-deep', async () => {
    const deep = `<?xml version="1.0"?><Ableton><LiveSet>${'<Tracks>'.repeat(400)}${'</Tracks>'.repeat(400)}</LiveSet></Ableton>`;
    expect(await rejection(read(gz(deep)))).toBe('xml-too-deep');
  });

  it('a gzip bomb stops at the inflated-size limit without inflating the rest', async () => {
    const bomb = new Uint8Array(gzipSync(Buffer.concat([Buffer.from('<?xml version="1.0"?><Ableton><LiveSet><Junk>'), Buffer.alloc(64 * 1024 * 1024, 32)])));
    const started = performance.now();
    expect(await rejection(read(bomb, { maxInflatedBytes: 1024 * 1024 }))).toBe('inflated-too-large');
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('too many locators or breakpoints → typed errors', async () => {
    const locators = Array.from({ length: 30 }, (_, i) => ({ time: i, name: `L${i}` }));
    expect(await rejection(read(buildAls({ locators }), { maxMarkers: 20 }))).toBe('too-many-markers');
    const tempoEvents = Array.from({ length: 30 }, (_, i) => ({ beat: i, bpm: 120 + i }));
    expect(await rejection(read(buildAls({ tempoEvents }), { maxBreakpoints: 20 }))).toBe('too-many-breakpoints');
  });

  it('odd values become warnings, not crashes', async () => {
    const xml = Buffer.from(new TextDecoder().decode(buildAls({ live: 11, tempoEvents: [{ beat: -63072000, bpm: 120 }, { beat: 4, bpm: 5000 }, { beat: 8, bpm: 0 }], locators: [{ time: 3, name: 'ok' }] }, { gzip: false })).replace('<Time Value="3" />', '<Time Value="soon" />'));
    const p = await read(new Uint8Array(xml));
    expect(p.markers).toEqual([]);
    expect(p.tempo.map((t) => t.bpm)).toEqual([120, 999]);
    expect(p.warnings.map((w) => w.code).sort()).toEqual(['bad-locator', 'tempo-out-of-range']);
  });

  it('hexadecimal is no number (Number("0x10") is 16): a locator or a breakpoint at 0x10 is unreadable', async () => {
    const xml = new TextDecoder().decode(buildAls({ live: 11, tempoEvents: [{ beat: -63072000, bpm: 120 }, { beat: 4, bpm: 130 }], locators: [{ time: 3, name: 'hex' }] }, { gzip: false }));
    const p = await read(new TextEncoder().encode(xml.replace('<Time Value="3" />', '<Time Value="0x10" />').replace('Time="4" Value="130"', 'Time="0x10" Value="130"')));
    expect(p.markers).toEqual([]);
    expect([p.tempo, p.staticBpm]).toEqual([[], 120]);
    expect(p.warnings.map((w) => w.code).sort()).toEqual(['bad-breakpoint', 'bad-locator']);
  });
});
