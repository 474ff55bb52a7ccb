import { describe, expect, it } from 'vitest';
import { contentDisposition, downloadBaseName, isJobId, jobKeys, newJobId, sanitizeFileName } from '../../../functions/jobs';

describe('job ids', () => {
  it('are 128 random bits in lowercase hex, all different', () => {
    const ids = new Set(Array.from({ length: 1000 }, newJobId));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(isJobId(id)).toBe(true);
  });

  it('validation refuses anything else', () => {
    for (const bad of ['', 'abc', '../' + 'a'.repeat(29), 'A'.repeat(32), 'a'.repeat(33), 42, null]) expect(isJobId(bad)).toBe(false);
  });
});

describe('keys', () => {
  const keys = jobKeys('uploads/', 'results/', 'jobs/');
  const id = 'a'.repeat(32);
  it('places record, upload and result', () => {
    expect(keys.record(id)).toBe(`jobs/${id}.json`);
    expect(keys.upload(id, 'm.als')).toBe(`uploads/${id}/m.als`);
    expect(keys.result(id)).toBe(`results/${id}.json`);
    expect(() => keys.result('../x')).toThrow();
    expect(() => keys.record('../x')).toThrow();
  });

  it('keeps the job record out of the upload prefix, so creating a job notifies nobody', () => {
    expect(keys.record(id).startsWith('uploads/')).toBe(false);
    expect(keys.parseUpload(keys.record(id))).toBeNull();
    expect(jobKeys('u/', 'r/', 'records/').record(id)).toBe(`records/${id}.json`);
  });

  it('recognises upload keys only', () => {
    expect(keys.parseUpload(`uploads/${id}/My Mix.als`)).toEqual({ jobId: id, fileName: 'My Mix.als' });
    expect(keys.parseUpload(`uploads/${id}.json`)).toBeNull();
    expect(keys.parseUpload(`jobs/${id}.json`)).toBeNull();
    expect(keys.parseUpload(`results/${id}.json`)).toBeNull();
    expect(keys.parseUpload(`uploads/${id}/a/b.als`)).toBeNull();
    expect(keys.parseUpload('uploads/nothex/x.als')).toBeNull();
  });
});

describe('file names', () => {
  it('keep the last path segment, safe characters and the extension', () => {
    expect(sanitizeFileName('C:\\mixes\\My Mix.als')).toBe('My Mix.als');
    expect(sanitizeFileName('../../etc/passwd')).toBe('passwd');
    expect(sanitizeFileName('...hidden.als')).toBe('hidden.als');
    expect(sanitizeFileName('a<script>.als')).toBe('a_script_.als');
    expect(sanitizeFileName('Café Set.flp')).toBe('Café Set.flp');
    expect(sanitizeFileName('')).toBe('upload');
    expect(sanitizeFileName(`${'x'.repeat(300)}.als`)).toMatch(/^x{116}\.als$/);
  });

  it('make header-safe download names', () => {
    expect(downloadBaseName('Café Set.flp')).toBe('Cafe-Set');
    expect(downloadBaseName('"; rm -rf.als')).toBe('rm-rf');
    expect(downloadBaseName(null)).toBe('tracklist');
    expect(contentDisposition('a b".txt')).toBe(`attachment; filename="a_b_.txt"; filename*=UTF-8''a%20b%22.txt`);
  });
});
