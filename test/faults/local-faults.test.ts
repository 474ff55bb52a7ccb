/**
 * Worker faults in the local mode, through its real parts: files under a data directory, the
 * in-process queue (SQS semantics) and the local upload form. A wrapped storage fails writes on demand.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/api/app';
import { readConfig } from '../../functions/config';
import { jobKeys } from '../../functions/jobs';
import type { LocalQueue } from '../../functions/queue/local-queue';
import type { Storage } from '../../functions/storage';
import { createLocalStorage, type LocalStorage } from '../../functions/storage/local-storage';
import { localPipeline } from '../../functions/local/modes';
import { workerDeps } from '../../functions/worker/deps';
import { expectedMarkers, fixture, markersMatch } from '../helpers/fixtures';
import { postUpload } from '../helpers/functions/form';
import { TEST_ASSETS } from '../helpers/functions/local-app';

const keys = jobKeys('uploads/', 'results/', 'jobs/');
const dirs: string[] = [];
const queues: LocalQueue[] = [];
afterEach(async () => {
  for (const q of queues.splice(0)) await q.stop();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

interface Rig { request: (path: string, init?: RequestInit) => Promise<Response>; storage: LocalStorage; queue: LocalQueue; dead: string[]; writes: { failed: number } }

/** npm start's pipeline (app, upload form, in-process queue) over local storage; the worker's result writes fail while `failWrites()` says so. */
async function rig(failWrites: (attempt: number) => boolean, env: Record<string, string> = {}): Promise<Rig> {
  const dir = mkdtempSync(join(tmpdir(), 'dawstamps-faults-'));
  dirs.push(dir);
  const config = readConfig({ DATA_DIR: dir, ...env }, 'local');
  const storage = await createLocalStorage({ dataDir: dir });
  const writes = { failed: 0, attempts: 0 };
  const flaky: Storage = {
    ...storage,
    put: async (key, body, type) => {
      if (key.startsWith('results/') && failWrites(++writes.attempts)) {
        writes.failed += 1;
        throw Object.assign(new Error('EIO: the disk went away'), { code: 'EIO' });
      }
      return storage.put(key, body, type);
    },
  };
  const dead: string[] = [];
  const { queue, uploadRoute } = localPipeline(config, storage, { ...workerDeps(config, flaky), log: () => {} }, { retryDelayMs: 30, onDeadLetter: (b) => { dead.push(b); } });
  queues.push(queue);
  const app = createApp({ storage, config, assets: TEST_ASSETS, uploadRoute });
  queue.start();
  const request = (path: string, init?: RequestInit): Promise<Response> => Promise.resolve(app.request(path.startsWith('http') ? path : `http://localhost${path}`, init));
  return { request, storage, queue, dead, writes };
}

async function submit(r: Rig, path: string): Promise<string> {
  const res = await r.request('/v1/jobs', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ filename: path.split('/').pop() }) });
  const job = (await res.json()) as { jobId: string; upload: { url: string; fields: Record<string, string> } };
  expect((await postUpload(job.upload.url, job.upload.fields, fixture(path), 'x', (input, init) => r.request(String(input), init))).status).toBe(204);
  return job.jobId;
}

const status = async (r: Rig, jobId: string): Promise<any> => (await r.request(`/v1/jobs/${jobId}`)).json();

describe('local mode faults', () => {
  it('a result write that throws once is redelivered by the in-process queue and ends done', async () => {
    const r = await rig((attempt) => attempt === 1);
    const jobId = await submit(r, 'ableton/example-120.als');
    await r.queue.idle();
    expect(r.writes.failed).toBe(1);
    const done = await status(r, jobId);
    expect(done.status).toBe('done');
    expect(markersMatch(done.result.markers, expectedMarkers('ableton/example-120.als'))).toBe(true);
    expect(r.dead).toEqual([]);
  });

  it('a poison message (every result write fails) is dead-lettered after 3 deliveries, and the dead-letter path records the job failed', async () => {
    const r = await rig(() => true);
    const jobId = await submit(r, 'ableton/automation.als');
    await r.queue.idle();
    expect(r.writes.failed).toBe(3);
    expect(r.dead).toHaveLength(1);
    expect(r.dead[0]).toContain(jobId);
    // at once, from a stored outcome, not from the upload's age (there is no age rule here)
    const failed = await status(r, jobId);
    expect(failed).toMatchObject({ status: 'failed', error: { code: 'processing-failed' } });
    expect(failed.error.message.length).toBeGreaterThan(20);
    expect(JSON.parse(new TextDecoder().decode((await r.storage.get(keys.result(jobId)))!.body))).toMatchObject({ status: 'failed' });
    expect(await r.storage.head(`uploads/${jobId}/automation.als`)).toBeNull();
  });

  it('an upload whose write fails leaves the job open: the same form uploads again and the job ends done', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dawstamps-upload-fault-'));
    dirs.push(dir);
    const config = readConfig({ DATA_DIR: dir }, 'local');
    const storage = await createLocalStorage({ dataDir: dir });
    let failNext = true;
    const failOnce = async <T>(key: string, write: () => Promise<T>): Promise<T> => {
      if (key.startsWith('uploads/') && failNext) {
        failNext = false;
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      }
      return write();
    };
    const flaky: LocalStorage = {
      ...storage,
      put: (key, body, type) => failOnce(key, () => storage.put(key, body, type)),
      create: (key, body, type) => failOnce(key, () => storage.create(key, body, type)),
    };
    const { queue, uploadRoute } = localPipeline(config, flaky, workerDeps(config, storage), { retryDelayMs: 20, onDeadLetter: () => {} });
    queues.push(queue);
    const app = createApp({ storage, config, assets: TEST_ASSETS, uploadRoute });
    queue.start();
    const r = { request: (path: string, init?: RequestInit): Promise<Response> => Promise.resolve(app.request(`http://localhost${path}`, init)) };
    const res = await r.request('/v1/jobs', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ filename: 'automation.als' }) });
    const job = (await res.json()) as { jobId: string; upload: { url: string; fields: Record<string, string> } };
    const send = () => postUpload(job.upload.url, job.upload.fields, fixture('ableton/automation.als'), 'automation.als', (input, init) => app.request(String(input), init));
    expect((await send()).status).toBe(500);
    expect((await (await r.request(`/v1/jobs/${job.jobId}`)).json())).toMatchObject({ status: 'waiting-upload' });
    expect((await send()).status).toBe(204);
    await queue.idle();
    const done = (await (await r.request(`/v1/jobs/${job.jobId}`)).json()) as any;
    expect(done.status).toBe('done');
    expect(markersMatch(done.result.markers, expectedMarkers('ableton/automation.als'))).toBe(true);
    // and the job still takes one file
    expect((await send()).status).toBe(409);
  });

  it('result files are replaced atomically: a reader racing the writers sees only whole files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dawstamps-atomic-'));
    dirs.push(dir);
    const storage = await createLocalStorage({ dataDir: dir });
    const a = new Uint8Array(3 * 1024 * 1024).fill(0x61);
    const b = new Uint8Array(2 * 1024 * 1024 + 17).fill(0x62);
    let writing = true;
    const writer = (async () => {
      for (let i = 0; i < 12; i++) await storage.put('results/race.json', i % 2 ? a : b, 'application/json');
      writing = false;
    })();
    let reads = 0;
    let partial = 0;
    while (writing) {
      const got = await storage.get('results/race.json');
      if (got) {
        reads += 1;
        const body = got.body;
        const whole = (body.length === a.length && body.every((x) => x === 0x61)) || (body.length === b.length && body.every((x) => x === 0x62));
        if (!whole) partial += 1;
      }
    }
    await writer;
    expect(reads).toBeGreaterThan(0);
    expect(partial).toBe(0);
  });
});
