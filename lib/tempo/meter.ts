/**
 * Bar positions under meter changes (timing.md "Time signatures"): an n/d bar lasts n·4/d
 * beats, a bar's beats are 1/d notes, and the third field counts sixteenths within the beat.
 * Positions are 1-based like Live's display ("1.1.1" is beat 0). A change that does not sit on
 * a bar line starts a new bar there. Beats before 0 count back into bar 0, -1, … .
 */
import type { Meter, MeterChange } from '../model';

/** Bar positions for one set. */
export interface MeterMap {
  /** "bar.beat.sixteenth", 1-based. O(log n). */
  position(beat: number): string;
}

interface Section {
  beat: number;
  bar: number;
  meter: Meter;
}

/** Float noise far below a sixteenth (3.9999999 beats is bar 2). */
const EPS = 1e-6;

/** A meter bar positions can use: whole numbers from 1 to 1024, the denominator a power of two. */
export function isValidMeter(m: { numerator: number | null | undefined; denominator: number | null | undefined }): m is Meter {
  const { numerator: n, denominator: d } = m;
  return typeof n === 'number' && typeof d === 'number' && Number.isInteger(n) && n >= 1 && n <= 1024 && Number.isInteger(d) && d >= 1 && d <= 1024 && (d & (d - 1)) === 0;
}

function snapFloor(x: number): number {
  const r = Math.round(x);
  return Math.abs(x - r) < EPS ? r : Math.floor(x);
}

/** Builds the sections once (O(n)); changes are sorted by beat, later ones at a beat win. */
export function createMeterMap(meter: Meter, changes: readonly MeterChange[]): MeterMap {
  let initial: Meter = isValidMeter(meter) ? meter : { numerator: 4, denominator: 4 };
  const later: MeterChange[] = [];
  for (const c of [...changes].sort((a, b) => a.beat - b.beat)) {
    if (!isValidMeter(c) || !Number.isFinite(c.beat)) continue;
    if (c.beat <= 0) initial = c;
    else if (later.length > 0 && later[later.length - 1]!.beat === c.beat) later[later.length - 1] = c;
    else later.push(c);
  }
  const sections: Section[] = [{ beat: 0, bar: 1, meter: initial }];
  for (const c of later) {
    const prev = sections[sections.length - 1]!;
    const barBeats = (prev.meter.numerator * 4) / prev.meter.denominator;
    const bars = Math.max(1, Math.ceil((c.beat - prev.beat) / barBeats - EPS));
    sections.push({ beat: c.beat, bar: prev.bar + bars, meter: { numerator: c.numerator, denominator: c.denominator } });
  }

  return {
    position(beat: number): string {
      if (!Number.isFinite(beat)) return '?';
      let lo = 1;
      let hi = sections.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (sections[mid]!.beat <= beat + EPS / 4) lo = mid + 1;
        else hi = mid;
      }
      const s = sections[lo - 1]!;
      const sixteenths = (beat - s.beat) * 4;
      const barLen = (s.meter.numerator * 16) / s.meter.denominator;
      const beatLen = 16 / s.meter.denominator;
      const bar = snapFloor(sixteenths / barLen);
      const inBar = Math.max(0, sixteenths - bar * barLen);
      const beatIndex = Math.min(s.meter.numerator - 1, snapFloor(inBar / beatLen));
      const sixteenth = Math.min(Math.ceil(beatLen) - 1, Math.max(0, snapFloor(inBar - beatIndex * beatLen)));
      return `${s.bar + bar}.${beatIndex + 1}.${sixteenth + 1}`;
    },
  };
}
