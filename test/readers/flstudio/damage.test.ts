import { describe, expect, it } from 'vitest';
import { FlpBuilder, pointsPayload } from '../../helpers/flp-builder';
import { codeOf, read } from './helpers';

const base = (): FlpBuilder => new FlpBuilder().version('20.8.4.2576').tempo(120);
const withMarkers = (b: FlpBuilder): FlpBuilder => b.arrangement(0, 'Arrangement').marker({ ticks: 96, name: 'One' }).currentArrangement(0);

function errorOf(fn: () => unknown): { code: string; message: string; offset: unknown; detail: unknown } {
  try {
    fn();
  } catch (e) {
    const err = e as { code: string; message: string; details?: { offset?: unknown; detail?: unknown } };
    return { code: err.code, message: err.message, offset: err.details?.offset, detail: err.details?.detail };
  }
  throw new Error('expected an error');
}

describe('damaged and hostile .flp files', () => {
  it('tolerates trailing bytes after the data chunk', () => {
    expect(read(withMarkers(base()).build({ trailing: [1, 2, 3, 4, 5] })).markers).toHaveLength(1);
  });

  it('rejects a data length past the end of the file', () => {
    const bytes = withMarkers(base()).build();
    const err = errorOf(() => read(withMarkers(base()).build({ dataLength: bytes.length })));
    expect(err.code).toBe('corrupt-file');
    expect(err.message).toBe('The FL Studio project is cut short: it ends before its data does (was the file copied in full?).');
    expect(err.detail).toMatch(/FLdt chunk at byte 14/);
  });

  it('rejects a header that is not a project, too short, or PPQ 0', () => {
    expect(codeOf(() => read(new FlpBuilder({ format: 0x10 }).build()))).toBe('unsupported-format');
    expect(codeOf(() => read(new FlpBuilder({ ppq: 0 }).build()))).toBe('corrupt-file');
    expect(codeOf(() => read(withMarkers(base()).build().subarray(0, 12)))).toBe('corrupt-file');
    expect(codeOf(() => read(Uint8Array.from([0x46, 0x4c, 0x68, 0x64, 6, 0, 0, 0, 0, 0, 1, 0, 96, 0, 0x46, 0x4c, 0x64, 0x61])))).toBe('corrupt-file');
  });

  it('a file cut off inside its header or data says so in a sentence, with the byte only in the details', () => {
    const bytes = withMarkers(base()).build();
    for (let length = 5; length < 22; length++) {
      const err = errorOf(() => read(bytes.subarray(0, length)));
      expect(err.code, `cut at ${length}`).toBe('corrupt-file');
      expect(err.message, `cut at ${length}`).not.toMatch(/byte|FLhd|FLdt|PPQ|varint/);
      expect(err.message, `cut at ${length}`).toMatch(/^The (FL Studio )?project is (damaged|cut short)/);
      expect(String(err.detail), `cut at ${length}`).toMatch(/at byte \d+/);
    }
  });

  it('names the event and byte offset of an event length past the end', () => {
    const at = base().build().length; // the appended event's id byte
    const err = errorOf(() => read(base().raw([241, 0x7f, 0x41, 0]).build()));
    expect(err).toMatchObject({ code: 'corrupt-file', offset: at });
    expect(err.message).not.toMatch(/byte|event/); // a sentence for a DJ; the facts are in the details
    expect(err.detail).toMatch(/event 241 at byte \d+/);
  });

  it('stops a varint that never ends', () => {
    const err = errorOf(() => read(base().raw([203, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01, 0]).build()));
    expect(err.code).toBe('corrupt-file');
    expect(err.message).toBe('The project is damaged: part of it has a size that cannot be read.');
    expect(err.detail).toMatch(/never ends/);
  });

  it('damage after the arrangements gives a result with a warning', () => {
    const bytes = withMarkers(base()).raw([215, 0x90, 0x03, 1, 2, 3]).build();
    const p = read(bytes);
    expect(p.markers.map((m) => m.name)).toEqual(['One']);
    expect(p.warnings.map((w) => w.code)).toEqual(['flp-tail-damaged']);
  });

  it('a tempo clip whose point count lies: an error if it plays, nothing if it is not placed', () => {
    const liar = (placed: boolean): Uint8Array => {
      const b = base().link(3).word(64, 3).byte(21, 5).data(234, pointsPayload([{ delta: 0, value: 0.5 }], 1000));
      b.arrangement(0, 'A').playlist(placed ? [{ position: 0, length: 96, item: 3 }] : []).marker({ ticks: 0, name: 'x' }).currentArrangement(0);
      return b.build();
    };
    const err = errorOf(() => read(liar(true)));
    expect(err.code).toBe('corrupt-file');
    expect(err.message).toMatch(/says it has 1000 points/);
    expect(read(liar(false)).markers).toHaveLength(1);
  });

  it('a damaged playlist is an error when tempo clips need it, a warning otherwise', () => {
    const bad = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32];
    const withClip = base().link(3).automationClip(3, [{ delta: 0, value: 0.5 }]).arrangement(0, 'A').data(233, bad).currentArrangement(0).build();
    expect(codeOf(() => read(withClip))).toBe('corrupt-file');
    const p = read(base().arrangement(0, 'A').data(233, bad).marker({ ticks: 0, name: 'x' }).currentArrangement(0).build());
    expect(p.warnings.map((w) => w.code)).toEqual(['flp-playlist-damaged']);
  });

  it('rejects an impossible static tempo and a short automation link', () => {
    expect(codeOf(() => read(new FlpBuilder().version('20.8').dword(156, 900_000).build()))).toBe('corrupt-file');
    const p = read(base().data(227, [1, 2, 3]).build());
    expect(p.warnings.map((w) => w.code)).toEqual(['flp-link-damaged', 'no-tracklist-markers']);
  });

  it('enforces maxFlpEvents, maxValueBytes, maxMarkers and maxBreakpoints', () => {
    const bytes = withMarkers(base()).marker({ ticks: 5, name: 'Two' }).build();
    expect(codeOf(() => read(bytes, { limits: { maxFlpEvents: 5 } }))).toBe('too-many-events');
    expect(codeOf(() => read(bytes, { limits: { maxValueBytes: 4 } }))).toBe('value-too-long');
    expect(codeOf(() => read(bytes, { limits: { maxMarkers: 1 } }))).toBe('too-many-markers');
    const clip = base().link(3).automationClip(3, [{ delta: 0, value: 0 }, { delta: 1, value: 1 }, { delta: 1, value: 0 }])
      .arrangement(0, 'A').playlist([{ position: 0, length: 96 * 4, item: 3 }]).currentArrangement(0).build();
    expect(codeOf(() => read(clip, { limits: { maxBreakpoints: 2 } }))).toBe('too-many-breakpoints');
    expect(read(clip).tempo).toHaveLength(4);
  });

  it('tempo clip points: impossible positions or values are corrupt-file, values outside 0…1 are clamped', () => {
    const clip = (points: Array<{ delta: number; value: number }>): Uint8Array => base().link(3).automationClip(3, points)
      .arrangement(0, 'A').playlist([{ position: 0, length: 96 * 8, item: 3 }]).currentArrangement(0).build();
    expect(codeOf(() => read(clip([{ delta: 0, value: 0 }, { delta: -1, value: 1 }])))).toBe('corrupt-file');
    expect(codeOf(() => read(clip([{ delta: 0, value: 0 }, { delta: Number.NaN, value: 1 }])))).toBe('corrupt-file');
    expect(codeOf(() => read(clip([{ delta: 0, value: Number.POSITIVE_INFINITY }])))).toBe('corrupt-file');
    expect(codeOf(() => read(clip([{ delta: 0, value: 0 }, { delta: Number.MAX_VALUE, value: 0 }, { delta: Number.MAX_VALUE, value: 1 }])))).toBe('corrupt-file');
    // the default range 60–180 BPM: value 0 → 60, 1 → 180; −1 and 2 clamp to the ends of the range
    const tempo = read(clip([{ delta: 0, value: -1 }, { delta: 2, value: 2 }, { delta: 2, value: 0.5 }])).tempo;
    expect(tempo.map((p) => p.bpm)).toEqual([60, 180, 120, 120]);
    expect(tempo.map((p) => p.beat)).toEqual([0, 2, 4, 8]);
  });

  it('a long clip placed many times stays linear in its output (no quadratic walk)', () => {
    const points = Array.from({ length: 30_000 }, (_, i) => ({ delta: i === 0 ? 0 : 0.001, value: (i % 100) / 100 }));
    const items = Array.from({ length: 10_000 }, (_, i) => ({ position: i * 2, length: 1, item: 3, startOffset: i % 25 }));
    const bytes = base().link(3).automationClip(3, points).arrangement(0, 'A').playlist(items).currentArrangement(0).build();
    const p = read(bytes);
    expect(p.tempo.length).toBeGreaterThan(20_000);
    expect(codeOf(() => read(bytes, { limits: { maxBreakpoints: 20_000 } }))).toBe('too-many-breakpoints');
  });
});
