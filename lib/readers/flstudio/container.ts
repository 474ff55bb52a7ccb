import { ByteReader } from '../../binary';
import { DawstampsError } from '../../errors';

/** The FLhd header chunk and where the FLdt event data lies (docs/flstudio.md#container). */
export interface FlpContainer {
  /** 0 = project. */
  format: number;
  channelCount: number;
  /** Ticks per quarter note. */
  ppq: number;
  /** Absolute offset of the first event. */
  dataStart: number;
  /** One past the last event byte; trailing bytes after it are ignored. */
  dataEnd: number;
}

/** True when the bytes start with the FL Studio header magic "FLhd". */
export function hasFlpMagic(head: Uint8Array): boolean {
  return head.length >= 4 && head[0] === 0x46 && head[1] === 0x4c && head[2] === 0x68 && head[3] === 0x64;
}

/** Reads FLhd and locates FLdt; throws 'corrupt-file' / 'unsupported-format' for a bad container. */
export function readContainer(bytes: Uint8Array): FlpContainer {
  if (!hasFlpMagic(bytes)) throw new DawstampsError('not-a-project', 'This is not an FL Studio project.', { detail: 'it does not start with "FLhd"' });
  const r = new ByteReader(bytes, 4);
  const headerLength = r.u32le('the FLhd header length');
  if (headerLength < 6) throw new DawstampsError('corrupt-file', 'The FL Studio project is damaged: its header is too short.', { offset: 4, detail: `FLhd says ${headerLength} bytes; it needs 6` });
  const headerStart = r.offset;
  r.need(headerLength, 'the FLhd header');
  r.offset = headerStart;
  const format = r.i16le('the project format');
  const channelCount = r.u16le('the channel count');
  const ppq = r.u16le('the PPQ');
  if (format !== 0) throw new DawstampsError('unsupported-format', 'This FL Studio file is not a project (it may be a preset, a score or a channel state); only .flp projects can be read.', { detail: `FLhd format ${format}` });
  if (ppq === 0) throw new DawstampsError('corrupt-file', 'The FL Studio project is damaged: its header gives no beat resolution.', { offset: headerStart + 4, detail: `PPQ 0 at byte ${headerStart + 4}` });
  r.offset = headerStart + headerLength;
  const magicAt = r.need(4, 'the FLdt chunk');
  if (bytes[magicAt] !== 0x46 || bytes[magicAt + 1] !== 0x4c || bytes[magicAt + 2] !== 0x64 || bytes[magicAt + 3] !== 0x74) {
    throw new DawstampsError('corrupt-file', 'The FL Studio project is damaged: its data is missing.', { offset: magicAt, detail: `no "FLdt" chunk at byte ${magicAt}` });
  }
  const dataLength = r.u32le('the FLdt length');
  const dataStart = r.offset;
  if (dataLength > bytes.length - dataStart) {
    throw new DawstampsError('corrupt-file', 'The FL Studio project is cut short: it ends before its data does (was the file copied in full?).', {
      offset: magicAt,
      detail: `the FLdt chunk at byte ${magicAt} says ${dataLength} bytes but only ${bytes.length - dataStart} follow`,
    });
  }
  return { format, channelCount, ppq, dataStart, dataEnd: dataStart + dataLength };
}
