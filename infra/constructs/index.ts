export { Api, FUNCTION_URL_PAYLOAD_BYTES, LAMBDA_BODY_BYTES, type ApiProps } from './api';
export {
  CREDENTIALS_FROM_ENV, LAMBDA_ENTRIES, LAMBDA_ENTRY_DEFINE, LAMBDA_ESBUILD, LAMBDA_S3_CHUNK, REPO_ROOT, RUNTIME_SDK_EXTERNALS,
  ZOD_WITHOUT_LOCALES, s3ChunkCommand,
} from './bundle-options';
export { DawstampsFunction, LOG_RETENTION, type DawstampsFunctionProps } from './dawstamps-function';
export { JOB_PREFIX, RESULT_PREFIX, Storage, UPLOAD_PREFIX, type StorageProps } from './storage';
export {
  MAX_RECEIVE_COUNT, PROCESSING_TIMEOUT, VISIBILITY_FACTOR, VISIBILITY_TIMEOUT, WORKER_TIMEOUT, Worker, type WorkerProps,
} from './worker';
