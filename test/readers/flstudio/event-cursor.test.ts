import { describe, expect, it } from 'vitest';
import { EventCursor } from '../../../lib/readers/flstudio/event-cursor';
import { Bytes } from '../../helpers/flp-builder';
import { codeOf } from './helpers';

const stream = new Bytes()
  .u8(17).u8(3) // u8 class
  .u8(99).u16(0xbeef) // u16 class
  .u8(156).u32(0xfedcba98) // u32 class
  .u8(241).varint(200).zeros(200) // text class with a 2-byte varint
  .u8(255).varint(0) // empty data
  .toBytes();

function walk(bytes: Uint8Array, wanted?: Uint8Array): Array<[number, number, number]> {
  const c = new EventCursor(bytes, 0, bytes.length, 1000, 1000);
  const out: Array<[number, number, number]> = [];
  while (c.next(wanted)) out.push([c.id, c.offset, c.id < 192 ? c.value : c.dataLength]);
  return out;
}

describe('EventCursor', () => {
  it('reads every size class with its offset', () => {
    expect(walk(stream)).toEqual([[17, 0, 3], [99, 2, 0xbeef], [156, 5, 0xfedcba98], [241, 10, 200], [255, 213, 0]]);
  });

  it('skips unwanted events but still checks and counts them', () => {
    const wanted = new Uint8Array(256);
    wanted[156] = 1;
    wanted[255] = 1;
    expect(walk(stream, wanted).map((e) => e[0])).toEqual([156, 255]);
    const c = new EventCursor(stream, 0, stream.length, 3, 1000);
    expect(codeOf(() => { while (c.next(wanted)); })).toBe('too-many-events');
    expect(codeOf(() => walk(stream.subarray(0, 100), wanted))).toBe('corrupt-file');
  });

  it('stops at the end it is given, not the end of the buffer', () => {
    const c = new EventCursor(stream, 0, 5, 1000, 1000);
    expect(c.next()).toBe(true);
    expect(c.next()).toBe(true);
    expect(c.next()).toBe(false);
    expect(codeOf(() => walk(stream.subarray(0, 6)))).toBe('corrupt-file');
  });

  it('enforces the value limit on events that fit', () => {
    expect(codeOf(() => new EventCursor(stream, 0, stream.length, 1000, 100).next(new Uint8Array(256)))).toBe('value-too-long');
  });
});
