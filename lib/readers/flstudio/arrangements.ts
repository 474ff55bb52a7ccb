import { echoValue } from '../../errors';
import type { ArrangementRef, Warning } from '../../model';
import { warning } from '../warning';
import type { RawArrangement } from './scan';

/**
 * The arrangements to read as timelines (FL Studio 12.9 and later; older files have one song,
 * the preamble, with no arrangement ref) and the one timed by default: the current one (event
 * 100), else the first.
 */
export function listArrangements(
  arrangements: readonly RawArrangement[],
  names: readonly string[],
  current: number | null,
  preamble: RawArrangement,
  warnings: Warning[],
): { list: Array<{ raw: RawArrangement; ref: ArrangementRef | null }>; defaultIndex: number } {
  if (arrangements.length === 0) return { list: [{ raw: preamble, ref: null }], defaultIndex: 0 };
  const list = arrangements.map((raw, i) => ({ raw, ref: { index: raw.index, name: names[i] ?? '' } }));
  let at = current === null ? -1 : list.findIndex((a) => a.ref.index === current);
  if (at < 0) {
    at = 0;
    if (current !== null) {
      warnings.push(warning('flp-current-arrangement-missing', `The project's current arrangement is missing from it, so its first arrangement, "${echoValue(list[0]!.ref.name)}", is read.`, `event 100 names arrangement ${current}`));
    }
  }
  return { list, defaultIndex: at };
}
