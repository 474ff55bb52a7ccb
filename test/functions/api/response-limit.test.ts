/** The size decision of response-limit.ts: what the API sends itself, links to, or refuses. */
import { describe, expect, it } from 'vitest';
import { checkFits, deliveryOf } from '../../../functions/api/response-limit';
import { createJob, localHarness, uploadedJob } from '../../helpers/functions/local-app';
import { fixture } from '../../helpers/fixtures';

describe('the size decision', () => {
  it('sends everything without a limit, and what fits under one', () => {
    expect(deliveryOf(29_000_000, null, false)).toBe('inline');
    expect(deliveryOf(4_194_304, 4_194_304, true)).toBe('inline');
  });

  it('links to a stored object over the limit when storage can serve it, else refuses', () => {
    expect(deliveryOf(4_194_305, 4_194_304, true)).toBe('redirect');
    expect(deliveryOf(4_194_305, 4_194_304, false)).toBe('refuse');
  });

  it('counts bytes of UTF-8, not characters, and says what to ask for instead', () => {
    expect(() => checkFits('é'.repeat(600), 1000, 'The result', 'ask less.')).toThrow(expect.objectContaining({ status: 413, code: 'response-too-large' }));
    expect(() => checkFits('e'.repeat(1000), 1000, 'The result', 'ask less.')).not.toThrow();
    expect(() => checkFits('e'.repeat(10_000_000), null, 'The result', 'ask less.')).not.toThrow();
    expect(() => checkFits('x'.repeat(2_500_000), 1_000_000, 'The export', 'choose a shorter format.'))
      .toThrow('The export is 2.5 MB, more than this API can answer (1.0 MB); choose a shorter format.');
  });
});

describe('a limit where storage cannot link (the local store)', () => {
  it('refuses a project over it with 413 instead of a redirect; without a limit it is sent', async () => {
    const h = await localHarness({ MAX_RESPONSE_BYTES: '1000' });
    try {
      const jobId = await uploadedJob(h, 'automation.als', fixture('ableton/automation.als'));
      const res = await h.request(`/v1/jobs/${jobId}/project`);
      expect(res.status).toBe(413);
      expect(((await res.json()) as any).error.code).toBe('response-too-large');
      expect((await createJob(h, { filename: 'a.als' })).status).toBe(201);
    } finally {
      await h.close();
    }
  });
});
