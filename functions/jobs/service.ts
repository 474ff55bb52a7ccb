/** Jobs over a Storage: create (record + signed form), derive status, read outcomes and stored projects. */
import { listFormats, parseStart, projectFromJson, type Project } from '../../lib/index';
import { HttpError } from '../http-error';
import type { Storage, UploadForm } from '../storage';
import { sanitizeFileName, storageFileName } from './file-name';
import { newJobId } from './ids';
import type { JobKeys } from './keys';
import { arrivedLate, windowClosesAt } from './window';
import type { JobOptions, JobOutcome, JobRecord, JobStatus } from './record';

/** Finished outcomes kept in memory (a few KB each). */
const OUTCOME_CACHE = 1000;
/** Stored projects kept in memory, read back (a 100,000-breakpoint set is a few MB). */
const PROJECT_CACHE = 16;

/** The content type every upload form fixes (the bytes are sniffed, never trusted by type). */
export const UPLOAD_CONTENT_TYPE = 'application/octet-stream';

export interface JobServiceDeps {
  storage: Storage;
  keys: JobKeys;
  maxUploadBytes: number;
  uploadExpirySeconds: number;
  /** How long after its form's expiry an upload begun in time may still arrive (functions/jobs/window.ts). */
  uploadGraceSeconds: number;
  /** An upload with no outcome after this long reads `failed`; null: never (the queue writes the failure). */
  processingTimeoutSeconds: number | null;
  now?: () => Date;
  newId?: () => string;
}

export interface JobService {
  create(input: { filename: string; size?: number; options?: JobOptions }, requestOrigin: string): Promise<{ jobId: string; upload: UploadForm; expiresAt: string }>;
  /** The job's status, or null for an id nobody created (or whose records have expired). */
  status(jobId: string): Promise<JobStatus | null>;
  outcome(jobId: string): Promise<JobOutcome | null>;
  record(jobId: string): Promise<JobRecord | null>;
  /** A done job's stored project as its JSON text, or null when it is gone (kept 7 days). */
  projectText(outcome: Extract<JobOutcome, { status: 'done' }>): Promise<string | null>;
  /** A done job's stored project, read and checked (the last few are kept in memory). */
  project(outcome: Extract<JobOutcome, { status: 'done' }>): Promise<Project | null>;
  /** The stored project's size in bytes, or null when it is gone. */
  projectSize(outcome: Extract<JobOutcome, { status: 'done' }>): Promise<number | null>;
  /** A link storage serves the stored project at for `seconds` (a presigned GET), or null where the API sends it itself. */
  projectLink(outcome: Extract<JobOutcome, { status: 'done' }>, seconds: number): Promise<string | null>;
}

const json = <T>(bytes: Uint8Array): T => JSON.parse(new TextDecoder().decode(bytes)) as T;

/** What GET /v1/jobs/:jobId says of a job with its outcome. */
function fromOutcome(done: JobOutcome): JobStatus {
  const { jobId, status, fileName, error } = done;
  const result = done.status === 'done' ? done.result : undefined;
  return { jobId, status, fileName, ...(result ? { result } : {}), ...(error ? { error } : {}) };
}

/** Creates the job service. */
export function createJobService(deps: JobServiceDeps): JobService {
  const now = deps.now ?? (() => new Date());
  const newId = deps.newId ?? newJobId;
  const { storage, keys } = deps;

  const record = async (jobId: string): Promise<JobRecord | null> => {
    const object = await storage.get(keys.record(jobId));
    return object ? json<JobRecord>(object.body) : null;
  };
  // Outcomes never change once written (a repeated delivery rewrites the same bytes), so the
  // most recent ones are kept in memory: polling a finished job costs no storage read.
  const finished = new Map<string, JobOutcome>();
  const outcome = async (jobId: string): Promise<JobOutcome | null> => {
    const cached = finished.get(jobId);
    if (cached) return cached;
    const object = await storage.get(keys.result(jobId));
    if (!object) return null;
    const parsed = json<JobOutcome>(object.body);
    finished.set(jobId, parsed);
    if (finished.size > OUTCOME_CACHE) finished.delete(finished.keys().next().value!);
    return parsed;
  };

  const projects = new Map<string, Promise<Project | null>>();
  const projectText = async (done: Extract<JobOutcome, { status: 'done' }>): Promise<string | null> => {
    const object = await storage.get(done.project);
    return object ? new TextDecoder().decode(object.body) : null;
  };
  const closed = (job: JobRecord): boolean => now().getTime() > windowClosesAt(job, deps.uploadGraceSeconds);

  return {
    async create(input, requestOrigin) {
      if (!acceptsFileName(input.filename)) {
        const kinds = listFormats().flatMap((f) => f.extensions).join(', ');
        throw new HttpError(415, 'unsupported-file-type', `dawstamps reads ${kinds} files; "${input.filename.split(/[\\/]/).pop()!.slice(0, 60)}" is none of them.`);
      }
      if (input.size !== undefined && input.size > deps.maxUploadBytes) {
        throw new HttpError(413, 'file-too-large', `The file is ${input.size} bytes; uploads are limited to ${deps.maxUploadBytes} bytes.`);
      }
      if (input.size === 0) throw new HttpError(422, 'empty-file', 'The file is empty (0 bytes).');
      const options = input.options ?? {};
      parseStart(options.start); // a malformed start is refused now, not after the upload
      const jobId = newId();
      const fileName = sanitizeFileName(input.filename);
      const created = now();
      const expiresAt = new Date(created.getTime() + deps.uploadExpirySeconds * 1000).toISOString();
      const job: JobRecord = { jobId, fileName, uploadKey: keys.upload(jobId, storageFileName(fileName)), ...(input.size !== undefined ? { size: input.size } : {}), options, createdAt: created.toISOString(), expiresAt };
      // The record goes first: by the time anyone can upload, the worker can read the options.
      await storage.put(keys.record(jobId), JSON.stringify(job), 'application/json');
      const upload = await storage.createUpload({
        key: job.uploadKey,
        contentType: UPLOAD_CONTENT_TYPE,
        // an announced size is the only size the form takes
        minBytes: input.size ?? 1,
        maxBytes: input.size ?? deps.maxUploadBytes,
        expiresInSeconds: deps.uploadExpirySeconds,
        requestOrigin,
      });
      return { jobId, upload, expiresAt };
    },

    async status(jobId) {
      const done = await outcome(jobId);
      if (done) return fromOutcome(done);
      const job = await record(jobId);
      if (!job) return null;
      const uploaded = await storage.head(job.uploadKey);
      if (!uploaded || arrivedLate(job, uploaded.lastModified, deps.uploadGraceSeconds)) {
        // The worker may have written the outcome and deleted the upload between the two reads.
        const since = await outcome(jobId);
        if (since) return fromOutcome(since);
        // An upload begun before expiresAt may still be arriving until the window closes.
        return { jobId, status: closed(job) ? 'expired' : 'waiting-upload', fileName: job.fileName, expiresAt: job.expiresAt };
      }
      // No outcome long after the upload: the queue has given up on it (dead-letter queue).
      const timeout = deps.processingTimeoutSeconds;
      if (timeout !== null && now().getTime() - uploaded.lastModified.getTime() > timeout * 1000) {
        return {
          jobId, status: 'failed', fileName: job.fileName,
          error: { code: 'processing-failed', message: `The upload was not processed within ${Math.round(timeout / 60)} minutes, after several attempts. Please try again.` },
        };
      }
      return { jobId, status: 'processing', fileName: job.fileName };
    },

    outcome,
    record,
    projectText,
    projectSize: async (done) => (await storage.head(done.project))?.size ?? null,
    projectLink: (done, seconds) => storage.downloadUrl(done.project, seconds),

    project(done) {
      let cached = projects.get(done.jobId);
      if (!cached) {
        cached = projectText(done).then((text) => (text === null ? null : projectFromJson(JSON.parse(text))));
        cached.catch(() => projects.delete(done.jobId));
        projects.set(done.jobId, cached);
        if (projects.size > PROJECT_CACHE) projects.delete(projects.keys().next().value!);
      }
      return cached;
    },
  };
}

/** True when the file name ends like a project some reader reads (`.als`, `.flp`, …). */
export function acceptsFileName(name: string): boolean {
  const lower = name.toLowerCase();
  return listFormats().some((f) => f.extensions.some((ext) => lower.endsWith(ext)));
}
