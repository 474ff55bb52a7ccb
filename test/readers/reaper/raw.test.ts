// What the REAPER scan keeps, and no more: no line numbers per marker or tempo point (a column of
// 2 million doubles, 16 MB, that nothing read), markers at one time in file order.
import { describe, expect, it } from 'vitest';
import { convert } from '../../../lib';
import { RawPoints } from '../../../lib/readers/reaper/raw';
import { RppScanner } from '../../../lib/readers/reaper/scan';
import { resolveLimits } from '../../../lib/limits';
import { LineReader } from '../../../lib/readers/reaper/lines';

const HEAD = '<REAPER_PROJECT 0.1 "7.14/win64" 1700000000\n';

function scan(text: string): RppScanner {
  const scanner = new RppScanner(resolveLimits({}));
  const lines = new LineReader(scanner, 1 << 20, 0);
  lines.write(new TextEncoder().encode(text));
  lines.end();
  return scanner;
}

describe('the REAPER scan', () => {
  it('keeps five columns per tempo point, and no line numbers for points, markers or TEMPO', () => {
    expect(Object.keys(new RawPoints()).sort()).toEqual(['bpm', 'flags', 'length', 'seconds', 'shape', 'timeSig']);
    const raw = scan(`${HEAD}  TEMPO 120 4 4\n  MARKER 1 5 a 0\n  <TEMPOENVEX\n    PT 0 120 1\n  >\n>\n`).finish(6);
    expect(raw.tempo).toEqual({ bpm: 120, numerator: 4, denominator: 4 });
    expect(raw.markers).toEqual([{ index: 1, seconds: 5, name: 'a', flags: 0 }]);
  });

  it('lists markers and regions at one time in file order', async () => {
    const lines = ['MARKER 3 10 c 0', 'MARKER 1 10 a 0', 'MARKER 7 5 first 0', 'MARKER 2 10 b 1', 'MARKER 2 12 "" 1', 'MARKER 9 10 d 0'];
    const r = await convert(new TextEncoder().encode(`${HEAD}${lines.map((l) => `  ${l}\n`).join('')}>\n`));
    expect(r.markers.map((m) => m.name)).toEqual(['first', 'c', 'a', 'b', 'd']);
  });
});
