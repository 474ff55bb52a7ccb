import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { jobKeys, type JobRecord } from '../../../functions/jobs';
import { encodeS3EventKey } from '../../../functions/queue/s3-event';
import { createLocalStorage, type LocalStorage } from '../../../functions/storage/local-storage';
import type { Storage } from '../../../functions/storage';
import { createWorkerHandler } from '../../../functions/worker/handler';
import { keysOfMessage, type WorkerDeps } from '../../../functions/worker/process-upload';
import { batch, createdRecord, record, testEventRecord } from '../../helpers/functions/events';
import { expectedMarkers, fixture, markersMatch } from '../../helpers/fixtures';

const keys = jobKeys('uploads/', 'results/', 'jobs/');
let dir: string;
let storage: LocalStorage;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dawstamps-worker-'));
  storage = await createLocalStorage({ dataDir: dir });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const deps = (s: Storage = storage): WorkerDeps => ({ storage: s, keys });
let n = 0;
async function job(fileName: string, bytes: Uint8Array, options: JobRecord['options'] = {}): Promise<{ jobId: string; key: string }> {
  n += 1;
  const jobId = n.toString(16).padStart(32, 'c');
  const key = keys.upload(jobId, fileName);
  const rec: JobRecord = { jobId, fileName, uploadKey: key, options, createdAt: '', expiresAt: '' };
  await storage.put(keys.record(jobId), JSON.stringify(rec), 'application/json');
  await storage.put(key, bytes, 'application/octet-stream');
  return { jobId, key };
}
const outcome = async (jobId: string): Promise<any> => {
  const got = await storage.get(keys.result(jobId));
  return got ? JSON.parse(new TextDecoder().decode(got.body)) : null;
};

describe('the worker', () => {
  it('converts an upload and stores results/<jobId>.json with the job\'s options', async () => {
    const { jobId, key } = await job('automation.als', fixture('ableton/automation.als'), { timing: 'stepped' });
    const out = await createWorkerHandler(deps())(batch(createdRecord(key)));
    expect(out).toEqual({ batchItemFailures: [] });
    const stored = await outcome(jobId);
    expect(stored.status).toBe('done');
    expect(stored.options).toEqual({ timing: 'stepped' });
    expect(markersMatch(stored.result.markers, expectedMarkers('ableton/automation.als'))).toBe(true);
  });

  it('decodes keys as S3 encodes them (+ for spaces, percent escapes)', async () => {
    const name = 'My Mix+Ünïcode (1).als';
    const { jobId, key } = await job(name, fixture('ableton/automation.als'));
    expect(encodeS3EventKey(key)).toContain('My+Mix%2B%C3%9Cn');
    expect(keysOfMessage(createdRecord(key).body)).toEqual([key]);
    await createWorkerHandler(deps())(batch(createdRecord(key)));
    expect((await outcome(jobId)).status).toBe('done');
  });

  it('skips the s3:TestEvent and keys that are not uploads (a stray .json, job records) without failing', async () => {
    const { jobId } = await job('a.als', fixture('ableton/automation.als'));
    const stray = createdRecord(`uploads/${jobId}.json`);
    const out = await createWorkerHandler(deps())(batch(testEventRecord(), stray, createdRecord(keys.record(jobId)), createdRecord('elsewhere/x')));
    expect(out.batchItemFailures).toEqual([]);
    expect(await outcome(jobId)).toBeNull();
  });

  it('reads the job\'s options from its record under jobs/, not from the upload prefix', async () => {
    const { jobId, key } = await job('automation.als', fixture('ableton/automation.als'), { timing: 'continuous' });
    expect(keys.record(jobId)).toBe(`jobs/${jobId}.json`);
    expect(await storage.head(`uploads/${jobId}.json`)).toBeNull();
    await createWorkerHandler(deps())(batch(createdRecord(key)));
    expect(await outcome(jobId)).toMatchObject({ status: 'done', options: { timing: 'continuous' }, result: { timing: { model: 'continuous' } } });
  });

  it('stores a conversion error as the job\'s failure, not a retry', async () => {
    const { jobId, key } = await job('junk.als', fixture('ableton/junk.als'));
    const out = await createWorkerHandler(deps())(batch(createdRecord(key)));
    expect(out.batchItemFailures).toEqual([]);
    expect(await outcome(jobId)).toMatchObject({ status: 'failed', error: { code: 'not-a-project' } });
  });

  it('reports bad messages (not JSON, not S3, bad escapes) as failures, so they reach the DLQ', async () => {
    const bad = [record('not json'), record('{"hello":1}'), record(JSON.stringify({ Records: [{ eventName: 'ObjectCreated:Put', s3: { object: { key: 'uploads/%E0%A4%A' } } }] }))];
    const out = await createWorkerHandler(deps())(batch(...bad));
    expect(out.batchItemFailures.map((f) => f.itemIdentifier)).toEqual(bad.map((r) => r.messageId));
  });

  it('fails only the records whose storage failed; their neighbours succeed', async () => {
    const good = await job('good.als', fixture('ableton/automation.als'));
    const flaky = await job('flaky.als', fixture('ableton/automation.als'));
    const failing: Storage = {
      ...storage,
      get: async (key) => {
        if (key === flaky.key) throw Object.assign(new Error('SlowDown'), { name: 'SlowDown', $metadata: { httpStatusCode: 503 } });
        return storage.get(key);
      },
    };
    const records = [createdRecord(good.key), createdRecord(flaky.key), testEventRecord()];
    const out = await createWorkerHandler(deps(failing))(batch(...records));
    expect(out.batchItemFailures).toEqual([{ itemIdentifier: records[1]!.messageId }]);
    expect((await outcome(good.jobId)).status).toBe('done');
    expect(await outcome(flaky.jobId)).toBeNull();
    // The retry, with storage healthy again, succeeds.
    expect((await createWorkerHandler(deps())(batch(createdRecord(flaky.key)))).batchItemFailures).toEqual([]);
    expect((await outcome(flaky.jobId)).status).toBe('done');
  });

  it('fails the record when the result cannot be written (the retry redoes the work)', async () => {
    const { key } = await job('a.als', fixture('ableton/automation.als'));
    const readOnly: Storage = { ...storage, put: async () => { throw new Error('503 Service Unavailable'); } };
    const r = createdRecord(key);
    expect((await createWorkerHandler(deps(readOnly))(batch(r))).batchItemFailures).toEqual([{ itemIdentifier: r.messageId }]);
  });

  it('is idempotent: the same message twice (or two workers at once) stores the same bytes', async () => {
    const { jobId, key } = await job('automation.als', fixture('ableton/automation.als'));
    const handler = createWorkerHandler(deps());
    await handler(batch(createdRecord(key)));
    const first = (await storage.get(keys.result(jobId)))!.body;
    await Promise.all([handler(batch(createdRecord(key))), handler(batch(createdRecord(key)))]);
    const again = (await storage.get(keys.result(jobId)))!.body;
    expect(Buffer.from(again).equals(Buffer.from(first))).toBe(true);
  });

  it('retries an upload that is not readable yet rather than failing the job', async () => {
    const r = createdRecord(keys.upload('d'.repeat(32), 'gone.als'));
    expect((await createWorkerHandler(deps())(batch(r))).batchItemFailures).toHaveLength(1);
  });
});
