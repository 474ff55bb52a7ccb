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
  options: JobOptions;
  createdAt: string;
  expiresAt: string;
}

/** `results/<jobId>.json`: written by the worker; a conversion error is an outcome, not a retry. */
export type JobOutcome =
  | { jobId: string; status: 'done'; fileName: string; options: JobOptions; result: Result }
  | { jobId: string; status: 'failed'; fileName: string; options: JobOptions; error: { code: string; message: string } };

export type JobStatusName = 'waiting-upload' | 'processing' | 'done' | 'failed';

/** What GET /v1/jobs/:jobId answers. */
export interface JobStatus {
  jobId: string;
  status: JobStatusName;
  fileName: string;
  expiresAt?: string;
  result?: Result;
  error?: { code: string; message: string };
}
