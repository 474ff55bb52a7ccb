// The DAWproject reader's modules export what other modules use, nothing only their own file needs
// (a second num/bool beside lib/readers/numbers.ts, the tempo clamp, the ramp formula).
import { describe, expect, it } from 'vitest';
import * as build from '../../../lib/readers/dawproject/build';
import * as collect from '../../../lib/readers/dawproject/collect';
import * as read from '../../../lib/readers/dawproject/read';
import * as tempo from '../../../lib/readers/dawproject/tempo';

describe('DAWproject reader modules', () => {
  it('export only what the other modules use', () => {
    expect(Object.keys(collect).sort()).toEqual(['MAX_NESTING', 'collectRules']);
    expect(Object.keys(tempo)).toEqual(['readTempo']);
    expect(Object.keys(build)).toEqual(['buildProject']);
    expect(Object.keys(read)).toEqual(['readDawproject']);
  });
});
