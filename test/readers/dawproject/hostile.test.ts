/**
 * Hostile and damaged .dawproject files: each a typed error in bounded time (the 1 GiB bomb is in
 * zip-bomb.test.ts, in a child process with a capped heap). The fuzz suite runs the same kinds of
 * damage at random (test/fuzz/dawproject.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { convert, isDawstampsError, type ConvertOptions } from '../../../lib';
import { buildDawproject, mixSpec, projectXml, type DawprojectSpec } from '../../helpers/dawproject-builder';
import { crc32, deflateBomb, zip } from '../../helpers/zip-writer';

const spec: DawprojectSpec = { ...mixSpec([{ name: 'A', file: 'a.wav', beats: 32 }]), markers: { markers: [{ time: 0, name: 'Start' }] } };
const good = buildDawproject(spec);

async function errorOf(bytes: Uint8Array, options: ConvertOptions = {}): Promise<{ code: string; message: string; ms: number }> {
  const started = performance.now();
  try {
    await convert(bytes, options);
  } catch (e) {
    if (!isDawstampsError(e)) throw e;
    return { code: e.code, message: e.message, ms: performance.now() - started };
  }
  throw new Error('converted');
}

describe('unsafe XML in project.xml', () => {
  it('a DOCTYPE is unsafe-xml (no DTD is read)', async () => {
    const e = await errorOf(buildDawproject({ ...spec, prolog: '<!DOCTYPE Project [<!ENTITY lol "lol">]>' }));
    expect(e.code).toBe('unsafe-xml');
    expect(e.message).toMatch(/DOCTYPE/);
  });

  it('entity expansion (billion laughs) is refused before anything expands', async () => {
    const laughs = `<!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('')}]>`;
    const xml = projectXml(spec).replace('<Project ', `${laughs}\n<Project `).replace('name="Start"', 'name="&lol9;"');
    expect((await errorOf(zip([{ name: 'project.xml', data: xml }]))).code).toBe('unsafe-xml');
  });
});

describe('damaged archives', () => {
  it('cut anywhere: corrupt-file (the end of central directory is gone), or not-a-project when not even the magic is left', async () => {
    for (const at of [3, 4, 30, 100, Math.floor(good.length / 2), good.length - 23, good.length - 1]) {
      const e = await errorOf(good.slice(0, at));
      expect(e.code, `cut at ${at}`).toBe(at < 4 ? 'not-a-project' : 'corrupt-file');
    }
  });

  it('random bytes after the ZIP magic: corrupt-file with a sentence', async () => {
    let seed = 7;
    const next = (): number => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24;
    for (const size of [4, 22, 100, 4096, 65_536]) {
      const bytes = new Uint8Array(size);
      bytes.set([0x50, 0x4b, 0x03, 0x04]);
      for (let i = 4; i < size; i++) bytes[i] = next();
      const e = await errorOf(bytes);
      expect(e.code, `${size} bytes`).toBe('corrupt-file');
      expect(e.message).toMatch(/^The file is damaged: the ZIP archive says /);
    }
  });

  it('a CRC that does not match, or a declared size smaller than the content: corrupt-file', async () => {
    const xml = projectXml(spec);
    expect((await errorOf(zip([{ name: 'project.xml', data: xml, crc: 1234 }]))).code).toBe('corrupt-file');
    expect((await errorOf(zip([{ name: 'project.xml', data: xml, size: 100 }]))).code).toBe('corrupt-file');
  });

  it('broken deflate data in project.xml: corrupt-file', async () => {
    const data = new TextEncoder().encode(projectXml(spec));
    expect((await errorOf(zip([{ name: 'project.xml', deflated: new Uint8Array([0xff, 0xfe, 0x00, 0x12, 0x34]), size: data.length, crc: crc32(data) }]))).code).toBe('corrupt-file');
  });

  it('an encrypted project.xml, or one compressed with a method nobody implements: unsupported-format', async () => {
    const xml = projectXml(spec);
    expect((await errorOf(zip([{ name: 'project.xml', data: xml, method: 0, flags: 1 }]))).code).toBe('unsupported-format');
    expect((await errorOf(zip([{ name: 'project.xml', data: xml, method: 99 }]))).code).toBe('unsupported-format');
  });

  it('an empty project.xml, or one that is not XML: corrupt-file', async () => {
    expect((await errorOf(zip([{ name: 'project.xml', data: '' }]))).code).toBe('corrupt-file');
    expect((await errorOf(zip([{ name: 'project.xml', data: 'PK\u0003\u0004 not xml at all' }]))).code).toBe('corrupt-file');
  });
});

describe('resource bounds', () => {
  it('a ZIP with 100,000 entries stops at maxZipEntries (10,000), quickly', async () => {
    const entries = Array.from({ length: 100_000 }, (_, i) => ({ name: `f${i}`, data: '', method: 0 }));
    const bytes = zip(entries);
    const e = await errorOf(bytes);
    expect(e.code).toBe('too-many-entries');
    expect(e.message).toBe('The ZIP archive holds more than 10000 entries; dawstamps stops there.');
    expect(e.ms).toBeLessThan(2000);
    // with the limit raised all 100,000 are listed (none inflated), still in bounded time
    const all = await errorOf(bytes, { limits: { maxZipEntries: 200_000 } });
    expect(all.code).toBe('not-a-project');
    expect(all.message).toContain('100000 entries');
    expect(all.ms).toBeLessThan(10_000);
  }, 30_000);

  it('a project.xml inflating past a small limit stops there: inflated-too-large, long before the bomb is spent', async () => {
    // 256 MiB of whitespace in 256 KB of deflate data
    const bomb = deflateBomb('<?xml version="1.0"?><Project version="1.0"><Scenes>', 16, '</Scenes></Project>');
    const bytes = zip([{ name: 'project.xml', deflated: bomb.deflated, size: 0xfffffffe, crc: 0 }]);
    const e = await errorOf(bytes, { limits: { maxInflatedBytes: 4 * 1024 * 1024 } });
    expect(e.code).toBe('inflated-too-large');
    expect(e.message).toBe('The project.xml inside the DAWproject inflates to more than the limit of 4194304 bytes; dawstamps stopped there.');
    expect(e.ms).toBeLessThan(1000);
  });

  it('the size the archive declares bounds nothing upwards: declaring 4 KB (or 0 in a data descriptor) stops there, declaring 4 GB stops at the limit', async () => {
    const bomb = deflateBomb('<?xml version="1.0"?><Project version="1.0"><Scenes>', 4, '</Scenes></Project>');
    const limits = { maxInflatedBytes: 1024 * 1024 };
    // zip.js refuses output past the declared size: the damage is in the archive
    expect((await errorOf(zip([{ name: 'project.xml', deflated: bomb.deflated, size: 4096, crc: 0 }]), { limits })).code).toBe('corrupt-file');
    expect((await errorOf(zip([{ name: 'project.xml', deflated: bomb.deflated, size: 0, crc: 0, descriptor: true }]), { limits })).code).toBe('corrupt-file');
    // a declared size above the limit is not believed either: the limit, counted while inflating, stops it
    expect((await errorOf(zip([{ name: 'project.xml', deflated: bomb.deflated, size: 0xfffffffe, crc: 0 }]), { limits })).code).toBe('inflated-too-large');
  });

  it('nesting deeper than maxXmlDepth in project.xml: xml-too-deep', async () => {
    // lanes are walked 16 deep, then skipped; the skip still counts how deep Lanes nest
    const deep = projectXml(spec).replace('<Arrangement id="arr">', `<Arrangement id="arr">${'<Lanes>'.repeat(300)}${'</Lanes>'.repeat(300)}`);
    expect((await errorOf(zip([{ name: 'project.xml', data: deep }]))).code).toBe('xml-too-deep');
  });
});
