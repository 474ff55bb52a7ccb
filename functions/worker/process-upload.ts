/** One SQS record: S3 notifications of uploads → convert() → the job's stored outcome. */
import type { SQSRecord } from 'aws-lambda';
import { convert, isDawstampsError, type ConvertOptions, type Limits, type Result } from '../../lib/index';
import type { Inflate } from '../../lib/readers/types';
import type { JobKeys, JobOptions, JobOutcome, JobRecord } from '../jobs';
import { decodeS3EventKey } from '../queue/s3-event';
import type { Storage } from '../storage';

export interface WorkerDeps {
  storage: Storage;
  keys: JobKeys;
  /** Converter limits (the upload cap becomes maxFileBytes). */
  limits?: Partial<Limits>;
  inflate?: Inflate;
  /** The conversion (default: convert() in this thread; Node adapters pass a threaded one with a time limit). */
  convert?: (bytes: Uint8Array, options: ConvertOptions) => Promise<Result>;
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

/** Converts one upload and stores its outcome; storage faults throw (the message is retried). */
export async function processUploadKey(key: string, deps: WorkerDeps): Promise<KeyOutcome> {
  const parsed = deps.keys.parseUpload(key);
  if (!parsed) return 'skipped'; // strays under the prefix (job records live under jobs/); only uploads are work
  const { jobId, fileName } = parsed;
  const recordObject = await deps.storage.get(deps.keys.record(jobId));
  const record = recordObject ? parseJson<JobRecord>(recordObject.body) : null;
  if (record && record.uploadKey !== key) return 'skipped';
  const options: JobOptions = record?.options ?? {};
  const upload = await deps.storage.get(key);
  if (!upload) throw new Error(`The upload ${key} is not there (yet).`);

  let outcome: JobOutcome;
  try {
    const convertOptions: ConvertOptions = { ...options, fileName: record?.fileName ?? fileName };
    if (deps.limits) convertOptions.limits = deps.limits;
    if (deps.inflate) convertOptions.inflate = deps.inflate;
    const result = await (deps.convert ?? convert)(upload.body, convertOptions);
    outcome = { jobId, status: 'done', fileName, options, result };
  } catch (e) {
    // Every converter error is deterministic: the same bytes fail the same way, so it is the
    // job's outcome. Untyped errors are converter bugs: logged, and reported without details.
    const error = isDawstampsError(e)
      ? { code: e.code, message: e.message }
      : { code: 'internal-error', message: 'The converter failed on this file; the fault has been logged.' };
    if (!isDawstampsError(e)) deps.log?.('converter bug', { jobId, error: e instanceof Error ? e.stack : String(e) });
    outcome = { jobId, status: 'failed', fileName, options, error };
  }
  // Deterministic content: a repeated delivery writes the same bytes (at-least-once is harmless).
  await deps.storage.put(deps.keys.result(jobId), JSON.stringify(outcome), 'application/json');
  return outcome.status;
}

/** Processes every upload a record names; throws on anything worth a retry. */
export async function processUpload(record: SQSRecord, deps: WorkerDeps): Promise<KeyOutcome[]> {
  const outcomes: KeyOutcome[] = [];
  for (const key of keysOfMessage(record.body)) outcomes.push(await processUploadKey(key, deps));
  return outcomes;
}
