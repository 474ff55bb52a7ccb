// Warnings quote file text: none may carry a control character (an ESC reaches the terminal) or
// run past one sentence's length, whatever the file holds (lib/readers/warning.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { convert } from '../../lib';
import { warning } from '../../lib/readers/warning';
import { projectXml } from '../helpers/dawproject-builder';
import { zip } from '../helpers/zip-writer';

const HEAD = '<REAPER_PROJECT 0.1 "7.14/win64" 1700000000\n';
const ESC = '\u001b';

describe('warning()', () => {
  it('turns control characters and line breaks into one space', () => {
    expect(warning('x', `a${ESC}[2Jb\r\nc\u2028d\u0085e`).message).toBe('a [2Jb c d e');
  });

  it('cuts a long message to 500 characters, never inside a surrogate pair', () => {
    const long = warning('x', `"${'n'.repeat(3_000_000)}"`).message;
    expect(long).toHaveLength(500);
    expect(long.endsWith('n…')).toBe(true);
    const emoji = warning('x', `${'a'.repeat(498)}😀😀`).message;
    expect(emoji).toBe(`${'a'.repeat(498)}…`);
    expect(warning('x', 'a'.repeat(500)).message).toBe('a'.repeat(500));
  });

  it('keeps the detail off JSON', () => {
    const w = warning('x', 'm', 'byte 12');
    expect(JSON.stringify(w)).toBe('{"code":"x","message":"m"}');
    expect((w as { detail?: string }).detail).toBe('byte 12');
  });
});

describe('warnings of the readers quote file text safely', () => {
  it('every reader makes its warnings with warning(), none by hand', () => {
    const dir = new URL('../../lib/readers/', import.meta.url);
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    const byHand = files.filter((f) => /\{\s*code:\s*['`]/.test(readFileSync(new URL(f, dir), 'utf8')));
    expect(files.length).toBeGreaterThan(40);
    expect(byHand).toEqual([]);
  });

  it('REAPER: two unclosed regions with 3 MB names, one starting with ESC: one short line', async () => {
    const name = `${ESC}[2J${'n'.repeat(3_000_000)}`;
    const r = await convert(new TextEncoder().encode(`${HEAD}  MARKER 1 5 "${name}" 1\n  MARKER 2 6 "${name}" 1\n>\n`));
    const w = r.warnings.find((x) => x.code === 'unclosed-region')!;
    expect(w.message.length).toBeLessThan(250);
    expect(w.message).not.toMatch(/[\u0000-\u001f]/);
    expect(w.message).toMatch(/^2 region\(s\) have a start but no end line \(" \[2Jn+…", " \[2Jn+…"\); they are listed without an end\.$/);
  });

  it('DAWproject: a format version and tempo units with ESC and line breaks', async () => {
    const xml = projectXml({ tempo: 120, tempoAutomation: { unit: 'x', points: [{ time: 0, value: 120 }, { time: 4, value: 130 }] }, markers: { markers: [{ time: 8, name: 'A' }] } })
      .replace('<Project version="1.0"', `<Project version="2&#10;${ESC}[31mRED"`)
      .replace('unit="bpm"', `unit="bp&#13;m${ESC}[2J"`)
      .replace('unit="x"', `unit="${'u'.repeat(100)}${ESC}"`);
    const r = await convert(zip([{ name: 'project.xml', data: xml }]));
    const shown = r.warnings.filter((w) => w.code === 'newer-format' || w.code === 'tempo-unit');
    expect(shown).toHaveLength(3);
    for (const w of shown) expect(w.message, w.code).not.toMatch(/[\u0000-\u001f\u007f]/);
    expect(shown.map((w) => w.message.length).every((n) => n < 220)).toBe(true);
    expect(shown[0]!.message).toBe('The file is DAWproject 2 [31mRED; dawstamps reads version 1 and may miss what is new.');
  });
});
