/**
 * Worker faults on moto's real HTTP server (S3 + SQS): repeated and concurrent delivery, a failed
 * result write, S3 down for a while, a write S3 stored but whose answer was lost, a conditional
 * write in conflict, a job record S3 will not show, and a poison message that ends in the
 * dead-letter queue. The worker reaches S3 through a proxy that fails chosen requests.
 */
import { ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/api/app';
import { readConfig, type Config } from '../../functions/config';
import { jobKeys, type JobRecord } from '../../functions/jobs';
import { ensureAwsResources } from '../../functions/local/aws-setup';
import { createSqsPoller } from '../../functions/queue/sqs-poller';
import type { QueueConsumer } from '../../functions/queue/types';
import { createS3Client, createS3Storage } from '../../functions/storage/s3-storage';
import type { Storage } from '../../functions/storage';
import { workerDeps } from '../../functions/worker/deps';
import { createWorkerHandler } from '../../functions/worker/handler';
import { batch, createdRecord } from '../helpers/functions/events';
import { startFaultProxy, type FaultProxy } from '../helpers/functions/fault-proxy';
import { expectedMarkers, fixture, markersMatch } from '../helpers/fixtures';
import { postUpload } from '../helpers/functions/form';
import { freePort } from '../helpers/functions/ports';
import { TEST_ASSETS } from '../helpers/functions/local-app';
import { startMoto, type Moto } from '../helpers/moto';

process.env.AWS_ACCESS_KEY_ID = 'test';
process.env.AWS_SECRET_ACCESS_KEY = 'test';
process.env.AWS_REGION = 'us-east-1';

const PROCESSING_TIMEOUT = 8;
const MAX_RECEIVES = 4;
const keys = jobKeys('uploads/', 'results/', 'jobs/');
let moto: Moto;
let proxy: FaultProxy;
let server: ServerType;
let api: string;
let poller: QueueConsumer;
let sqs: SQSClient;
let deadLetterUrl: string;
let config: Config;
let direct: Storage;
let s3: S3Client;
const receives = new Map<string, number>();

/** S3 storage through the fault proxy; maxAttempts 1 = no SDK retries (a fault fails the record). */
const proxied = (maxAttempts: number): Storage => createS3Storage(createS3Client({ region: 'us-east-1', endpoint: proxy.endpoint, maxAttempts }), config.bucketName);

beforeAll(async () => {
  moto = await startMoto();
  proxy = await startFaultProxy(moto.endpoint);
  config = readConfig({ BUCKET_NAME: 'dawstamps-faults', AWS_ENDPOINT_URL: moto.endpoint, PROCESSING_TIMEOUT_SECONDS: String(PROCESSING_TIMEOUT), MAX_RECEIVE_COUNT: String(MAX_RECEIVES) });
  s3 = createS3Client({ region: 'us-east-1', endpoint: moto.endpoint });
  sqs = new SQSClient({ region: 'us-east-1', endpoint: moto.endpoint });
  const queues = await ensureAwsResources(s3, sqs, { bucket: config.bucketName, queueName: 'fault-uploads', uploadPrefix: 'uploads/', visibilityTimeout: 1, maxReceiveCount: MAX_RECEIVES });
  deadLetterUrl = queues.deadLetterUrl;
  direct = createS3Storage(s3, config.bucketName);
  const app = createApp({ storage: direct, config, assets: TEST_ASSETS });
  const port = await freePort();
  server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' });
  api = `http://127.0.0.1:${port}`;
  const handler = createWorkerHandler(workerDeps(config, proxied(1)));
  poller = createSqsPoller({
    client: sqs, queueUrl: queues.queueUrl, waitTimeSeconds: 1,
    handler: async (event) => {
      for (const r of event.Records) receives.set(r.body, Number(r.attributes.ApproximateReceiveCount));
      return handler(event);
    },
  });
  poller.start();
}, 60_000);

afterAll(async () => {
  await poller?.stop();
  server?.close();
  await proxy?.close();
  await moto?.stop();
});

interface Created { jobId: string; upload: { url: string; fields: Record<string, string> } }

async function create(name: string): Promise<Created> {
  const res = await fetch(`${api}/v1/jobs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ filename: name }) });
  expect(res.status).toBe(201);
  return (await res.json()) as Created;
}

async function waitFor(jobId: string, statuses: string[], timeoutMs = 25_000): Promise<any> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const body = (await (await fetch(`${api}/v1/jobs/${jobId}`)).json()) as any;
    if (statuses.includes(body.status)) return body;
    if (Date.now() > deadline) throw new Error(`job ${jobId} stayed ${body.status}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

const receivesOf = (jobId: string): number => Math.max(0, ...[...receives].filter(([b]) => b.includes(jobId)).map(([, n]) => n));

/** A job stored straight into S3 (record + upload), not announced to the queue. */
async function storedJob(path: string, options: JobRecord['options'] = {}): Promise<{ jobId: string; key: string }> {
  const jobId = crypto.randomUUID().replaceAll('-', '');
  const fileName = path.split('/').pop()!;
  const key = keys.upload(jobId, fileName).replace('uploads/', 'direct/');
  const rec: JobRecord = { jobId, fileName, uploadKey: key, options, createdAt: '', expiresAt: '' };
  await direct.put(keys.record(jobId), JSON.stringify(rec), 'application/json');
  await direct.put(key, fixture(path), 'application/octet-stream');
  return { jobId, key };
}

/** A handler for jobs stored with storedJob, reaching S3 through the proxy with `attempts` tries per request. */
const directHandler = (attempts: number) => createWorkerHandler({ ...workerDeps(config, proxied(attempts)), keys: jobKeys('direct/', 'results/', 'jobs/'), log: () => {} });

/** Every key in the bucket under `prefix`. */
async function keysUnder(prefix: string): Promise<string[]> {
  const out = await s3.send(new ListObjectsV2Command({ Bucket: config.bucketName, Prefix: prefix }));
  return (out.Contents ?? []).map((o) => o.Key!).sort();
}

const outcomeOf = async (jobId: string): Promise<any> => {
  const got = await direct.get(keys.result(jobId));
  return got ? JSON.parse(new TextDecoder().decode(got.body)) : null;
};

describe('the outcome write on S3 (moto behind the fault proxy)', () => {
  it('a write S3 stored but answered 500 (the SDK retries and hears 412) keeps the project the outcome names', async () => {
    const { jobId, key } = await storedJob('ableton/automation.als');
    const before = proxy.failures;
    proxy.fail((method, path) => method === 'PUT' && path.includes(`/results/${jobId}.json`), 1, { forward: true, status: 500, code: 'InternalError' });
    expect((await directHandler(3)(batch(createdRecord(key)))).batchItemFailures).toEqual([]);
    expect(proxy.failures - before).toBe(1);
    const stored = await outcomeOf(jobId);
    expect(stored.status).toBe('done');
    expect(await keysUnder(`results/${jobId}`)).toEqual([stored.project, keys.result(jobId)].sort());
    const project = await fetch(`${api}/v1/jobs/${jobId}/project`);
    expect(project.status).toBe(200);
    expect(((await project.json()) as any).format).toBeDefined();
    expect((await fetch(`${api}/v1/jobs/${jobId}/export/text?start=B`)).status).toBe(200);
  });

  it('a conditional write S3 answers 409 ConditionalRequestConflict is tried again, as AWS says', async () => {
    const { jobId, key } = await storedJob('ableton/automation.als');
    proxy.fail((method, path) => method === 'PUT' && path.includes(`/results/${jobId}.json`), 1, { status: 409, code: 'ConditionalRequestConflict' });
    expect((await directHandler(1)(batch(createdRecord(key)))).batchItemFailures).toEqual([]);
    const stored = await outcomeOf(jobId);
    expect(stored.status).toBe('done');
    expect(await direct.head(stored.project)).not.toBeNull();
    expect(await direct.head(key)).toBeNull();
  });

  it('an outcome write that fails leaves no project behind; the retry stores one, named by its outcome', async () => {
    const { jobId, key } = await storedJob('ableton/automation.als');
    proxy.fail((method, path) => method === 'PUT' && path.includes(`/results/${jobId}.json`), 1);
    expect((await directHandler(1)(batch(createdRecord(key)))).batchItemFailures).toHaveLength(1);
    expect(await keysUnder(`results/${jobId}`)).toEqual([]);
    expect(await direct.head(key)).not.toBeNull(); // kept for the retry
    expect((await directHandler(1)(batch(createdRecord(key)))).batchItemFailures).toEqual([]);
    const stored = await outcomeOf(jobId);
    expect(await keysUnder(`results/${jobId}`)).toEqual([stored.project, keys.result(jobId)].sort());
  });

  it('a job record S3 will not show (403: missing, or denied) is a retry, not a conversion with default options', async () => {
    const { jobId, key } = await storedJob('ableton/automation.als', { timing: 'continuous' });
    proxy.fail((method, path) => method === 'GET' && path.includes(`/jobs/${jobId}.json`), 1, { status: 403, code: 'AccessDenied' });
    expect((await directHandler(1)(batch(createdRecord(key)))).batchItemFailures).toHaveLength(1);
    expect(await outcomeOf(jobId)).toBeNull();
    expect(await direct.head(key)).not.toBeNull();
    expect((await directHandler(1)(batch(createdRecord(key)))).batchItemFailures).toEqual([]);
    expect(await outcomeOf(jobId)).toMatchObject({ status: 'done', options: { timing: 'continuous' }, result: { timing: { model: 'continuous' } } });
  });
});

describe('worker faults on S3 + SQS (moto)', () => {
  it('the same message twice, and two workers on one message at once, store one identical complete result', async () => {
    // Stored under a prefix that notifies nobody, then delivered by hand as Lambda would.
    const { jobId, key } = await storedJob('ableton/live9-automation.als');
    const deps = workerDeps({ ...config, uploadPrefix: 'direct/' }, proxied(1));
    const handler = createWorkerHandler({ ...deps, keys: jobKeys('direct/', 'results/', 'jobs/') });
    expect((await handler(batch(createdRecord(key)))).batchItemFailures).toEqual([]);
    const first = (await direct.get(keys.result(jobId)))!.body;
    expect((await handler(batch(createdRecord(key)))).batchItemFailures).toEqual([]);
    const second = (await direct.get(keys.result(jobId)))!.body;
    const other = createWorkerHandler({ ...deps, storage: proxied(1), keys: jobKeys('direct/', 'results/', 'jobs/') });
    const both = await Promise.all([handler(batch(createdRecord(key))), other(batch(createdRecord(key)))]);
    expect(both.flatMap((o) => o.batchItemFailures)).toEqual([]);
    const third = (await direct.get(keys.result(jobId)))!.body;
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    expect(Buffer.from(third).equals(Buffer.from(first))).toBe(true);
    const stored = JSON.parse(new TextDecoder().decode(third));
    expect(stored.status).toBe('done');
    expect(markersMatch(stored.result.markers, expectedMarkers('ableton/live9-automation.als'))).toBe(true);
  });

  it('a result write that fails once (a crash between reading and writing) is redelivered and ends done', async () => {
    const job = await create('write-once.als');
    const before = proxy.failures;
    proxy.fail((method, path) => method === 'PUT' && path.includes(`/results/${job.jobId}`), 1);
    await postUpload(job.upload.url, job.upload.fields, fixture('ableton/automation.als'), 'write-once.als');
    const done = await waitFor(job.jobId, ['done', 'failed']);
    expect(done.status).toBe('done');
    expect(markersMatch(done.result.markers, expectedMarkers('ableton/automation.als'))).toBe(true);
    expect(proxy.failures - before).toBe(1);
    expect(receivesOf(job.jobId)).toBe(2);
  });

  it('S3 failing every request of a job for a while: the redeliveries carry it through to done', async () => {
    const job = await create('outage.als');
    const until = Date.now() + 1500;
    const before = proxy.failures;
    proxy.fail((_method, path) => Date.now() < until && path.includes(job.jobId), Number.POSITIVE_INFINITY);
    await postUpload(job.upload.url, job.upload.fields, fixture('flstudio/fl-test.flp'), 'outage.flp');
    const done = await waitFor(job.jobId, ['done', 'failed']);
    expect(done.status).toBe('done');
    expect(markersMatch(done.result.markers, expectedMarkers('flstudio/fl-test.flp'))).toBe(true);
    expect(proxy.failures - before).toBeGreaterThanOrEqual(1);
    expect(receivesOf(job.jobId)).toBeGreaterThanOrEqual(2);
  });

  it('the SDK\'s own retries absorb the first failed requests within one delivery', async () => {
    const { jobId, key } = await storedJob('ableton/automation.als');
    const before = proxy.failures;
    proxy.fail((_method, path) => path.includes(jobId), 2);
    const handler = createWorkerHandler({ ...workerDeps(config, proxied(3)), keys: jobKeys('direct/', 'results/', 'jobs/') });
    expect((await handler(batch(createdRecord(key)))).batchItemFailures).toEqual([]);
    expect(proxy.failures - before).toBe(2);
    expect(JSON.parse(new TextDecoder().decode((await direct.get(keys.result(jobId)))!.body)).status).toBe('done');
  });

  it('a message whose last delivery fails records the job failed at once, and it stays failed once the upload is gone', async () => {
    const job = await create('poison-project.als');
    // every delivery fails storing the project; the outcome itself could be written
    proxy.fail((method, path) => method === 'PUT' && path.includes(`/results/${job.jobId}.project-`), Number.POSITIVE_INFINITY);
    await postUpload(job.upload.url, job.upload.fields, fixture('ableton/automation.als'), 'poison-project.als');
    const deadline = Date.now() + 25_000;
    while (!(await direct.head(keys.result(job.jobId))) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 150));
    // written by the last delivery (the API's age rule writes nothing)
    expect(await outcomeOf(job.jobId)).toMatchObject({ status: 'failed', error: { code: 'processing-failed' } });
    expect(receivesOf(job.jobId)).toBe(MAX_RECEIVES);
    expect((await waitFor(job.jobId, ['failed', 'done'])).status).toBe('failed');
    expect(await keysUnder(`results/${job.jobId}`)).toEqual([keys.result(job.jobId)]);
    // the 1-day rule deletes an upload nobody read; days later the job is still failed, not expired
    await direct.delete(`uploads/${job.jobId}/poison-project.als`);
    const later = createApp({ storage: direct, config, assets: TEST_ASSETS, now: () => new Date(Date.now() + 2 * 86_400_000) });
    expect(await (await later.request(`/v1/jobs/${job.jobId}`)).json()).toMatchObject({ status: 'failed', error: { code: 'processing-failed' } });
  }, 40_000);

  it('a poison message (every result write fails, even the failure\'s) lands in the DLQ and the job reads failed by the age rule', async () => {
    const job = await create('poison-write.als');
    proxy.fail((method, path) => method === 'PUT' && path.includes(`/results/${job.jobId}`), Number.POSITIVE_INFINITY);
    await postUpload(job.upload.url, job.upload.fields, fixture('ableton/automation.als'), 'poison-write.als');
    expect((await waitFor(job.jobId, ['processing', 'failed', 'done'])).status).toBe('processing');
    const failed = await waitFor(job.jobId, ['failed', 'done'], (PROCESSING_TIMEOUT + 15) * 1000);
    expect(failed.status).toBe('failed');
    expect(failed.error.code).toBe('processing-failed');
    expect(failed.error.message).toMatch(/not processed/);
    expect(receivesOf(job.jobId)).toBe(MAX_RECEIVES);
    const dead = await sqs.send(new ReceiveMessageCommand({ QueueUrl: deadLetterUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 2 }));
    expect((dead.Messages ?? []).some((m) => m.Body?.includes(job.jobId))).toBe(true);
    expect(await direct.head(keys.result(job.jobId))).toBeNull();
  }, 40_000);
});
