import { describe, expect, it } from 'vitest';
import { exportFormatIds, exportResult } from '../../lib/exporters';
import { extractIsrc, isIsrc, normalizeIsrc } from '../../lib/text';
import { makeResult } from '../helpers/exporters/make-result';

describe('ISRCs in names', () => {
  it.each([
    ['Artist - Title [GBAYE0601498]', 'Artist - Title', 'GBAYE0601498'],
    ['ISRC GBAYE0601498', '', 'GBAYE0601498'],
    ['Artist - Title (ISRC: GB-AYE-06-01498)', 'Artist - Title', 'GBAYE0601498'],
    ['Artist - Title - ISRC gbaye0601498', 'Artist - Title', 'GBAYE0601498'],
    ['ISRC:USRC17607839 | Artist - Title', 'Artist - Title', 'USRC17607839'],
    ['Artist - Title (GB-AYE-0601498) (Original Mix)', 'Artist - Title (Original Mix)', 'GBAYE0601498'],
    ['Artist - Title {isrc=GBAYE0601498}', 'Artist - Title', 'GBAYE0601498'],
  ])('%j: the ISRC is taken out', (name, rest, isrc) => {
    expect(extractIsrc(name)).toEqual({ name: rest, isrc });
  });

  it.each([
    'Artist - Title USRC17607839', // a bare word might be part of the title
    'Artist - Title [remaster 2009]',
    'Artist - Title [GBAYE060149]', // 11 characters
    'Artist - Title [GBAYE06014989]', // 13
    'Artist - Title [G1AYE0601498]', // the country is two letters
    'Artist - Title [GBAYEX601498]', // the year two digits
    'DISRC GBAYE0601498',
  ])('%j: no ISRC', (name) => {
    expect(extractIsrc(name)).toEqual({ name, isrc: null });
  });

  it('checks and normalises the shape', () => {
    expect(isIsrc('GB-AYE-06-01498')).toBe(true);
    expect(isIsrc('GBAYE0601498')).toBe(true);
    expect(isIsrc('GBAYE06014981')).toBe(false);
    expect(normalizeIsrc('gb-aye-06-01498')).toBe('GBAYE0601498');
  });

  it('is taken out of the name in every format; the report and templates give it its own column', () => {
    const r = makeResult([[0, 'Bicep - Glue [GBAYE0601498]'], [60, 'ISRC GB-AYE-06-01499'], [120, 'Floating Points - LesAlpx']], 200);
    for (const format of exportFormatIds.filter((f) => f !== 'json')) {
      const { text } = exportResult(r, format, { template: '{start} {name} {isrc}' });
      const shows = format === 'report' || format === 'report-json' || format === 'template';
      expect(text.includes('GBAYE0601498'), format).toBe(shows);
      expect(text.includes('GB-AYE'), format).toBe(false);
      expect(text.includes('[GB'), format).toBe(false);
      if (format === 'text') expect(text).toBe('00:00 Bicep - Glue\n01:00 Track 2\n02:00 Floating Points - LesAlpx\n');
    }
    // the JSON result is the result as converted, names untouched
    expect(exportResult(r, 'json').text).toContain('Bicep - Glue [GBAYE0601498]');
  });
});
