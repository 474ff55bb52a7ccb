// Talks to the dawstamps HTTP API: JSON calls with an optional bearer token, the upload, polling.
// Only the upload (upload()) carries the project file; the page never calls it with "keep my project on this computer" on.

/** An error the page can show: a stable code and a sentence. */
export class ApiError extends Error {
  /**
   * @param {string} code
   * @param {string} message
   * @param {number} [status]
   */
  constructor(code, message, status = 0) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
  }
}

const TOKEN_KEY = 'dawstamps-api-token';

/** @type {string} */
let token = readStored();
/** @type {(reason: string) => Promise<string | null>} */
let askToken = async () => null;

function readStored() {
  try {
    return sessionStorage.getItem(TOKEN_KEY) ?? '';
  } catch {
    return '';
  }
}

/**
 * Sets how the page asks a person for the API token (resolves null when they cancel).
 * @param {(reason: string) => Promise<string | null>} ask
 */
export function onTokenNeeded(ask) {
  askToken = ask;
}

/** @param {string} value */
function setToken(value) {
  token = value;
  try {
    sessionStorage.setItem(TOKEN_KEY, value);
  } catch {
    // storage unavailable: the token lives in memory only
  }
}

/**
 * Reads `{ error: { code, message } }` from a failed response.
 * @param {Response} res
 * @returns {Promise<ApiError>}
 */
async function errorOf(res) {
  try {
    const body = await res.json();
    if (typeof body?.error?.message === 'string') {
      return new ApiError(String(body.error.code ?? 'error'), body.error.message, res.status);
    }
  } catch {
    // not JSON
  }
  return new ApiError('http-' + res.status, `The server answered ${res.status} ${res.statusText}.`.replace(' .', '.'), res.status);
}

/**
 * A request to the API; asks for the token on 401 and retries; throws ApiError when not ok.
 * @param {string} path
 * @param {RequestInit & { json?: unknown }} [init]
 * @returns {Promise<Response>}
 */
export async function request(path, init = {}) {
  for (let attempt = 0; ; attempt++) {
    const headers = new Headers(init.headers);
    if (token) headers.set('Authorization', `Bearer ${token}`);
    let body = init.body;
    if (init.json !== undefined) {
      headers.set('Content-Type', 'application/json');
      body = JSON.stringify(init.json);
    }
    /** @type {Response} */
    let res;
    try {
      res = await fetch(path, { ...init, headers, body });
    } catch {
      throw new ApiError('network-error', 'The server could not be reached.');
    }
    if (res.status === 401 && attempt < 5) {
      const err = await errorOf(res);
      const given = await askToken(token ? 'That token was not accepted. ' + err.message : err.message);
      if (given === null) throw new ApiError('unauthorized', 'This server needs an API token to convert files.', 401);
      setToken(given.trim());
      continue;
    }
    if (!res.ok) throw await errorOf(res);
    return res;
  }
}

/**
 * GET a JSON document.
 * @param {string} path
 * @returns {Promise<any>}
 */
export async function getJson(path) {
  return (await request(path, { headers: { Accept: 'application/json' } })).json();
}

/**
 * Uploads a file as a presigned multipart POST (every field, then `file` last), with byte progress.
 * @param {{ url: string, fields: Record<string, string> }} target
 * @param {File} file
 * @param {(loaded: number, total: number) => void} onProgress
 * @param {AbortSignal} signal
 * @returns {Promise<void>}
 */
export function upload(target, file, onProgress, signal) {
  return new Promise((resolve, reject) => {
    // stopped before it began (the switch turned on while the job was being made): send nothing
    if (signal.aborted) return reject(new ApiError('aborted', 'The upload was cancelled.'));
    const form = new FormData();
    for (const [name, value] of Object.entries(target.fields ?? {})) form.append(name, value);
    form.append('file', file, file.name);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', target.url);
    const sameOrigin = new URL(target.url, location.href).origin === location.origin;
    if (sameOrigin && token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(file.size, file.size);
        resolve();
      } else reject(uploadError(xhr));
    };
    xhr.onerror = () => reject(new ApiError('network-error', 'The upload was interrupted.'));
    xhr.onabort = () => reject(new ApiError('aborted', 'The upload was cancelled.'));
    signal.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}

/**
 * The error of a failed upload: JSON from the local server, XML from S3.
 * @param {XMLHttpRequest} xhr
 * @returns {ApiError}
 */
function uploadError(xhr) {
  const text = xhr.responseText ?? '';
  try {
    const body = JSON.parse(text);
    if (body?.error?.message) return new ApiError(String(body.error.code ?? 'upload-failed'), body.error.message, xhr.status);
  } catch {
    // S3 answers XML
  }
  const code = /<Code>([^<]*)<\/Code>/.exec(text)?.[1] ?? '';
  if (code === 'EntityTooLarge') return new ApiError('file-too-large', 'The file is over the upload limit.', xhr.status);
  if (code === 'AccessDenied' || code === 'ExpiredToken') {
    return new ApiError('upload-expired', 'The upload permission expired or was refused. Please try again.', xhr.status);
  }
  return new ApiError('upload-failed', `The upload failed (${xhr.status}${code ? ' ' + code : ''}). Please try again.`, xhr.status);
}

/** The statuses a job ends in. */
const FINAL = new Set(['done', 'failed', 'expired']);

/**
 * Polls a job until it ends (done, failed or expired) and returns it; throws ApiError when the
 * server cannot be asked (the job's own failure is in the returned job).
 * @param {string} jobId
 * @param {(status: string) => void} onStatus
 * @param {AbortSignal} signal
 * @returns {Promise<any>}
 */
export async function waitForJob(jobId, onStatus, signal) {
  let delay = 300;
  let networkFailures = 0;
  for (;;) {
    if (signal.aborted) throw new ApiError('aborted', 'Cancelled.');
    let job;
    try {
      job = await getJson(`/v1/jobs/${encodeURIComponent(jobId)}`);
      networkFailures = 0;
    } catch (e) {
      if (!(e instanceof ApiError) || e.code !== 'network-error' || ++networkFailures > 5) throw e;
    }
    if (FINAL.has(job?.status)) return job;
    if (job?.status) onStatus(job.status);
    await new Promise((r) => setTimeout(r, delay));
    delay = Math.min(2000, Math.round(delay * 1.4));
  }
}

/**
 * A job's end as an error the page shows (failed: the conversion's; expired: no upload in time).
 * @param {any} job
 * @returns {ApiError}
 */
export function jobError(job) {
  if (job.status === 'expired') return new ApiError('upload-expired', 'No file was uploaded to this job in time, so it has no result.');
  return new ApiError(job.error?.code ?? 'failed', job.error?.message ?? 'The conversion failed.');
}
