import { describe, expect, it } from 'vitest';
import { readConfig } from '../../functions/config';

describe('the key prefixes in the configuration', () => {
  it('default to uploads/, results/ and jobs/', () => {
    expect(readConfig({})).toMatchObject({ uploadPrefix: 'uploads/', resultPrefix: 'results/', jobPrefix: 'jobs/' });
  });

  it('read JOB_PREFIX and add the trailing slash', () => {
    expect(readConfig({ JOB_PREFIX: 'records' }).jobPrefix).toBe('records/');
  });

  it('refuse job records under the upload prefix (they would notify the queue)', () => {
    expect(() => readConfig({ JOB_PREFIX: 'uploads/jobs/' })).toThrow(/JOB_PREFIX must lie outside UPLOAD_PREFIX/);
    expect(() => readConfig({ JOB_PREFIX: 'in/', UPLOAD_PREFIX: 'in/' })).toThrow(/JOB_PREFIX/);
  });

  it('refuse a job prefix equal to the result prefix (record and result would share a key)', () => {
    expect(() => readConfig({ JOB_PREFIX: 'results/' })).toThrow(/JOB_PREFIX must differ from RESULT_PREFIX/);
  });
});
