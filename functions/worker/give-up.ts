/**
 * The end of a message the queue gives up on (its last delivery failed, or it is dead-lettered):
 * each upload it names gets a failed outcome, written with create() so an outcome that stands
 * (a delivery that did succeed) stays, and the upload is deleted. The job then reads failed for
 * good, instead of `failed` derived from the upload's age (which a late success turned into done,
 * and the 1-day rule that deletes the upload turned into expired).
 */
import type { JobOutcome, JobRecord } from '../jobs';
import { keysOfMessage, type WorkerDeps } from './process-upload';

/** Records the failure of every upload in `body`; storage faults throw (the caller logs them). */
export async function giveUp(body: string, deps: WorkerDeps, deliveries: number): Promise<void> {
  let keys: string[];
  try {
    keys = keysOfMessage(body);
  } catch {
    return; // not an S3 notification: no job to tell
  }
  for (const key of keys) {
    const upload = deps.keys.parseUpload(key);
    if (!upload) continue;
    const { jobId } = upload;
    const object = await deps.storage.get(deps.keys.record(jobId));
    const record = object ? (JSON.parse(new TextDecoder().decode(object.body)) as JobRecord) : null;
    if (record && record.uploadKey !== key) continue; // not the job's upload: it never had a say
    const outcome: JobOutcome = {
      jobId, status: 'failed', fileName: record?.fileName ?? upload.fileName, options: record?.options ?? {},
      error: { code: 'processing-failed', message: `The upload could not be processed (${deliveries} attempts). Please try again.` },
    };
    await deps.storage.create(deps.keys.result(jobId), JSON.stringify(outcome), 'application/json');
    await deps.storage.delete(key);
  }
}
