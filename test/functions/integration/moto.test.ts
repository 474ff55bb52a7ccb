/**
 * The AWS pipeline against moto's real HTTP server: presigned POST upload → S3 → SQS notification
 * → a poller feeding the worker as Lambda's event source does → results in S3 → the API over HTTP.
 */
import { ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../functions/api/app';
import { readConfig, type Config } from '../../../functions/config';
import { ensureAwsResources } from '../../../functions/local/aws-setup';
import { createSqsPoller } from '../../../functions/queue/sqs-poller';
import type { QueueConsumer } from '../../../functions/queue/types';
import { createS3Client, createS3Storage } from '../../../functions/storage/s3-storage';
import { workerDeps } from '../../../functions/worker/deps';
import { keysOfMessage } from '../../../functions/worker/process-upload';
import { createWorkerHandler } from '../../../functions/worker/handler';
import { startFaultProxy, type FaultProxy } from '../../helpers/functions/fault-proxy';
import { expectedMarkers, fixture, markersMatch } from '../../helpers/fixtures';
import { postUpload } from '../../helpers/functions/form';
import { freePort } from '../../helpers/functions/ports';
import { startMoto, type Moto } from '../../helpers/moto';
import { TEST_ASSETS } from '../../helpers/functions/local-app';

process.env.AWS_ACCESS_KEY_ID = 'test';
process.env.AWS_SECRET_ACCESS_KEY = 'test';
process.env.AWS_REGION = 'us-east-1';

const PROCESSING_TIMEOUT = 8;
let moto: Moto;
let proxy: FaultProxy;
let server: ServerType;
let api: string;
let poller: QueueConsumer;
let sqs: SQSClient;
let deadLetterUrl: string;
let config: Config;
const receives = new Map<string, number>();

beforeAll(async () => {
  moto = await startMoto();
  proxy = await startFaultProxy(moto.endpoint);
  config = readConfig({ BUCKET_NAME: 'dawstamps-it', AWS_ENDPOINT_URL: moto.endpoint, PROCESSING_TIMEOUT_SECONDS: String(PROCESSING_TIMEOUT) });
  const s3 = createS3Client({ region: 'us-east-1', endpoint: moto.endpoint });
  sqs = new SQSClient({ region: 'us-east-1', endpoint: moto.endpoint });
  // Visibility 1 s so retries come quickly; the DLQ after 3 receives, as in the stack.
  const queues = await ensureAwsResources(s3, sqs, { bucket: config.bucketName, queueName: 'uploads', uploadPrefix: 'uploads/', visibilityTimeout: 1, maxReceiveCount: 3 });
  deadLetterUrl = queues.deadLetterUrl;

  const app = createApp({ storage: createS3Storage(s3, config.bucketName), config, assets: TEST_ASSETS });
  const port = await freePort();
  server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' });
  api = `http://127.0.0.1:${port}`;

  // The worker reaches S3 through the fault proxy, with no SDK retries: a fault fails the record.
  const workerStorage = createS3Storage(createS3Client({ region: 'us-east-1', endpoint: proxy.endpoint, maxAttempts: 1 }), config.bucketName);
  const handler = createWorkerHandler(workerDeps(config, workerStorage));
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

async function createAndUpload(name: string, bytes: Uint8Array, options: Record<string, unknown> = {}): Promise<Created> {
  const res = await fetch(`${api}/v1/jobs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ filename: name, size: bytes.length, options }) });
  expect(res.status).toBe(201);
  const job = (await res.json()) as Created;
  expect(job.upload.url.startsWith(moto.endpoint)).toBe(true);
  const up = await postUpload(job.upload.url, job.upload.fields, bytes, name);
  expect(up.status).toBeLessThan(300);
  return job;
}

async function waitFor(jobId: string, statuses: string[], timeoutMs = 25_000): Promise<any> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const body = (await (await fetch(`${api}/v1/jobs/${jobId}`)).json()) as any;
    if (statuses.includes(body.status)) return body;
    if (Date.now() > deadline) throw new Error(`job ${jobId} stayed ${body.status}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('the AWS pipeline on moto', () => {
  it('create → presigned POST → S3 → SQS → worker → done with the right markers', async () => {
    const job = await createAndUpload('live9 automation.als', fixture('ableton/live9-automation.als'));
    const done = await waitFor(job.jobId, ['done', 'failed']);
    expect(done.status).toBe('done');
    expect(done.result.source.file).toBe('live9 automation.als');
    expect(markersMatch(done.result.markers, expectedMarkers('ableton/live9-automation.als'))).toBe(true);
  });

  it('keeps the job record under jobs/: the only message a job causes is its upload\'s', async () => {
    const job = await createAndUpload('one message.als', fixture('ableton/automation.als'));
    await waitFor(job.jobId, ['done']);
    const s3 = createS3Storage(createS3Client({ region: 'us-east-1', endpoint: moto.endpoint }), config.bucketName);
    expect(await s3.head(`jobs/${job.jobId}.json`)).not.toBeNull();
    expect(await s3.head(`uploads/${job.jobId}.json`)).toBeNull();
    const keys = [...receives.keys()].filter((b) => b.includes(job.jobId)).flatMap(keysOfMessage);
    expect(keys).toEqual([`uploads/${job.jobId}/one message.als`]);
  });

  it('deletes the upload once read, and exports with any options from the stored project', async () => {
    const job = await createAndUpload('automation.als', fixture('ableton/automation.als'));
    await waitFor(job.jobId, ['done']);
    const s3 = createS3Storage(createS3Client({ region: 'us-east-1', endpoint: moto.endpoint }), config.bucketName);
    expect(await s3.head(`uploads/${job.jobId}/automation.als`)).toBeNull();
    const cue = await fetch(`${api}/v1/jobs/${job.jobId}/export/cue`);
    expect(cue.headers.get('content-disposition')).toMatch(/filename="automation\.cue"/);
    expect(await cue.text()).toMatch(/TRACK 01 AUDIO/);
    const fromB = (await (await fetch(`${api}/v1/jobs/${job.jobId}/export/json?start=B`)).json()) as any;
    expect(fromB.markers[0]).toMatchObject({ name: 'B', seconds: 0 });
  });

  it('a second upload through the same form inside its window is deleted and changes nothing', async () => {
    const res = await fetch(`${api}/v1/jobs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ filename: 'twice.als' }) });
    const job = (await res.json()) as Created;
    await postUpload(job.upload.url, job.upload.fields, fixture('ableton/automation.als'), 'twice.als');
    const first = await waitFor(job.jobId, ['done', 'failed']);
    expect(first.result.source.daw).toBe('ableton');
    const s3 = createS3Storage(createS3Client({ region: 'us-east-1', endpoint: moto.endpoint }), config.bucketName);
    const outcome = (await s3.get(`results/${job.jobId}.json`))!.body;
    // S3 takes it (a presigned POST cannot forbid a second use); the worker must not
    expect((await postUpload(job.upload.url, job.upload.fields, fixture('flstudio/fl-markers.flp'), 'twice.als')).status).toBeLessThan(300);
    const key = `uploads/${job.jobId}/twice.als`;
    const deadline = Date.now() + 20_000;
    while (await s3.head(key)) {
      if (Date.now() > deadline) throw new Error('the second upload was never deleted');
      await new Promise((r) => setTimeout(r, 200));
    }
    expect((await s3.get(`results/${job.jobId}.json`))!.body).toEqual(outcome);
    const exported = (await (await fetch(`${api}/v1/jobs/${job.jobId}/export/json?timing=stepped`)).json()) as any;
    expect(exported.source.daw).toBe('ableton');
    expect(markersMatch(exported.markers, expectedMarkers('ableton/automation.als'))).toBe(true);
  });

  it('answers what a Lambda response cannot carry: a large project is a 303 to a presigned GET, a large result or export a typed 413', async () => {
    const job = await createAndUpload('large.als', fixture('ableton/automation.als'));
    await waitFor(job.jobId, ['done']);
    const s3 = createS3Storage(createS3Client({ region: 'us-east-1', endpoint: moto.endpoint }), config.bucketName);
    const stored = JSON.parse(new TextDecoder().decode((await s3.get(`results/${job.jobId}.json`))!.body));
    const size = (await s3.head(stored.project))!.size;
    // the same bucket behind an API whose limit the project, the tempo and the JSON export pass
    const limited = createApp({ storage: s3, config: { ...config, maxResponseBytes: size - 1 }, assets: TEST_ASSETS });
    const project = await limited.request(`http://localhost/v1/jobs/${job.jobId}/project`);
    expect(project.status).toBe(303);
    const link = project.headers.get('location')!;
    expect(link.startsWith(`${moto.endpoint}/${config.bucketName}/${stored.project}?`)).toBe(true);
    expect(link).toMatch(/X-Amz-Signature=[0-9a-f]{64}/);
    expect(link).toMatch(/X-Amz-Expires=300/);
    const followed = await fetch(link);
    expect(followed.status).toBe(200);
    const document = await followed.json();
    expect(document).toEqual(await (await fetch(`${api}/v1/jobs/${job.jobId}/project`)).json());
    for (const path of [`/v1/jobs/${job.jobId}?include=tempo`, `/v1/jobs/${job.jobId}/export/json`]) {
      const res = await limited.request(`http://localhost${path}`);
      expect(res.status, path).toBe(413);
      const { error } = (await res.json()) as any;
      expect(error.code).toBe('response-too-large');
      expect(error.message).toMatch(/more than this API can answer/);
    }
    // within the limit nothing changes
    expect((await limited.request(`http://localhost/v1/jobs/${job.jobId}`)).status).toBe(200);
    expect((await limited.request(`http://localhost/v1/jobs/${job.jobId}/export/text`)).status).toBe(200);
  });

  it('writes outcomes with If-None-Match: S3 refuses the second write of a result', async () => {
    const s3 = createS3Storage(createS3Client({ region: 'us-east-1', endpoint: moto.endpoint }), config.bucketName);
    const key = `results/${'c'.repeat(32)}.json`;
    const answers = await Promise.all([s3.create(key, 'one', 'application/json'), s3.create(key, 'two', 'application/json')]);
    expect(answers.filter(Boolean)).toHaveLength(1);
    expect(new TextDecoder().decode((await s3.get(key))!.body)).toBe(answers[0] ? 'one' : 'two');
    expect(await s3.create(key, 'three', 'application/json')).toBe(false);
    await s3.delete(key);
    expect(await s3.head(key)).toBeNull();
    await expect(s3.delete(key)).resolves.toBeUndefined();
  });

  it('a job whose upload window (and the grace for an upload begun in it) passes without an upload reads expired; its exports answer 410', async () => {
    const res = await fetch(`${api}/v1/jobs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ filename: 'never.als' }) });
    const job = (await res.json()) as Created & { expiresAt: string };
    expect((await waitFor(job.jobId, ['waiting-upload'])).status).toBe('waiting-upload');
    const s3 = createS3Storage(createS3Client({ region: 'us-east-1', endpoint: moto.endpoint }), config.bucketName);
    const later = createApp({ storage: s3, config, assets: TEST_ASSETS, now: () => new Date(Date.parse(job.expiresAt) + (config.uploadGraceSeconds + 1) * 1000) });
    expect(await (await later.request(`/v1/jobs/${job.jobId}`)).json()).toMatchObject({ status: 'expired' });
    const exported = await later.request(`/v1/jobs/${job.jobId}/export/text`);
    expect(exported.status).toBe(410);
  });

  it('a junk upload reads failed with its code', async () => {
    const job = await createAndUpload('junk.als', fixture('ableton/junk.als'));
    const failed = await waitFor(job.jobId, ['done', 'failed']);
    expect(failed).toMatchObject({ status: 'failed', error: { code: 'not-a-project' } });
  });

  it('an upload over the presigned size range is refused (S3 policy)', async () => {
    const res = await fetch(`${api}/v1/jobs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ filename: 'big.als', size: config.maxUploadBytes + 1 }) });
    expect(res.status).toBe(413);
  });

  it('a transient S3 fault fails the record, SQS redelivers it, and the retry succeeds', async () => {
    const bytes = fixture('ableton/automation.als');
    const res = await fetch(`${api}/v1/jobs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ filename: 'flaky.als' }) });
    const job = (await res.json()) as Created;
    const before = proxy.failures;
    proxy.fail((method, path) => method === 'GET' && path.includes(`/uploads/${job.jobId}/`), 2);
    await postUpload(job.upload.url, job.upload.fields, bytes, 'flaky.als');
    const done = await waitFor(job.jobId, ['done', 'failed']);
    expect(done.status).toBe('done');
    expect(proxy.failures - before).toBe(2);
    const body = [...receives.keys()].find((b) => b.includes(job.jobId) && b.includes('flaky'));
    expect(receives.get(body!)).toBe(3);
  });

  it('a message that always fails goes to the dead-letter queue and the job reads failed, not processing', async () => {
    const res = await fetch(`${api}/v1/jobs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ filename: 'poison.als' }) });
    const job = (await res.json()) as Created;
    proxy.fail((method, path) => method === 'GET' && path.includes(`/uploads/${job.jobId}/`), Number.POSITIVE_INFINITY);
    await postUpload(job.upload.url, job.upload.fields, fixture('ableton/automation.als'), 'poison.als');
    expect((await waitFor(job.jobId, ['processing', 'failed', 'done'])).status).toBe('processing');
    const failed = await waitFor(job.jobId, ['failed', 'done'], (PROCESSING_TIMEOUT + 15) * 1000);
    expect(failed).toMatchObject({ status: 'failed', error: { code: 'processing-failed' } });
    const dead = await sqs.send(new ReceiveMessageCommand({ QueueUrl: deadLetterUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }));
    expect((dead.Messages ?? []).some((m) => m.Body?.includes(job.jobId))).toBe(true);
  }, 40_000);
});
