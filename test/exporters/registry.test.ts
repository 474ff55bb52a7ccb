import { describe, expect, it } from 'vitest';
import { DawstampsError } from '../../lib/errors';
import { exporters, exportFormatIds, exportFormats, exportResult, isExportFormat } from '../../lib/exporters';
import { makeResult } from '../helpers/exporters/make-result';

describe('the exporter registry', () => {
  it('keys every exporter by its own id and lists them once', () => {
    for (const [key, exporter] of Object.entries(exporters)) expect(exporter.id).toBe(key);
    expect(exportFormats.map((f) => f.id)).toEqual(Object.keys(exporters));
    for (const f of exportFormats) {
      expect(f.mediaType).toMatch(/^[a-z]+\/[a-z0-9.+-]+/);
      expect(f.extension).toMatch(/^[a-z0-9.]+$/);
      expect(f.label.length).toBeGreaterThan(0);
    }
  });
  it('rejects an unknown format with invalid-option', () => {
    const result = makeResult([[0, 'A']]);
    expect(isExportFormat('toString')).toBe(false);
    for (const bad of ['nope', 'toString', '__proto__', '']) {
      try {
        exportResult(result, bad);
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(DawstampsError);
        expect((e as DawstampsError).code).toBe('invalid-option');
        expect((e as DawstampsError).message).toContain('text');
      }
    }
  });
  it('returns the text with its media type and extension', () => {
    const out = exportResult(makeResult([[0, 'A']]), 'text');
    expect(out).toEqual({ text: '00:00 A\n', warnings: [], mediaType: 'text/plain; charset=utf-8', extension: 'txt' });
  });
});

describe('the derived lists', () => {
  it('name the ten formats of the spec, text first, then template, the licensing reports and Audition', () => {
    expect(exportFormatIds).toEqual(['text', 'youtube', 'cue', 'csv', 'json', 'audacity', 'webvtt', 'ffmetadata', 'podcast', 'mixcloud', 'template', 'report', 'report-json', 'audition']);
  });
});

describe('option and input checks', () => {
  const result = makeResult([[0, 'A']]);
  it('rejects unknown option values with invalid-option', () => {
    const bad: Array<Record<string, unknown>> = [{ precision: 'us' }, { rounding: 'half' }, { fix: 'no' }, { cleanNames: 1 }, { title: 5 }];
    for (const options of bad) {
      expect(() => exportResult(result, 'text', options as never)).toThrow(expect.objectContaining({ name: 'DawstampsError', code: 'invalid-option' }));
    }
  });
  it('turns a marker without a finite time into export-failed, in every format', () => {
    const broken = makeResult([[0, 'A'], [Number.NaN, 'B']]);
    for (const id of exportFormatIds.filter((f) => f !== 'json')) {
      expect(() => exportResult(broken, id, { template: '{start} {name}' })).toThrow(expect.objectContaining({ code: 'export-failed', message: 'Marker 2 ("B") has no valid time (NaN).' }));
    }
  });
  it('puts markers out of order back in time order', () => {
    expect(exportResult(makeResult([[60, 'B'], [0, 'A']]), 'text').text).toBe('00:00 A\n01:00 B\n');
  });
  it('lists at most ten unnamed markers in the warning', () => {
    const many = makeResult(Array.from({ length: 25 }, (_, i): [number, string] => [i, '']));
    expect(exportResult(many, 'text').warnings[0]!.message).toMatch(/"Track 10" and 15 more\.$/);
  });
});

describe('warning lists', () => {
  it('show twenty of a kind and count the rest', () => {
    const crowded = makeResult(Array.from({ length: 60 }, (_, i): [number, string] => [i * 2, `M${i}`]), 130);
    const { text, warnings } = exportResult(crowded, 'youtube');
    // as many chapters as fit 10 s apart (12: M0, M5 … M50 and the last, M59), 48 markers merged
    const kept = [0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 59];
    expect(text).toBe(kept.map((i) => `${Math.floor((i * 2) / 60)}:${String((i * 2) % 60).padStart(2, '0')} M${i}\n`).join(''));
    const merged = warnings.filter((w) => w.code === 'youtube-merged');
    expect(merged).toHaveLength(21);
    expect(merged[20]!.message).toBe('…and 28 more like the above.');
    expect(merged[0]!.message).toContain('"M1"');
  });
});
