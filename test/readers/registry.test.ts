import { describe, expect, it } from 'vitest';
import { isDawstampsError } from '../../lib/errors';
import { detectReader, listFormats, readers } from '../../lib/readers';
import { fixture } from '../helpers/fixtures';

const text = (s: string): Uint8Array => new TextEncoder().encode(s);

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return isDawstampsError(e) ? e.code : 'untyped';
  }
  return undefined;
}

describe('detectReader', () => {
  it('picks Ableton for gzip magic and for plain XML with BOM and leading whitespace', () => {
    expect(detectReader(fixture('ableton/example-120.als')).daw).toBe('ableton');
    expect(detectReader(text('<?xml version="1.0"?><Ableton/>')).daw).toBe('ableton');
    expect(detectReader(text('\uFEFF \n\t<?xml version="1.0"?><Ableton/>')).daw).toBe('ableton');
  });

  it('rejects empty files and non-projects with typed errors', () => {
    expect(codeOf(() => detectReader(new Uint8Array(0)))).toBe('empty-file');
    expect(codeOf(() => detectReader(fixture('ableton/empty.als')))).toBe('empty-file');
    expect(codeOf(() => detectReader(fixture('ableton/junk.als')))).toBe('not-a-project');
    expect(codeOf(() => detectReader(text('<Ableton/>')))).toBe('not-a-project');
    expect(codeOf(() => detectReader(new Uint8Array([0x1f])))).toBe('not-a-project');
  });

  it('recognises FLhd as FL Studio (a reader, or unsupported-format until one is registered)', () => {
    const flp = fixture('flstudio/fl-markers.flp');
    const hasFl = readers.some((r) => r.daw === 'flstudio');
    if (hasFl) expect(detectReader(flp).daw).toBe('flstudio');
    else expect(codeOf(() => detectReader(flp))).toBe('unsupported-format');
  });

  it('lists formats from the registry', () => {
    expect(listFormats()).toContainEqual({ daw: 'ableton', label: 'Ableton Live set', extensions: ['.als'] });
    expect(listFormats()).toHaveLength(readers.length);
  });
});
