/** Time signatures: Ableton's enum `99·log2(den) + num − 1`, static and automated. */
import type { Meter, MeterChange, Warning } from '../../model';
import { warning } from '../warning';
import type { RawSet } from './raw';
import { paramEvents } from './tempo';

/** 201 → 4/4, 302 → 6/8, 204 → 7/4; null for values that are no meter. */
function decodeMeter(value: number): Meter | null {
  if (!Number.isInteger(value) || value < 0) return null;
  const exp = Math.floor(value / 99);
  if (exp > 6) return null;
  return { numerator: (value % 99) + 1, denominator: 2 ** exp };
}

/** The meter at beat 0 and its later changes, sorted by beat. */
export function readMeter(raw: RawSet, warnings: Warning[]): { meter: Meter; meterChanges: MeterChange[] } {
  const param = raw.timeSignature;
  let meter: Meter = (param?.manual !== undefined ? decodeMeter(param.manual) : null) ?? { numerator: 4, denominator: 4 };
  const list = paramEvents(raw, param);
  const events = Array.from({ length: list.length }, (_, i) => ({ time: list.time[i]!, value: list.value[i]! })).sort((a, b) => a.time - b.time);
  const changes: MeterChange[] = [];
  let bad = 0;
  for (const e of events) {
    const m = decodeMeter(e.value);
    if (!m) {
      bad++;
      continue;
    }
    if (e.time <= 0) meter = m;
    else {
      const prev = changes.at(-1) ?? meter;
      if (prev.numerator !== m.numerator || prev.denominator !== m.denominator) changes.push({ beat: e.time, ...m });
    }
  }
  if (bad > 0) {
    const which = bad === 1 ? 'One time signature change' : `${bad} time signature changes`;
    warnings.push(warning('bad-time-signature', `${which} could not be read and ${bad === 1 ? 'was' : 'were'} skipped; the bar numbers after ${bad === 1 ? 'it' : 'them'} may be off (the times are not).`, `${bad} EnumEvent value(s) that are no 99·log2(den) + num − 1 with den ≤ 64`));
  }
  return { meter, meterChanges: changes };
}
