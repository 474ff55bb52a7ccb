/** The app over the local adapters in a temporary data directory, for app.request() tests. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { createApp } from '../../../functions/api/app';
import type { AppDeps, Assets } from '../../../functions/api/deps';
import { readConfig, type Config } from '../../../functions/config';
import { localPipeline } from '../../../functions/local/modes';
import type { LocalQueue } from '../../../functions/queue/local-queue';
import { createLocalStorage, type LocalStorage } from '../../../functions/storage/local-storage';
import { workerDeps } from '../../../functions/worker/deps';

export const TEST_ASSETS: Assets = {
  'index.html': { contentType: 'text/html; charset=utf-8', body: '<!doctype html><html><body>page</body></html>' },
  'app.js': { contentType: 'text/javascript; charset=utf-8', body: 'console.log(1)' },
};

export interface LocalHarness {
  app: OpenAPIHono;
  storage: LocalStorage;
  queue: LocalQueue;
  config: Config;
  dir: string;
  /** Request through the app with a path or URL relative to http://localhost. */
  request: (path: string, init?: RequestInit) => Promise<Response>;
  close: () => Promise<void>;
}

/** Builds the app with local storage, the upload route and a running in-process queue (npm start's pipeline). */
export async function localHarness(env: Record<string, string> = {}, extra: Partial<AppDeps> = {}): Promise<LocalHarness> {
  const dir = mkdtempSync(join(tmpdir(), 'dawstamps-api-'));
  const config = readConfig({ DATA_DIR: dir, ...env }, 'local');
  const storage = await createLocalStorage({ dataDir: dir });
  const { queue, uploadRoute } = localPipeline(config, storage, workerDeps(config, storage), { retryDelayMs: 20, onDeadLetter: () => undefined });
  const app = createApp({ storage, config, assets: TEST_ASSETS, uploadRoute, ...extra });
  queue.start();
  return {
    app, storage, queue, config, dir,
    request: (path, init) => Promise.resolve(app.request(path.startsWith('http') ? path : `http://localhost${path}`, init)),
    async close() {
      await queue.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** POST /v1/jobs with a JSON body. */
export function createJob(h: LocalHarness, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return h.request('/v1/jobs', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

/** What POST /v1/jobs answers. */
export interface CreatedJob {
  jobId: string;
  upload: { url: string; fields: Record<string, string> };
  expiresAt: string;
}

/** Creates a job for `filename`, uploads `bytes` through its form, waits for the queue; the job id. */
export async function uploadedJob(h: LocalHarness, filename: string, bytes: Uint8Array, options: Record<string, unknown> = {}): Promise<string> {
  const res = await createJob(h, { filename, options });
  if (res.status !== 201) throw new Error(`POST /v1/jobs answered ${res.status}: ${await res.text()}`);
  const job = (await res.json()) as CreatedJob;
  const form = new FormData();
  for (const [key, value] of Object.entries(job.upload.fields)) form.append(key, value);
  form.append('file', new Blob([bytes as Uint8Array<ArrayBuffer>]), filename);
  const up = await h.request(job.upload.url, { method: 'POST', body: form });
  if (up.status !== 204) throw new Error(`the upload answered ${up.status}: ${await up.text()}`);
  await h.queue.idle();
  return job.jobId;
}

/** POST /v1/convert with the file as the raw body. */
export function postConvert(h: LocalHarness, query: string, body: Uint8Array): Promise<Response> {
  return h.request(`/v1/convert${query}`, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: body as Uint8Array<ArrayBuffer> });
}
