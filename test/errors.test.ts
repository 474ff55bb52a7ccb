import { describe, expect, it } from 'vitest';
import { DawstampsError, isDawstampsError } from '../lib/errors';

describe('DawstampsError', () => {
  it('carries a code and a sentence, and serialises to exactly those', () => {
    const e = new DawstampsError('corrupt-file', 'The gzip stream ends early.', { offset: 12 });
    expect(isDawstampsError(e)).toBe(true);
    expect(JSON.parse(JSON.stringify(e))).toEqual({ code: 'corrupt-file', message: 'The gzip stream ends early.' });
    expect(isDawstampsError(new Error('x'))).toBe(false);
  });
});
