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
  it('name the ten formats of the spec, text first', () => {
    expect(exportFormatIds).toEqual(['text', 'youtube', 'cue', 'csv', 'json', 'audacity', 'webvtt', 'ffmetadata', 'podcast', 'mixcloud']);
  });
});
