/** An empty tracklist through the API: empty-tracklist (422) for every export, the JSON result still there. */
import { afterEach, describe, expect, it } from 'vitest';
import { fixture } from '../../helpers/fixtures';
import { localHarness, postConvert, uploadedJob, type LocalHarness } from '../../helpers/functions/local-app';

let h: LocalHarness;
afterEach(async () => { await h.close(); });

const post = (query: string, body: Uint8Array) => postConvert(h, query, body);
/** A job for a fixture under a file name, uploaded and converted. */
const doneJob = (filename: string, path: string): Promise<string> => uploadedJob(h, filename, fixture(path));

describe('an empty tracklist', () => {
  it('is empty-tracklist (422) for every export, while the JSON result still returns with its warnings', async () => {
    h = await localHarness();
    const set = fixture('flstudio/auto-basic.flp'); // tempo automation, no markers
    for (const format of ['text', 'cue', 'csv', 'youtube', 'report']) {
      const res = await post(`?format=${format}`, set);
      expect(res.status, format).toBe(422);
      const { error } = (await res.json()) as { error: { code: string; message: string } };
      expect(error.code).toBe('empty-tracklist');
      expect(error.message).toMatch(/^The tracklist is empty: the set has no markers\./);
    }
    const json = await post('?format=json', set);
    expect(json.status).toBe(200);
    const result = (await json.json()) as { markers: unknown[]; warnings: Array<{ code: string }> };
    expect(result.markers).toEqual([]);
    expect(result.warnings.map((w) => w.code)).toContain('no-tracklist-markers');
    expect((await post('', set)).status).toBe(200);
  });

  it('is the same error from a job', async () => {
    h = await localHarness();
    const jobId = await doneJob('empty.flp', 'flstudio/auto-basic.flp');
    const res = await h.request(`/v1/jobs/${jobId}/export/cue`);
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('empty-tracklist');
    expect((await h.request(`/v1/jobs/${jobId}/export/json`)).status).toBe(200);
  });
});
