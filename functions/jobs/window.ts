/**
 * A job's upload window. The form expires at `expiresAt`, but S3 checks that when a POST begins,
 * so an upload that began in time may still be arriving after it: the window closes only a grace
 * later (UPLOAD_GRACE_SECONDS, the longest an upload may take). Then the job is `expired` for
 * good: an upload that arrives later still is dropped by the worker, never read.
 */
import type { JobRecord } from './record';

/** When no upload can be arriving any more (ms since the epoch; NaN for a record without an expiry). */
export function windowClosesAt(job: Pick<JobRecord, 'expiresAt'>, graceSeconds: number): number {
  return Date.parse(job.expiresAt) + graceSeconds * 1000;
}

/** True for an upload stored after its job's window closed (it is not read: the job is expired). */
export function arrivedLate(job: Pick<JobRecord, 'expiresAt'>, storedAt: Date, graceSeconds: number): boolean {
  return storedAt.getTime() > windowClosesAt(job, graceSeconds);
}
