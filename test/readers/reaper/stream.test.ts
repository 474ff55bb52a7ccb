// convert() on a REAPER project as bytes and as streams cut anywhere: inside lines, tokens, CRLF
// pairs, the BOM and multi-byte characters. Every cut gives the same result.
import { describe, expect, it } from 'vitest';
import { convert } from '../../../lib';
import { LineReader, type LineSink } from '../../../lib/readers/reaper/lines';
import { inPieces, mixProject, rppBytes } from '../../helpers/rpp-builder';

describe('a REAPER project streamed', () => {
  const bytes = rppBytes({ ...mixProject(), notes: ['Ünïcødé notes ✓'] }, { crlf: true, bom: true });

  it('in pieces of 1, 2, 3 and 7 bytes (cuts in every CRLF, BOM and UTF-8 sequence) reads as the whole file', async () => {
    const whole = await convert(bytes, { fileName: 'mix.rpp' });
    expect(whole.markers).toHaveLength(4);
    for (const sizes of [[1], [2], [3], [7], [1, 2, 5, 64, 4096]]) {
      expect(await convert(inPieces(bytes, sizes), { fileName: 'mix.rpp' }), `pieces ${sizes}`).toEqual(whole);
    }
  });

  it('as a web ReadableStream', async () => {
    let at = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (at >= bytes.length) return controller.close();
        controller.enqueue(bytes.slice(at, at + 1000));
        at += 1000;
      },
    });
    expect(await convert(stream)).toEqual(await convert(bytes));
  });

  it('stops at maxFileBytes with file-too-large', async () => {
    await expect(convert(inPieces(bytes, [500]), { limits: { maxFileBytes: 10_000 } })).rejects.toMatchObject({ code: 'file-too-large' });
  });

  it('hands the scanner every line the same way whatever the cuts', () => {
    const text = new TextEncoder().encode('\uFEFF<A x\r\n  key "v a l"\r\n\r\n   \r\n  <B\n  >\r\n>');
    const seen = (sizes: number[]): string[] => {
      const lines: string[] = [];
      const sink: LineSink = {
        wants: (head) => head[0] !== 0x3e,
        line: (head, length, whole, n) => lines.push(`${n}:${new TextDecoder().decode(head.subarray(0, length))}|${whole === null ? '-' : new TextDecoder().decode(whole)}`),
      };
      const reader = new LineReader(sink, 1000, 3);
      let at = 0;
      for (let k = 0; at < text.length; k++) {
        const size = sizes[k % sizes.length]!;
        reader.write(text.subarray(at, at + size));
        at += size;
      }
      reader.end();
      return lines;
    };
    const expected = ['1:<A x\r|<A x', '2:key "v a l"\r|key "v a l"', '5:<B|<B', '6:>\r|-', '7:>|-'];
    for (const sizes of [[1], [2], [3], [100]]) expect(seen(sizes)).toEqual(expected);
  });
});
