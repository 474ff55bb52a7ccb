export { Api, type ApiProps } from './api';
export { LAMBDA_ENTRIES, LAMBDA_ESBUILD, REPO_ROOT, RUNTIME_SDK_EXTERNALS, ZOD_WITHOUT_LOCALES } from './bundle-options';
export { DawstampsFunction, LOG_RETENTION, type DawstampsFunctionProps } from './dawstamps-function';
export { JOB_PREFIX, RESULT_PREFIX, Storage, UPLOAD_PREFIX, type StorageProps } from './storage';
export {
  MAX_RECEIVE_COUNT, PROCESSING_TIMEOUT, VISIBILITY_FACTOR, VISIBILITY_TIMEOUT, WORKER_TIMEOUT, Worker, type WorkerProps,
} from './worker';
