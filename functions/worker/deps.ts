/** The worker's dependencies from a configuration (S3 storage, node:zlib inflate). */
import type { ConvertThread } from '../node/convert-thread';
import { zlibInflate } from '../node/zlib-inflate';
import type { Config } from '../config';
import { jobKeys } from '../jobs';
import { lazyS3Storage } from '../storage/lazy-s3-storage';
import type { Storage } from '../storage';
import type { WorkerDeps } from './process-upload';

/**
 * Worker deps for a storage; shared by Lambda and the local server. With a conversion `thread`
 * (functions/node/convert-thread.ts), each upload is read there, limited to CONVERT_TIMEOUT_SECONDS;
 * without it (tests from source), in this thread.
 */
export function workerDeps(config: Config, storage: Storage, thread?: ConvertThread): WorkerDeps {
  return {
    ...(thread ? { readUpload: thread.readUpload } : {}),
    storage,
    keys: jobKeys(config.uploadPrefix, config.resultPrefix, config.jobPrefix),
    limits: { maxFileBytes: config.maxUploadBytes },
    uploadGraceSeconds: config.uploadGraceSeconds,
    maxReceiveCount: config.maxReceiveCount,
    // One conversion's time limit plus room to read the upload and write the result.
    minRemainingMs: config.convertTimeoutSeconds * 1000 + 5000,
    inflate: zlibInflate,
    log: (message, details) => console.error(JSON.stringify({ level: 'warn', message, ...details })),
  };
}

/** Worker deps on the configured bucket. */
export function awsWorkerDeps(config: Config, thread?: ConvertThread): WorkerDeps {
  return workerDeps(config, lazyS3Storage({ region: config.region, endpoint: config.endpoint, bucket: config.bucketName }), thread);
}
