/**
 * One SQS record: S3 notifications of uploads → the upload read once into a stored project and the
 * job's result → the upload deleted. A job takes one upload: its outcome is written with
 * If-None-Match, and any later upload (a second POST of the form inside its window) is deleted
 * and changes nothing.
 */
import type { SQSRecord } from 'aws-lambda';
import { isDawstampsError, type ConvertOptions, type Limits } from '../../lib/index';
import type { Inflate } from '../../lib/readers/types';
import { newJobId, type JobKeys, type JobOutcome, type JobRecord } from '../jobs';
import { arrivedLate } from '../jobs/window';
import { decodeS3EventKey } from '../queue/s3-event';
import type { Storage } from '../storage';
import { readUpload, type ReadUpload } from './read-upload';
import { storeOutcome } from './store-outcome';

export interface WorkerDeps {
  storage: Storage;
  keys: JobKeys;
  /** Converter limits (the upload cap becomes maxFileBytes). */
  limits?: Partial<Limits>;
  inflate?: Inflate;
  /** Reads an upload (default: in this thread; Node adapters pass a threaded one with a time limit). */
  readUpload?: ReadUpload;
  /** How long after its form's expiry an upload may arrive and still be read (functions/jobs/window.ts; default none). */
  uploadGraceSeconds?: number;
  /** The queue's deliveries before it gives up (SQS maxReceiveCount): the last failed one writes the job's failure (give-up.ts). */
  maxReceiveCount?: number;
  /** Records are left for a retry when less time than this remains in the invocation. */
  minRemainingMs?: number;
  log?: (message: string, details?: Record<string, unknown>) => void;
}

/** A message that can never be processed (not JSON, not an S3 event): retried, then dead-lettered. */
export class BadMessageError extends Error {
  override readonly name = 'BadMessageError';
}

/** What happened to one upload key in a record. */
export type KeyOutcome = 'done' | 'failed' | 'skipped';

interface S3EventRecord { eventName?: string; s3?: { object?: { key?: string } } }

/** The object keys an SQS message body names; [] for S3's test event. Throws BadMessageError. */
export function keysOfMessage(body: string): string[] {
  let parsed: { Event?: string; Records?: S3EventRecord[] };
  try {
    parsed = JSON.parse(body) as typeof parsed;
  } catch {
    throw new BadMessageError('The message body is not JSON.');
  }
  if (parsed?.Event === 's3:TestEvent') return [];
  if (!parsed || !Array.isArray(parsed.Records)) throw new BadMessageError('The message is not an S3 event notification.');
  const keys: string[] = [];
  for (const r of parsed.Records) {
    if (typeof r?.eventName !== 'string' || !r.eventName.startsWith('ObjectCreated:')) continue;
    const raw = r.s3?.object?.key;
    if (typeof raw !== 'string') throw new BadMessageError('An S3 event record has no object key.');
    try {
      keys.push(decodeS3EventKey(raw));
    } catch {
      throw new BadMessageError(`The object key ${JSON.stringify(raw).slice(0, 80)} is not valid URL encoding.`);
    }
  }
  return keys;
}

function parseJson<T>(bytes: Uint8Array): T {
  return JSON.parse(new TextDecoder().decode(bytes)) as T;
}

/**
 * Reads one upload and stores its outcome (and project), then deletes the upload; storage faults
 * throw (the message is retried, the upload kept for it). 'skipped': not an upload, or a job that
 * has its outcome already (the upload is deleted: a second upload, or a repeated delivery).
 */
export async function processUploadKey(key: string, deps: WorkerDeps): Promise<KeyOutcome> {
  const parsed = deps.keys.parseUpload(key);
  if (!parsed) return 'skipped'; // strays under the prefix (job records live under jobs/); only uploads are work
  const { jobId } = parsed;
  const { storage, keys } = deps;
  // Every upload has its record: the API writes it before it signs the form. One that cannot be
  // read is missing or denied (without s3:ListBucket S3 answers both with 403), and either way a
  // retry, never a conversion with default options and no size check.
  const recordObject = await storage.get(keys.record(jobId));
  if (!recordObject) throw new Error(`The job record ${keys.record(jobId)} cannot be read (missing, or access denied); the upload is kept for a retry.`);
  const record = parseJson<JobRecord>(recordObject.body);
  if (record.uploadKey !== key) return 'skipped';
  if (await storage.head(keys.result(jobId))) {
    await storage.delete(key);
    return 'skipped';
  }
  const upload = await storage.get(key);
  if (!upload) throw new Error(`The upload ${key} is not there (yet).`);
  if (deps.uploadGraceSeconds !== undefined && arrivedLate(record, upload.lastModified, deps.uploadGraceSeconds)) {
    // After the window closed the job reads expired, for good: this upload is not read.
    await storage.delete(key);
    return 'skipped';
  }

  const { options, fileName: name } = record;
  let outcome: JobOutcome;
  let projectKey: string | null = null;
  if (record.size !== undefined && upload.body.byteLength !== record.size) {
    outcome = {
      jobId, status: 'failed', fileName: name, options,
      error: { code: 'size-mismatch', message: `The upload has ${upload.body.byteLength} bytes, but the job announced ${record.size}; the file was not read.` },
    };
  } else {
    try {
      const convertOptions: ConvertOptions = { ...options, fileName: name };
      if (deps.limits) convertOptions.limits = deps.limits;
      if (deps.inflate) convertOptions.inflate = deps.inflate;
      const read = await (deps.readUpload ?? readUpload)(upload.body, convertOptions);
      projectKey = keys.project(jobId, newJobId().slice(0, 16));
      // Parsed is done: the project is stored even when the job's own options do not apply to it.
      const { timed } = read;
      if ('error' in timed && timed.bug) deps.log?.('converter bug', { jobId, error: timed.bug });
      outcome = { jobId, status: 'done', fileName: name, options, project: projectKey, ...('result' in timed ? { result: timed.result } : { error: timed.error }) };
      await storage.put(projectKey, read.project, 'application/json');
    } catch (e) {
      if (projectKey !== null) {
        // The project could not be stored (a storage fault, retried); a write that happened with
        // its answer lost leaves it behind, so it goes (best effort; results/ expire in 7 days).
        await storage.delete(projectKey).catch(() => {});
        throw e;
      }
      // Every converter error is deterministic: the same bytes fail the same way, so it is the
      // job's outcome. Untyped errors are converter bugs: logged, and reported without details.
      const error = isDawstampsError(e)
        ? { code: e.code, message: e.message }
        : { code: 'internal-error', message: 'The converter failed on this file; the fault has been logged.' };
      if (!isDawstampsError(e)) deps.log?.('converter bug', { jobId, error: e instanceof Error ? e.stack : String(e) });
      outcome = { jobId, status: 'failed', fileName: name, options, error };
    }
  }
  // The first outcome stands: a racing upload of the same job that wrote its outcome first wins,
  // and this one's project is dropped (store-outcome.ts: read back, never guessed).
  const standing = await storeOutcome(storage, keys.result(jobId), outcome, projectKey);
  // The project file is not kept: it has been read (or could not be), and that is all it was for.
  await storage.delete(key);
  return standing === 'ours' ? outcome.status : 'skipped';
}

/** Processes every upload a record names; throws on anything worth a retry. */
export async function processUpload(record: SQSRecord, deps: WorkerDeps): Promise<KeyOutcome[]> {
  const outcomes: KeyOutcome[] = [];
  for (const key of keysOfMessage(record.body)) outcomes.push(await processUploadKey(key, deps));
  return outcomes;
}
