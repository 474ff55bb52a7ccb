/** The two ways the local server runs: files + in-process queue, or an S3/SQS endpoint (moto). */
import { SQSClient } from '@aws-sdk/client-sqs';
import type { Hono } from 'hono';
import type { Config } from '../config';
import type { AppDeps } from '../api/deps';
import { createJobService, jobKeys } from '../jobs';
import type { ConvertThread } from '../node/convert-thread';
import { zlibInflate } from '../node/zlib-inflate';
import { findWebDir, loadAssets } from '../node/web-assets';
import { createLocalQueue, type LocalQueue, type LocalQueueOptions } from '../queue/local-queue';
import { objectCreatedBody } from '../queue/s3-event';
import { createSqsPoller } from '../queue/sqs-poller';
import type { QueueConsumer } from '../queue/types';
import { createLocalStorage, LOCAL_UPLOAD_PATH, type LocalStorage } from '../storage/local-storage';
import { createLocalUploadRoute } from '../storage/local-upload';
import { createS3Client, createS3Storage } from '../storage/s3-storage';
import { workerDeps } from '../worker/deps';
import type { WorkerDeps } from '../worker/process-upload';
import { giveUp } from '../worker/give-up';
import { createWorkerHandler } from '../worker/handler';
import { ensureAwsResources } from './aws-setup';
import { requeuePending } from './recover';

/** What a mode hands the server: the app's deps and the consumer that feeds the worker. */
export interface Mode {
  deps: AppDeps;
  consumer: QueueConsumer;
  /** One line for the console about where data goes. */
  describe: string;
}

const log = (message: string, details?: Record<string, unknown>): void => console.error(JSON.stringify({ level: 'warn', message, ...details }));

/** The page: WEB_DIR, else ./web from the working directory or beside dist/. */
function assets(config: Config, moduleDir: string) {
  return loadAssets(findWebDir(config.webDir, 'web', `${moduleDir}/../web`));
}

/** The local stand-ins for S3's upload and notification and for SQS + Lambda: an upload route feeding an in-process queue. */
export interface LocalPipeline {
  queue: LocalQueue;
  uploadRoute: Hono;
}

/**
 * The upload endpoint (which, unlike a presigned POST, refuses a job's second upload), the queue
 * its uploads notify, and the worker behind it. `queue` settings are for tests (defaults: npm start's).
 */
export function localPipeline(config: Config, storage: LocalStorage, worker: WorkerDeps, queue: Partial<LocalQueueOptions> = {}): LocalPipeline {
  const keys = jobKeys(config.uploadPrefix, config.resultPrefix, config.jobPrefix);
  const maxReceiveCount = worker.maxReceiveCount ?? 3;
  const local = createLocalQueue({
    handler: createWorkerHandler(worker),
    maxReceiveCount,
    retryDelayMs: 1000,
    ...queue,
    // The dead-letter path records the job's failure (create: an outcome that stands stays), so
    // no job waits on an age rule here; `queue.onDeadLetter` is told too.
    onDeadLetter: async (body) => {
      await giveUp(body, worker, maxReceiveCount).catch((e: unknown) => log('the failure could not be recorded', { error: String(e) }));
      if (queue.onDeadLetter) await queue.onDeadLetter(body);
      else log(`message given up after ${maxReceiveCount} deliveries`, { body });
    },
  });
  const jobs = createJobService({
    storage, keys, maxUploadBytes: config.maxUploadBytes, uploadExpirySeconds: config.uploadExpirySeconds, uploadGraceSeconds: config.uploadGraceSeconds,
    processingTimeoutSeconds: config.processingTimeoutSeconds,
  });
  const uploadRoute = createLocalUploadRoute(storage, {
    maxBodyBytes: config.maxUploadBytes,
    hasOutcome: async (key) => {
      const upload = keys.parseUpload(key);
      return upload !== null && (await jobs.outcome(upload.jobId)) !== null;
    },
    onCreated: (key, size) => local.send(objectCreatedBody(storage.bucketName, key, size)),
  });
  return { queue: local, uploadRoute };
}

/** Files under DATA_DIR, the local upload endpoint, and the in-process queue; re-queues unfinished jobs. */
export async function localMode(config: Config, moduleDir: string, thread?: ConvertThread): Promise<Mode> {
  const storage = await createLocalStorage({ dataDir: config.dataDir, bucketName: config.bucketName });
  const keys = jobKeys(config.uploadPrefix, config.resultPrefix, config.jobPrefix);
  const { queue, uploadRoute } = localPipeline(config, storage, { ...workerDeps(config, storage, thread), log });
  const requeued = await requeuePending(storage, keys, config.jobPrefix, (body) => queue.send(body));
  return {
    deps: { storage, config, assets: assets(config, moduleDir), uploadRoute, inflate: zlibInflate, ...(thread ? { convert: thread.convert } : {}) },
    consumer: queue,
    describe: `local files in ${storage.dataDir} (uploads via ${LOCAL_UPLOAD_PATH}); ${requeued} unfinished job(s) queued again`,
  };
}

/** S3 and SQS at AWS_ENDPOINT_URL (moto); creates bucket, queue, DLQ and notification when `setup`. */
export async function awsMode(config: Config, moduleDir: string, setup: boolean, thread?: ConvertThread): Promise<Mode> {
  const s3 = createS3Client({ region: config.region, endpoint: config.endpoint });
  const sqs = new SQSClient({ region: config.region, ...(config.endpoint ? { endpoint: config.endpoint } : {}) });
  let queueUrl = config.queueUrl;
  if (setup) {
    const made = await ensureAwsResources(s3, sqs, {
      bucket: config.bucketName, queueName: 'dawstamps-uploads', uploadPrefix: config.uploadPrefix, visibilityTimeout: 30, maxReceiveCount: 3,
    });
    queueUrl = made.queueUrl;
  }
  if (!queueUrl) throw new Error('Set QUEUE_URL (or pass --setup to create the resources on the endpoint).');
  const storage = createS3Storage(s3, config.bucketName);
  const consumer = createSqsPoller({
    client: sqs, queueUrl, handler: createWorkerHandler({ ...workerDeps(config, storage, thread), log }), onError: (e) => log('poll failed', { error: String(e) }),
  });
  return {
    deps: { storage, config, assets: assets(config, moduleDir), inflate: zlibInflate, ...(thread ? { convert: thread.convert } : {}) },
    consumer,
    describe: `bucket ${config.bucketName} and queue ${queueUrl} at ${config.endpoint ?? 'AWS'}`,
  };
}
