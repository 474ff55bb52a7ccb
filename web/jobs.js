// The server's side of a file: its upload and job, and the stored project of a done job (what a
// link opens). upload() is the only request that carries the project file.
import { ApiError, getJson, jobError, request, upload, waitForJob } from './api.js';

/**
 * Creates a job, uploads the file with progress and waits for the job to end; returns the job
 * (done, failed or expired). Throws ApiError when the upload or the server cannot be reached.
 * @param {File} file
 * @param {{ run: AbortSignal, upload: AbortSignal }} signals `upload` stops the upload only
 * @param {{ progress: (loaded: number, total: number) => void, uploaded: () => void }} on
 * @returns {Promise<any>}
 */
export async function uploadAndWait(file, signals, on) {
  const created = await (await request('/v1/jobs', { method: 'POST', json: { filename: file.name, size: file.size, options: {} } })).json();
  await upload(created.upload, file, on.progress, signals.upload);
  on.uploaded();
  return waitForJob(created.jobId, () => {}, signals.run);
}

/**
 * A link's job once it is done (waiting while its file arrives or the server reads it); throws
 * why it cannot be opened otherwise (its conversion failed, or it expired with no upload).
 * @param {string} jobId
 * @param {AbortSignal} signal
 * @param {(status: string) => void} onWaiting told `waiting-upload` or `processing`
 * @returns {Promise<any>}
 */
export async function doneJob(jobId, signal, onWaiting) {
  let job = await getJson(`/v1/jobs/${encodeURIComponent(jobId)}`);
  if (job.status === 'waiting-upload' || job.status === 'processing') {
    onWaiting(job.status);
    job = await waitForJob(jobId, onWaiting, signal);
  }
  if (job.status === 'expired') throw new ApiError('link-expired', 'This link has expired: no file was uploaded to it in time, so it has no tracklist.');
  if (job.status !== 'done') throw jobError(job);
  return job;
}

/**
 * A link's failure in its own words: nothing was made in this browser to fall back on.
 * @param {unknown} e
 * @param {string | null} retention what the server keeps, and how long (settings.js retentionText)
 * @returns {unknown}
 */
export function linkError(e, retention) {
  if (!(e instanceof ApiError)) return e;
  if (e.code === 'job-not-found') return new ApiError(e.code, `There is no result under this link. ${retention ?? ''}`.trim());
  if (e.code === 'network-error') return new ApiError('link-unreachable', 'The server could not be reached, so this link cannot be opened now.');
  return e;
}

/**
 * Gives a done job's stored project (GET /v1/jobs/{id}/project) to the converter and times it
 * with the default options.
 * @param {ReturnType<typeof import('./converter.js').createConverter>} converter
 * @param {{ jobId: string, fileName: string }} job
 * @returns {Promise<import('./converter.js').Timed>}
 */
export async function openStoredProject(converter, job) {
  const document = await getJson(`/v1/jobs/${encodeURIComponent(job.jobId)}/project`);
  await converter.load(document, job.fileName);
  return converter.time({}, true);
}
