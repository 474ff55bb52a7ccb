import { describe, expect, it } from 'vitest';
import { asciiFileName, contentDisposition, downloadBaseName, isJobId, jobKeys, newJobId, sanitizeFileName, storageFileName } from '../../../functions/jobs';

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
  it('keep the last path segment, its Unicode, quotes and extension; drop controls and bidi overrides', () => {
    expect(sanitizeFileName('C:\\mixes\\My Mix.als')).toBe('My Mix.als');
    expect(sanitizeFileName('../../etc/passwd')).toBe('passwd');
    expect(sanitizeFileName('...hidden.als')).toBe('hidden.als');
    expect(sanitizeFileName('Café Set.flp')).toBe('Café Set.flp');
    expect(sanitizeFileName('Mïx — 東京 🎧 "quoted" x.als')).toBe('Mïx — 東京 🎧 "quoted" x.als');
    expect(sanitizeFileName('Cafe\u0301.als')).toBe('Café.als'); // NFC
    expect(sanitizeFileName('a\u0000b\nc.als')).toBe('a_b_c.als');
    expect(sanitizeFileName('evil\u202Eslx.als')).toBe('evil_slx.als'); // a right-to-left override could disguise the extension
    expect(sanitizeFileName('')).toBe('upload');
    expect(sanitizeFileName(`${'x'.repeat(300)}.als`)).toMatch(/^x{116}\.als$/);
    expect(sanitizeFileName(`${'🎧'.repeat(200)}.als`)).toBe(`${'🎧'.repeat(116)}.als`); // never half an emoji
  });

  it('make path-safe storage names', () => {
    expect(storageFileName('Mïx — 東京 🎧 "quoted" x.als')).toBe('Mïx — 東京 🎧 _quoted_ x.als');
    expect(storageFileName('a<b>:c|d?e*.als')).toBe('a_b__c_d_e_.als');
    expect(storageFileName('CON.als')).toBe('_CON.als');
    expect(storageFileName('name. . ')).toBe('name');
  });

  it('make download names: the name as written in filename*, an ASCII stand-in in filename', () => {
    expect(downloadBaseName('Café Set.flp')).toBe('Café Set');
    expect(downloadBaseName('Mïx — 東京 🎧.als')).toBe('Mïx — 東京 🎧');
    expect(downloadBaseName('"; rm -rf.als')).toBe('; rm -rf');
    expect(downloadBaseName(null)).toBe('tracklist');
    expect(downloadBaseName('')).toBe('tracklist');
    expect(asciiFileName('Mïx — 東京 🎧.cue')).toBe('Mix.cue');
    expect(asciiFileName('東京.youtube.txt')).toBe('tracklist.youtube.txt');
    expect(asciiFileName('50% "off" \\ x.txt')).toBe('50_off_x.txt');
    expect(contentDisposition('a b".txt')).toBe(`attachment; filename="a b.txt"; filename*=UTF-8''a%20b%22.txt`);
    // RFC 5987 attr-chars only: ' ( ) * are percent-encoded too
    expect(contentDisposition("it's (live)*.txt")).toBe(`attachment; filename="it's (live)*.txt"; filename*=UTF-8''it%27s%20%28live%29%2A.txt`);
  });
});
