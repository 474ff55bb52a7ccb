/** A plain walk over an .flp's events (docs/flstudio.md#container), to size limits in tests. */

export interface FlpEventInfo {
  id: number;
  offset: number;
  /** Payload bytes of a data event (id ≥ 192); 0 for fixed-size events. */
  dataLength: number;
}

/** Every event of a well-formed .flp, in file order. */
export function flpEvents(bytes: Uint8Array): FlpEventInfo[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getUint32(4, true);
  const dataAt = 8 + headerLength;
  const end = dataAt + 8 + view.getUint32(dataAt + 4, true);
  const events: FlpEventInfo[] = [];
  for (let p = dataAt + 8; p < end; ) {
    const offset = p;
    const id = bytes[p++]!;
    let dataLength = 0;
    if (id < 64) p += 1;
    else if (id < 128) p += 2;
    else if (id < 192) p += 4;
    else {
      for (let shift = 0; ; shift += 7) {
        const c = bytes[p++]!;
        dataLength += (c & 0x7f) * 2 ** shift;
        if (c < 0x80) break;
      }
      p += dataLength;
    }
    events.push({ id, offset, dataLength });
  }
  return events;
}
