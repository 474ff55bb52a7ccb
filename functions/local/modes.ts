/** The two ways the local server runs: files + in-process queue, or an S3/SQS endpoint (moto). */
import { SQSClient } from '@aws-sdk/client-sqs';
import type { Config } from '../config';
import type { AppDeps } from '../api/deps';
import { jobKeys } from '../jobs';
import { zlibInflate } from '../node/zlib-inflate';
import { findWebDir, loadAssets } from '../node/web-assets';
import { createLocalQueue } from '../queue/local-queue';
import { objectCreatedBody } from '../queue/s3-event';
import { createSqsPoller } from '../queue/sqs-poller';
import type { QueueConsumer } from '../queue/types';
import { createLocalStorage, LOCAL_UPLOAD_PATH } from '../storage/local-storage';
import { createLocalUploadRoute } from '../storage/local-upload';
import { createS3Client, createS3Storage } from '../storage/s3-storage';
import { workerDeps } from '../worker/deps';
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

/** Files under DATA_DIR, the local upload endpoint, and the in-process queue; re-queues unfinished jobs. */
export async function localMode(config: Config, moduleDir: string, threadScript?: URL): Promise<Mode> {
  const storage = await createLocalStorage({ dataDir: config.dataDir, bucketName: config.bucketName });
  const keys = jobKeys(config.uploadPrefix, config.resultPrefix, config.jobPrefix);
  const queue = createLocalQueue({
    handler: createWorkerHandler({ ...workerDeps(config, storage, threadScript), log }),
    maxReceiveCount: 3,
    retryDelayMs: 1000,
    onDeadLetter: (body) => log('message given up after 3 deliveries', { body }),
  });
  const uploadRoute = createLocalUploadRoute(storage, {
    maxBodyBytes: config.maxUploadBytes,
    onCreated: (key, size) => queue.send(objectCreatedBody(storage.bucketName, key, size)),
  });
  const requeued = await requeuePending(storage, keys, config.jobPrefix, (body) => queue.send(body));
  return {
    deps: { storage, config, assets: assets(config, moduleDir), uploadRoute, inflate: zlibInflate },
    consumer: queue,
    describe: `local files in ${storage.dataDir} (uploads via ${LOCAL_UPLOAD_PATH}); ${requeued} unfinished job(s) queued again`,
  };
}

/** S3 and SQS at AWS_ENDPOINT_URL (moto); creates bucket, queue, DLQ and notification when `setup`. */
export async function awsMode(config: Config, moduleDir: string, setup: boolean, threadScript?: URL): Promise<Mode> {
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
    client: sqs, queueUrl, handler: createWorkerHandler({ ...workerDeps(config, storage, threadScript), log }), onError: (e) => log('poll failed', { error: String(e) }),
  });
  return {
    deps: { storage, config, assets: assets(config, moduleDir), inflate: zlibInflate },
    consumer,
    describe: `bucket ${config.bucketName} and queue ${queueUrl} at ${config.endpoint ?? 'AWS'}`,
  };
}
