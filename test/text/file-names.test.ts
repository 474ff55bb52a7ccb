// lib's file names (lib/text/file-names.ts): what the API keeps and shows, and how the API and the
// page name a download. The API's own additions (storage names, Content-Disposition) are tested in
// test/functions/jobs/keys.test.ts.
import { describe, expect, it } from 'vitest';
import { downloadBaseName, replaceReserved, sanitizeFileName } from '../../lib/text/file-names';

describe('sanitizeFileName', () => {
  it('keeps the last path segment, its Unicode, quotes and extension; drops controls, bidi overrides and leading dots', () => {
    expect(sanitizeFileName('C:\\mixes\\My Mix.als')).toBe('My Mix.als');
    expect(sanitizeFileName('../../etc/passwd')).toBe('passwd');
    expect(sanitizeFileName('...hidden.als')).toBe('hidden.als');
    expect(sanitizeFileName('Mïx — 東京 🎧 "quoted" x.als')).toBe('Mïx — 東京 🎧 "quoted" x.als');
    expect(sanitizeFileName('Cafe\u0301.als')).toBe('Café.als');
    expect(sanitizeFileName('a\u0000b\nc.als')).toBe('a_b_c.als');
    expect(sanitizeFileName('evil\u202Eslx.als')).toBe('evil_slx.als');
    expect(sanitizeFileName('half \ud800 emoji.als')).toBe('half \ufffd emoji.als');
    expect(sanitizeFileName('')).toBe('upload');
  });

  it('cuts to 120 characters, keeping the extension and never half an emoji', () => {
    expect(sanitizeFileName(`${'x'.repeat(300)}.als`)).toMatch(/^x{116}\.als$/);
    expect(sanitizeFileName(`${'🎧'.repeat(200)}.als`)).toBe(`${'🎧'.repeat(116)}.als`);
  });
});

describe('downloadBaseName', () => {
  it('is the project\'s name as written, without its extension and path-unsafe characters', () => {
    expect(downloadBaseName('Friday Mix.als')).toBe('Friday Mix');
    expect(downloadBaseName('Café del Mar – Sunset.als')).toBe('Café del Mar – Sunset');
    expect(downloadBaseName('../../etc/pass"wd\u0000.flp')).toBe('pass_wd');
    expect(downloadBaseName('"; rm -rf.als')).toBe('; rm -rf');
    expect(downloadBaseName('a\u202eslx.als')).toBe('a_slx');
    expect(downloadBaseName('C:\\mixes\\friday.als')).toBe('friday');
    expect(downloadBaseName('🎛️ set.flp')).toBe('🎛️ set');
    expect(downloadBaseName('...als')).toBe('als'); // leading dots go first: a hidden file's name is its name
  });

  it('is at most 80 characters, and `tracklist` when nothing is left', () => {
    expect(Array.from(downloadBaseName(`${'long name '.repeat(12)}.als`)).length).toBeLessThanOrEqual(80);
    for (const name of [null, undefined, '', '___.als', '<>.flp']) expect(downloadBaseName(name), String(name)).toBe('tracklist');
  });
});

describe('replaceReserved', () => {
  it('replaces what file systems refuse in a name', () => {
    expect(replaceReserved('a<b>:c"d/e\\f|g?h*i')).toBe('a_b__c_d_e_f_g_h_i');
    expect(replaceReserved('a<b')).toBe('a_b'); // the pattern keeps no state between calls
  });
});
