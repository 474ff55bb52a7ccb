import { DawstampsError } from '../../errors';

/**
 * Walks the FLdt events one by one without allocating (shared/spec/flstudio.md#container).
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

  /** Moves to the next event; false at the end of the chunk. */
  next(): boolean {
    const b = this.bytes;
    let p = this.position;
    if (p >= this.end) return false;
    if (++this.count > this.maxEvents) {
      throw new DawstampsError('too-many-events', `The FL Studio project has more than ${this.maxEvents} events.`, { offset: p });
    }
    const id = b[p] as number;
    this.offset = p;
    this.id = id;
    p++;
    if (id < 64) {
      this.ensure(p, 1);
      this.value = b[p] as number;
      p += 1;
    } else if (id < 128) {
      this.ensure(p, 2);
      this.value = (b[p] as number) | ((b[p + 1] as number) << 8);
      p += 2;
    } else if (id < 192) {
      this.ensure(p, 4);
      this.value = ((b[p] as number) | ((b[p + 1] as number) << 8) | ((b[p + 2] as number) << 16) | ((b[p + 3] as number) << 24)) >>> 0;
      p += 4;
    } else {
      let length = 0;
      let shift = 0;
      for (;;) {
        if (p >= this.end) this.overrun('its length');
        const c = b[p++] as number;
        length += (c & 0x7f) * 2 ** shift;
        if (c < 0x80) break;
        shift += 7;
        if (shift >= 35) {
          throw new DawstampsError('corrupt-file', `The file is damaged: event ${id} at byte ${this.offset} has a length that never ends.`, { offset: this.offset });
        }
      }
      this.ensure(p, length);
      if (length > this.maxValueBytes) {
        throw new DawstampsError('value-too-long', `Event ${id} at byte ${this.offset} holds ${length} bytes, over the limit of ${this.maxValueBytes}.`, { offset: this.offset });
      }
      this.dataStart = p;
      this.dataLength = length;
      p += length;
    }
    this.position = p;
    return true;
  }

  private ensure(p: number, size: number): void {
    if (size > this.end - p) this.overrun(`${size} bytes`);
  }

  private overrun(what: string): never {
    throw new DawstampsError('corrupt-file', `The file is truncated or damaged: event ${this.id} at byte ${this.offset} needs ${what} past the end of the data at byte ${this.end}.`, { offset: this.offset });
  }
}
