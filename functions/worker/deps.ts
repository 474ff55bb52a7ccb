/** The worker's dependencies from a configuration (S3 storage, node:zlib inflate). */
import { zlibInflate } from '../node/zlib-inflate';
import type { Config } from '../config';
import { jobKeys } from '../jobs';
import { createS3Client, createS3Storage } from '../storage/s3-storage';
import type { Storage } from '../storage';
import type { WorkerDeps } from './process-upload';

/** Worker deps for a storage; shared by Lambda and the local server. */
export function workerDeps(config: Config, storage: Storage): WorkerDeps {
  return {
    storage,
    keys: jobKeys(config.uploadPrefix, config.resultPrefix),
    limits: { maxFileBytes: config.maxUploadBytes },
    inflate: zlibInflate,
    log: (message, details) => console.error(JSON.stringify({ level: 'warn', message, ...details })),
  };
}

/** Worker deps on the configured bucket. */
export function awsWorkerDeps(config: Config): WorkerDeps {
  return workerDeps(config, createS3Storage(createS3Client({ region: config.region, endpoint: config.endpoint }), config.bucketName));
}
