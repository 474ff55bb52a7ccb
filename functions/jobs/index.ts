export { newJobId, isJobId } from './ids';
export { asciiFileName, contentDisposition, downloadBaseName, sanitizeFileName, storageFileName } from './file-name';
export { jobKeys, type JobKeys } from './keys';
export type { JobError, JobOptions, JobOutcome, JobRecord, JobStatus, JobStatusName } from './record';
export { createJobService, UPLOAD_CONTENT_TYPE, type JobService, type JobServiceDeps } from './service';
