// The server's side of a file: its upload and job, and the stored project of a done job (what a
// link opens). upload() is the only request that carries the project file.
import { getJson, jobError, request, upload, waitForJob } from './api.js';

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
 * A job by its id once it is done (waiting while the server reads it); throws its error otherwise.
 * @param {string} jobId
 * @param {AbortSignal} signal
 * @param {() => void} onWaiting
 * @returns {Promise<any>}
 */
export async function doneJob(jobId, signal, onWaiting) {
  let job = await getJson(`/v1/jobs/${encodeURIComponent(jobId)}`);
  if (job.status === 'waiting-upload' || job.status === 'processing') {
    onWaiting();
    job = await waitForJob(jobId, onWaiting, signal);
  }
  if (job.status !== 'done') throw jobError(job);
  return job;
}

/**
 * Gives a done job's stored project (GET /v1/jobs/{id}/project) to the converter and times it
 * with the default options.
 * @param {ReturnType<typeof import('./local.js').createLocalConverter>} converter
 * @param {{ jobId: string, fileName: string }} job
 * @returns {Promise<import('./local.js').Timed>}
 */
export async function openStoredProject(converter, job) {
  const document = await getJson(`/v1/jobs/${encodeURIComponent(job.jobId)}/project`);
  await converter.load(document, job.fileName);
  return converter.time({}, true);
}
