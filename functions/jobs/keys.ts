/** Where a job's objects live, for S3 and the local data directory alike. */
import { isJobId } from './ids';

/** The object keys of one deployment (prefixes from the configuration). */
export interface JobKeys {
  /** The job record: options, file name, expiry (written when the job is created), outside the upload prefix. */
  record(jobId: string): string;
  /** The upload itself; the presigned form pins exactly this key. */
  upload(jobId: string, fileName: string): string;
  /** The result or failure, outside the upload prefix so writing it notifies nobody. */
  result(jobId: string): string;
  /**
   * The stored project an upload was read into, beside the result. `nonce` is the writer's own:
   * two racing uploads never overwrite each other's project; the result names the winner's.
   */
  project(jobId: string, nonce: string): string;
  /** The job id and file name of an upload key; null for any other key. */
  parseUpload(key: string): { jobId: string; fileName: string } | null;
}

/** Builds the key scheme for an upload, a result and a job-record prefix (each ending in `/`). */
export function jobKeys(uploadPrefix: string, resultPrefix: string, jobPrefix: string): JobKeys {
  const check = (jobId: string): string => {
    if (!isJobId(jobId)) throw new Error(`Not a job id: ${JSON.stringify(jobId).slice(0, 60)}`);
    return jobId;
  };
  return {
    record: (jobId) => `${jobPrefix}${check(jobId)}.json`,
    upload: (jobId, fileName) => `${uploadPrefix}${check(jobId)}/${fileName}`,
    result: (jobId) => `${resultPrefix}${check(jobId)}.json`,
    project: (jobId, nonce) => {
      if (!/^[0-9a-f]{8,32}$/.test(nonce)) throw new Error('A project nonce is 8 to 32 lowercase hex digits.');
      return `${resultPrefix}${check(jobId)}.project-${nonce}.json`;
    },
    parseUpload(key) {
      if (!key.startsWith(uploadPrefix)) return null;
      const rest = key.slice(uploadPrefix.length);
      const slash = rest.indexOf('/');
      if (slash < 0) return null;
      const jobId = rest.slice(0, slash);
      const fileName = rest.slice(slash + 1);
      if (!isJobId(jobId) || fileName === '' || fileName.includes('/')) return null;
      return { jobId, fileName };
    },
  };
}
