import { DawstampsError, echoValue } from '../../errors';
import type { ArrangementRef, Warning } from '../../model';
import type { RawArrangement } from './scan';

export interface ChosenArrangement {
  raw: RawArrangement;
  /** Null for files older than FL 12.9 (one song, no arrangements). */
  refs: { used: ArrangementRef; all: ArrangementRef[] } | null;
}

/**
 * Picks the arrangement to read: `option` by index (a number or digits) or name (exact, then
 * case-insensitive), else the current one (event 100), else the first.
 */
export function chooseArrangement(
  arrangements: readonly RawArrangement[],
  names: readonly string[],
  current: number | null,
  option: string | number | undefined,
  preamble: RawArrangement,
  warnings: Warning[],
): ChosenArrangement {
  const all: ArrangementRef[] = arrangements.map((a, i) => ({ index: a.index, name: names[i] ?? '' }));
  if (arrangements.length === 0) {
    if (option !== undefined && option !== 0 && option !== '0') {
      throw new DawstampsError('invalid-option', `This FL Studio project has no arrangements (they came with FL Studio 12.9), so arrangement "${echoValue(option)}" cannot be read.`);
    }
    return { raw: preamble, refs: null };
  }
  let at = -1;
  if (option !== undefined && option !== '') {
    at = findArrangement(all, option);
    if (at < 0) {
      const list = all.map((a) => `${a.index} "${a.name}"`).join(', ');
      throw new DawstampsError('invalid-option', `The project has no arrangement "${echoValue(option)}". Its arrangements are: ${list}.`);
    }
  } else {
    at = current === null ? -1 : all.findIndex((a) => a.index === current);
    if (at < 0) {
      at = 0;
      if (current !== null) warnings.push({ code: 'flp-current-arrangement-missing', message: `The current arrangement ${current} is not in the file; the first one is read.` });
    }
  }
  return { raw: arrangements[at] as RawArrangement, refs: { used: all[at] as ArrangementRef, all } };
}

function findArrangement(all: readonly ArrangementRef[], option: string | number): number {
  if (typeof option === 'number') return all.findIndex((a) => a.index === option);
  const exact = all.findIndex((a) => a.name === option);
  if (exact >= 0) return exact;
  const lower = option.toLowerCase();
  const folded = all.findIndex((a) => a.name.toLowerCase() === lower);
  if (folded >= 0) return folded;
  return /^\d+$/.test(option.trim()) ? all.findIndex((a) => a.index === Number(option.trim())) : -1;
}
