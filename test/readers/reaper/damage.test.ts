// Hostile and damaged .rpp files: each a typed error that says where, in bounded time and memory.
import { describe, expect, it } from 'vitest';
import { convert, isDawstampsError } from '../../../lib';
import { mixProject, rppBytes, rppText } from '../../helpers/rpp-builder';

const text = (s: string): Uint8Array => new TextEncoder().encode(s);
const HEAD = '<REAPER_PROJECT 0.1 "7.14/win64" 1700000000\n';

async function failure(input: Parameters<typeof convert>[0], options: Parameters<typeof convert>[1] = {}): Promise<{ code: string; message: string }> {
  try {
    await convert(input, options);
  } catch (e) {
    if (!isDawstampsError(e)) throw e;
    return { code: e.code, message: e.message };
  }
  throw new Error('converted, but should not have');
}

/** A stream of `total` bytes: `head`, then `fill` repeated, then `tail`; counts what was pulled. */
function lazyStream(head: string, fill: number, total: number, tail = ''): { stream: AsyncIterable<Uint8Array>; pulled: () => number } {
  let pulled = 0;
  const piece = new Uint8Array(1024 * 1024).fill(fill);
  async function* gen(): AsyncGenerator<Uint8Array> {
    yield text(head);
    for (let sent = 0; sent < total; sent += piece.length) {
      pulled += piece.length;
      yield piece;
    }
    yield text(tail);
  }
  return { stream: gen(), pulled: () => pulled };
}

describe('damaged REAPER projects', () => {
  it('a file cut inside a block says which block and where it opened', async () => {
    const full = rppText(mixProject());
    const cut = full.slice(0, full.indexOf('<SOURCE MP3') + 40);
    const e = await failure(text(cut));
    expect(e.code).toBe('corrupt-file');
    const sourceLine = cut.split('\n').findIndex((l) => l.includes('<SOURCE MP3')) + 1;
    expect(e.message).toBe(`The project ends inside <SOURCE> (opened on line ${sourceLine}), after ${cut.split('\n').length} lines: the file is cut short or a block is not closed.`);
    const root = await failure(text(`${HEAD}  TEMPO 120 4 4\n`));
    expect(root.message).toBe('The project ends before its closing line, after 2 lines: the file is cut short or a block is not closed.');
    // one line: a file whose lines all end with a lone CR
    const one = await failure(text(`${HEAD.replace('\n', '\r')}  MARKER 1 5 x 0\r>\r`));
    expect(one.message).toBe('The project ends before its closing line, after 1 line: the file is cut short or a block is not closed.');
  });

  it('every truncation of a real-shaped project is corrupt-file (not-a-project before the magic is whole)', async () => {
    const bytes = rppBytes(mixProject(), { crlf: true });
    for (let cut = 1; cut < bytes.length; cut += cut < 40 ? 1 : 97) {
      expect((await failure(bytes.subarray(0, cut))).code, `cut at ${cut}`).toBe(cut < '<REAPER_PROJECT'.length ? 'not-a-project' : 'corrupt-file');
    }
  });

  it('a MARKER with garbage numbers names the line and the value', async () => {
    const bad = await failure(text(`${HEAD}  MARKER 1 12.5x "Intro" 0\n>\n`));
    expect(bad).toEqual({ code: 'corrupt-file', message: 'Line 2 of the project is broken: MARKER\'s position is "12.5x", not a number.' });
    for (const line of ['MARKER x 0 a 0', 'MARKER 1 NaN a 0', 'MARKER 1 1e400 a 0', 'MARKER 1 1e12 a 0', 'MARKER 1 5 a 0.5', 'MARKER 1', 'PLAYRATE fast']) {
      expect((await failure(text(`${HEAD}  ${line}\n>\n`))).code, line).toBe('corrupt-file');
    }
    // a lone CR inside a line: the text after it runs on, and the message says why
    expect(await failure(text(`${HEAD}  MARKER 1 5 x 0\r  MARKER 2 10 y 0\n>\n`))).toEqual({
      code: 'corrupt-file',
      message: 'Line 2 of the project is broken: MARKER\'s flags is "0" followed by a carriage return, not a number; REAPER ends its lines with LF or CRLF, never with a CR alone.',
    });
    // each number within ±1e9 s, their sum not
    const farItem = rppText({ tracks: [{ items: [{ position: 6e8, length: 6e8, file: 'a.wav' }] }] });
    const itemLine = farItem.split('\n').findIndex((l) => l.includes('<ITEM')) + 1;
    expect(await failure(text(farItem))).toEqual({ code: 'corrupt-file', message: `The item that starts on line ${itemLine} of the project is broken: it ends at 1200000000 s, outside any project.` });
    const pt = await failure(text(`${HEAD}  <TEMPOENVEX\n    PT 0 -120 0\n  >\n>\n`));
    expect(pt.message).toBe('Line 3 of the project is broken: PT\'s tempo is "-120", not a tempo (a positive number of BPM).');
  });

  it('blocks nested past the depth limit are xml-too-deep', async () => {
    const deep = `${HEAD}${'<X\n'.repeat(300)}${'>\n'.repeat(301)}`;
    expect((await failure(text(deep))).code).toBe('xml-too-deep');
    expect(await failure(text(`${HEAD}${'<X\n'.repeat(20)}${'>\n'.repeat(21)}`), { limits: { maxXmlDepth: 10 } })).toEqual({
      code: 'xml-too-deep',
      message: "The project's blocks are nested deeper than the limit of 10 (line 11).",
    });
    // a million levels: stopped at the limit, not after reading them all into a stack
    const started = performance.now();
    expect((await failure(text(`${HEAD}${'<X\n'.repeat(1_000_000)}`))).code).toBe('xml-too-deep');
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('a 100 MB line is value-too-long as soon as it passes the limit, without holding it', async () => {
    for (const head of [`${HEAD}  <VST "x" x.dll 0 "" 0 ""\n    `, `${HEAD}  MARKER 1 0 "`]) {
      const { stream, pulled } = lazyStream(head, 0x41, 100 * 1024 * 1024, '\n>\n');
      const before = process.memoryUsage();
      const e = await failure(stream);
      const after = process.memoryUsage();
      expect(e).toEqual({ code: 'value-too-long', message: `Line ${head.split('\n').length} of the project is longer than the limit of ${16 * 1024 * 1024} bytes; reading stopped there.` });
      expect(pulled()).toBeLessThanOrEqual(17 * 1024 * 1024);
      expect(after.arrayBuffers + after.heapUsed - before.arrayBuffers - before.heapUsed).toBeLessThan(64 * 1024 * 1024);
    }
  });

  it('NUL bytes, text after the end, not UTF-8 and no project block are typed errors', async () => {
    expect(await failure(text(`${HEAD}  TEMPO 120\u0000 4 4\n>\n`))).toEqual({ code: 'corrupt-file', message: 'The project holds a NUL byte on line 2, so it is not the text REAPER writes.' });
    expect(await failure(text(`${HEAD}>\n<REAPER_PROJECT\n>\n`))).toEqual({ code: 'corrupt-file', message: 'The project has text after its end, on line 3: the file is damaged or two files were joined.' });
    const latin1 = new Uint8Array([...text(`${HEAD}  MARKER 1 0 "caf`), 0xe9, ...text('" 0\n>\n')]);
    expect(await failure(latin1)).toEqual({ code: 'corrupt-file', message: 'Line 2 of the project is not UTF-8 text.' });
    // a stray byte in a skipped plug-in block is not decoded, so not judged
    const skipped = new Uint8Array([...text(`${HEAD}  <VST x\n    `), 0xe9, ...text('\n  >\n  MARKER 1 0 ok 0\n>\n')]);
    expect((await convert(skipped)).markers[0]!.name).toBe('ok');
    expect((await failure(text('<REAPER_PROJECT'))).code).toBe('corrupt-file');
  });

  it('random bytes after the first line are corrupt-file (or too deep), never a crash or a result', async () => {
    let seed = 99;
    const byte = (): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 24);
    for (let k = 0; k < 40; k++) {
      const junk = Array.from({ length: 2000 + k * 500 }, () => {
        const b = byte();
        return k % 2 === 0 && b === 0 ? 0x20 : b; // half the cases without NUL bytes
      });
      const bytes = new Uint8Array([...text(HEAD), ...junk, ...text('\nx')]); // never ends on a block's end
      expect(['corrupt-file', 'xml-too-deep']).toContain((await failure(bytes)).code);
    }
  });

  it('too many markers, items or tracks is too-many-markers', async () => {
    const markers = Array.from({ length: 11 }, (_, i) => ({ name: `m${i}`, seconds: i }));
    expect((await failure(rppBytes({ markers }), { limits: { maxMarkers: 10 } })).code).toBe('too-many-markers');
    const items = Array.from({ length: 11 }, (_, i) => ({ position: i, length: 1, file: 'a.wav' }));
    expect((await failure(rppBytes({ tracks: [{ items }] }), { limits: { maxMarkers: 10 } })).code).toBe('too-many-markers');
    expect((await failure(text(`${HEAD}${'  <TRACK\n  >\n'.repeat(11)}>\n`), { limits: { maxMarkers: 10 } })).message).toBe('The project has more tracks than the limit of 10.');
  });
});
