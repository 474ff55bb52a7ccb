/** What is stored for a job: the record written at creation, and the worker's outcome. */
import type { Result } from '../../lib/index';

/** Conversion options a job carries (the JSON-safe part of ConvertOptions). */
export interface JobOptions {
  start?: string | number;
  timing?: 'auto' | 'stepped' | 'continuous';
  beforeStart?: 'drop' | 'negative';
  source?: 'auto' | 'locators' | 'clips';
  arrangement?: string | number;
  includeDisabledClips?: boolean;
  includeMutedTracks?: boolean;
  clipAnchor?: 'start' | 'crossfade-middle';
}

/** `jobs/<jobId>.json`: written by the API before it signs the upload form (outside `uploads/`: no notification). */
export interface JobRecord {
  jobId: string;
  fileName: string;
  uploadKey: string;
  /** The size the client announced; the upload form allows exactly this many bytes, and the worker checks it. */
  size?: number;
  options: JobOptions;
  createdAt: string;
  expiresAt: string;
}

/** A code and a sentence: why a job failed, or why its own options do not apply to its file. */
export interface JobError {
  code: string;
  message: string;
}

/**
 * `results/<jobId>.json`: written once by the worker (If-None-Match), never changed; a conversion
 * error is an outcome, not a retry. A done job's file was read: it names its stored project
 * (`project`, a key beside it) and holds the result for its own options without the tempo
 * breakpoints, or — when those options do not apply to this file (a start marker it does not
 * have) — `error` instead: the project is there for any other options. A failed job's file could
 * not be read (or was not the announced size).
 */
export type JobOutcome =
  | { jobId: string; status: 'done'; fileName: string; options: JobOptions; project: string; result?: Result; error?: JobError }
  | { jobId: string; status: 'failed'; fileName: string; options: JobOptions; error: JobError };

/** Every job ends `done`, `failed` or `expired` (no upload within its window): a poller always stops. */
export type JobStatusName = 'waiting-upload' | 'processing' | 'done' | 'failed' | 'expired';

/** What GET /v1/jobs/:jobId answers. */
export interface JobStatus {
  jobId: string;
  status: JobStatusName;
  fileName: string;
  expiresAt?: string;
  result?: Result;
  /** failed: why; done: why the job's own options do not apply to its file (no `result` then). */
  error?: JobError;
}
