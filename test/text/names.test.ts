import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanName, sanitizeName, splitArtistTitle } from '../../lib/text';
import { baseName } from '../../lib/text/names';

describe('sanitizeName', () => {
  it('trims, keeps Unicode and strips control characters', () => {
    expect(sanitizeName('  mirvs - his track你好 ')).toBe('mirvs - his track你好');
    expect(sanitizeName('a\u0000b\u007fc\u0085d')).toBe('abc d');
    expect(sanitizeName('line one\r\nline two\ttab')).toBe('line one line two tab');
    expect(sanitizeName('Ме́сто 🎧')).toBe('Ме́сто 🎧'.normalize('NFC'));
    expect(sanitizeName('\ufeffBOM\ud800x\udc00')).toBe('BOM\ufffdx\ufffd');
    expect(sanitizeName('e\u0301')).toBe('\u00e9');
  });
});

describe('cleanName', () => {
  it.each([
    ['01. Artist - Title (Original Mix).mp3', 'Artist - Title (Original Mix)'],
    ['07 - Artist - Title', 'Artist - Title'],
    ['3) Artist - Title (Extended Mix)', 'Artist - Title (Extended Mix)'],
    ['Artist - Title [www.free-mp3s.com]', 'Artist - Title'],
    ['Artist - Title (Official Video) [HQ]', 'Artist - Title'],
    ['Artist - Title (DJ Remix) - www.musicsite.net', 'Artist - Title (DJ Remix)'],
    ['Artist_-_Title.wav', 'Artist - Title'],
    ['Artist - Title [320 kbps]', 'Artist - Title'],
    ['Artist - Title (Free Download)', 'Artist - Title'],
    ['01 - Intro', 'Intro'],
    ['Artist - Title (Original Mix) [Label]', 'Artist - Title (Original Mix) [Label]'],
  ])('%s → %s', (raw, clean) => {
    expect(cleanName(raw)).toBe(clean);
  });
  it('keeps names that only look like junk', () => {
    expect(cleanName('50 Cent - In Da Club')).toBe('50 Cent - In Da Club');
    expect(cleanName('808 State - Pacific State')).toBe('808 State - Pacific State');
    expect(cleanName('2 Unlimited - No Limit')).toBe('2 Unlimited - No Limit');
    expect(cleanName('1.5 Hours of House')).toBe('1.5 Hours of House');
    expect(cleanName('Intro')).toBe('Intro');
    expect(cleanName('你好 - 世界')).toBe('你好 - 世界');
  });
  it('keeps "10 - Song" (no zero padding, no "Artist - Title" after it)', () => {
    expect(cleanName('10 - Song')).toBe('10 - Song');
  });
  it('never cleans a name away entirely', () => {
    expect(cleanName('(Official Video)')).toBe('(Official Video)');
  });
});

describe('splitArtistTitle', () => {
  it('splits on the first " - "', () => {
    expect(splitArtistTitle('A - B - C')).toEqual({ artist: 'A', title: 'B - C' });
    expect(splitArtistTitle('Jay-Z - Song')).toEqual({ artist: 'Jay-Z', title: 'Song' });
    expect(splitArtistTitle('Intro')).toEqual({ artist: null, title: 'Intro' });
    expect(splitArtistTitle(' - x')).toEqual({ artist: null, title: ' - x' });
  });
});

describe('name handling over random text', () => {
  it('sanitizeName and cleanName leave no control characters, no edge spaces, and never empty a non-empty name', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (raw) => {
        for (const out of [sanitizeName(raw), cleanName(raw)]) {
          expect(out).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
          expect(out).toBe(out.trim());
          expect(out).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
        }
        if (sanitizeName(raw) !== '') expect(cleanName(raw)).not.toBe('');
      }),
      { numRuns: 300 },
    );
  });
});

describe('baseName', () => {
  it('takes the file name off a Windows, POSIX or mixed path, without blanks around it', () => {
    expect(baseName('C:\\DJ\\01. Bicep - Glue.mp3')).toBe('01. Bicep - Glue.mp3');
    expect(baseName('/Users/dj/Music/Glue.wav')).toBe('Glue.wav');
    expect(baseName('%FLStudioFactoryData%/Data\\Patches/ Kick.wav ')).toBe('Kick.wav');
    expect(baseName('audio/Song (Original Mix).wav')).toBe('Song (Original Mix).wav');
    expect(baseName('plain.aif')).toBe('plain.aif');
  });

  it('is null for no path, or a path that ends in a folder', () => {
    for (const path of [undefined, null, '', '   ', 'C:\\DJ\\', '/music/', 'a/ ']) expect(baseName(path), String(path)).toBeNull();
  });
});
