import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { pakoInflate } from '../../lib/inflate';
import { XmlByteReader, XmlExtractor, type XmlRule } from '../../lib/xml';
import { zlibInflate } from '../../functions/node/zlib-inflate';
import { codeOf, extract, LIMITS } from './helpers';

const names = (log: string[]): XmlRule[] => [{ path: 'R/N', onOpen: (e) => log.push(e.attrs['V'] ?? '') }];

describe('XmlByteReader', () => {
  it('decodes UTF-8 split anywhere, including inside multi-byte sequences, and drops a BOM', () => {
    const values = ['你好', 'Zoë – 🎧 mix', 'Ελληνικά', 'plain'];
    const xml = `\uFEFF<?xml version="1.0"?><R>${values.map((v) => `<N V="${v}" />`).join('')}</R>`;
    for (const size of [1, 2, 3, 5, 11]) expect(extract(xml, names, size)).toEqual(values);
  });

  it('stops with inflated-too-large as soon as the XML passes the limit', () => {
    const ex = new XmlExtractor(names([]), LIMITS);
    const reader = new XmlByteReader(ex, 1000);
    const chunk = new TextEncoder().encode(`<R>${'<N V="x" />'.repeat(60)}`);
    reader.write(chunk);
    expect(codeOf(() => reader.write(chunk))).toBe('inflated-too-large');
  });
});

describe('inflaters', () => {
  const xml = Buffer.from(`<R>${'<N V="ä" />'.repeat(50_000)}</R>`);
  const gz = new Uint8Array(gzipSync(xml));

  it('pako and node:zlib hand over the same bytes in pieces', async () => {
    for (const inflate of [pakoInflate, zlibInflate]) {
      const pieces: Uint8Array[] = [];
      await inflate(gz, (c) => pieces.push(new Uint8Array(c)));
      expect(pieces.length).toBeGreaterThan(1);
      expect(Buffer.concat(pieces).equals(xml)).toBe(true);
    }
  });

  it('report truncated or damaged gzip as corrupt-file', async () => {
    const damaged = gz.slice();
    damaged[Math.floor(damaged.length / 2)]! ^= 0xff;
    for (const inflate of [pakoInflate, zlibInflate]) {
      for (const bad of [gz.subarray(0, gz.length - 20), gz.subarray(0, 30), damaged]) {
        const err = await Promise.resolve()
          .then(() => inflate(bad, () => {}))
          .then(() => undefined, (e: { code?: string }) => e.code);
        expect(err).toBe('corrupt-file');
      }
    }
  });

  it("pass the consumer's own errors through unchanged", async () => {
    for (const inflate of [pakoInflate, zlibInflate]) {
      const bug = new TypeError('a bug in the consumer');
      const err = await Promise.resolve()
        .then(() => inflate(gz, () => { throw bug; }))
        .then(() => undefined, (e: unknown) => e);
      expect(err).toBe(bug);
    }
  });

  it('stop at once when the consumer throws (a gzip bomb stops early)', async () => {
    const bomb = new Uint8Array(gzipSync(Buffer.alloc(64 * 1024 * 1024)));
    for (const inflate of [pakoInflate, zlibInflate]) {
      let seen = 0;
      const err = await Promise.resolve()
        .then(() => inflate(bomb, (c) => {
          seen += c.length;
          if (seen > 1024 * 1024) throw Object.assign(new Error('stop'), { code: 'inflated-too-large', name: 'DawstampsError' });
        }))
        .then(() => undefined, (e: { code?: string }) => e.code);
      expect(err).toBe('inflated-too-large');
      expect(seen).toBeLessThan(4 * 1024 * 1024);
    }
  });
});
