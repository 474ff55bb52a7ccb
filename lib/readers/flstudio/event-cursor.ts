import { DawstampsError } from '../../errors';

/**
 * Walks the FLdt events one by one without allocating (docs/flstudio.md#container).
 * After `next()` returns true: `id`, `offset` (of the id byte) and either `value` (ids < 192)
 * or `dataStart` + `dataLength` (ids ≥ 192) describe the event. Every size is checked
 * against the end of the chunk; an overrun throws 'corrupt-file' with the byte offset.
 */
export class EventCursor {
  id = 0;
  offset = 0;
  value = 0;
  dataStart = 0;
  dataLength = 0;
  /** Events walked so far (including skipped ones). */
  count = 0;
  private position: number;

  constructor(
    private readonly bytes: Uint8Array,
    start: number,
    private readonly end: number,
    private readonly maxEvents: number,
    private readonly maxValueBytes: number,
  ) {
    this.position = start;
  }

  /**
   * Moves to the next event whose id is marked in `wanted` (every event when omitted), checking
   * the ones it skips just the same; false at the end of the chunk.
   */
  next(wanted?: Uint8Array): boolean {
    const b = this.bytes;
    const end = this.end;
    let p = this.position;
    let count = this.count;
    for (;;) {
      if (p >= end) {
        this.position = p;
        this.count = count;
        return false;
      }
      const start = p;
      const id = b[p++] as number;
      if (++count > this.maxEvents) {
        throw new DawstampsError('too-many-events', `The project is too big to read: it holds more than ${this.maxEvents} events, dawstamps' limit.`, { offset: start, limit: this.maxEvents });
      }
      let value = 0;
      let length = 0;
      if (id < 64) {
        if (p + 1 > end) this.overrun(id, start, '1 byte');
        value = b[p] as number;
        p += 1;
      } else if (id < 128) {
        if (p + 2 > end) this.overrun(id, start, '2 bytes');
        value = (b[p] as number) | ((b[p + 1] as number) << 8);
        p += 2;
      } else if (id < 192) {
        if (p + 4 > end) this.overrun(id, start, '4 bytes');
        value = ((b[p] as number) | ((b[p + 1] as number) << 8) | ((b[p + 2] as number) << 16) | ((b[p + 3] as number) << 24)) >>> 0;
        p += 4;
      } else {
        let shift = 0;
        for (;;) {
          if (p >= end) this.overrun(id, start, 'its length');
          const c = b[p++] as number;
          length += (c & 0x7f) * 2 ** shift;
          if (c < 0x80) break;
          shift += 7;
          if (shift >= 35) {
            throw new DawstampsError('corrupt-file', 'The project is damaged: part of it has a size that cannot be read.', { offset: start, detail: `event ${id} at byte ${start}: its length varint never ends` });
          }
        }
        if (length > end - p) this.overrun(id, start, `${length} bytes`);
        if (length > this.maxValueBytes) {
          throw new DawstampsError('value-too-long', `Part of the project is ${length} bytes long, more than dawstamps' limit of ${this.maxValueBytes}.`, { offset: start, limit: this.maxValueBytes, detail: `event ${id} at byte ${start}` });
        }
        value = p;
        p += length;
      }
      if (wanted === undefined || wanted[id] === 1) {
        this.position = p;
        this.count = count;
        this.id = id;
        this.offset = start;
        if (id < 192) this.value = value;
        else {
          this.dataStart = value;
          this.dataLength = length;
        }
        return true;
      }
    }
  }

  private overrun(id: number, at: number, what: string): never {
    throw new DawstampsError('corrupt-file', 'The project is cut short or damaged: its data stops in the middle of an entry (was the file copied in full?).', {
      offset: at,
      detail: `event ${id} at byte ${at} needs ${what} past the end of the data at byte ${this.end}`,
    });
  }
}
