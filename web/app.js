// The page: pick or drop a project → upload with progress → poll → show, re-time and export the tracklist.
import { ApiError, request, upload, waitForJob } from './api.js';
import { DEFAULT_CHOICE, clipsInPlay, conversionQuery, readChoice, showChoice } from './choice.js';
import { DEFAULT_INPUTS, formatBytes, hintFor, refuseReason } from './format.js';
import { readInputs, readServerConfig } from './settings.js';
import { drawTimeline } from './timeline.js';
import { setupToken } from './token.js';
import { setupExport } from './export.js';
import { renderStartOptions, renderSummary, renderTable, renderWarnings } from './view.js';

/** @param {string} id @returns {any} */
const $ = (id) => document.getElementById(id);

const ui = {
  file: /** @type {HTMLInputElement} */ ($('file')),
  drop: $('drop'),
  refusal: $('refusal'),
  status: $('status'),
  statusTitle: $('status-title'),
  statusFile: $('status-file'),
  statusText: $('status-text'),
  progress: /** @type {HTMLProgressElement} */ ($('progress')),
  failure: $('failure'),
  result: $('result'),
  resultTitle: $('result-title'),
  start: /** @type {HTMLSelectElement} */ ($('start')),
  timing: /** @type {HTMLSelectElement} */ ($('timing')),
  source: /** @type {HTMLSelectElement} */ ($('source')),
  clipOptions: $('clip-options'),
  precision: /** @type {HTMLSelectElement} */ ($('precision')),
  optionsError: $('options-error'),
  timeline: $('timeline'),
  timelineFocus: $('timeline-focus'),
};

/** The page's state: the current job and its result (as last re-timed). */
const state = {
  maxBytes: 100 * 1024 * 1024,
  inputs: DEFAULT_INPUTS,
  /** @type {AbortController | null} */ run: null,
  /** @type {{ jobId: string, fileName: string } | null} */ job: null,
  /** @type {any} */ result: null,
  /** The choices the shown result was made with (restored when a change is refused). */
  shown: { ...DEFAULT_CHOICE },
  refreshSeq: 0,
};

const exporter = setupExport(() => state.job, () => ({ ...conversionQuery(state.shown), precision: ui.precision.value }));

/** Takes the server's limits, retention and accepted project kinds (the page's defaults stay otherwise). */
async function loadSettings() {
  const [config, inputs] = await Promise.all([readServerConfig(), readInputs()]);
  if (config.maxBytes) {
    state.maxBytes = config.maxBytes;
    $('limit-note').textContent = `Up to ${formatBytes(state.maxBytes)}.`;
  }
  if (config.retention) $('retention').textContent = `${config.retention} Nobody can list jobs: a result can be read only with its random job id.`;
  if (inputs) {
    state.inputs = inputs;
    ui.file.accept = inputs.flatMap((kind) => kind.extensions).join(',');
  }
}

/**
 * Starts a conversion of one file, unless it is refused up front (type, size).
 * @param {File} file
 */
async function convertFile(file) {
  const refused = refuseReason(file, state.maxBytes, state.inputs);
  ui.refusal.textContent = refused ?? '';
  ui.refusal.hidden = refused === null;
  if (refused) return;
  state.run?.abort();
  const run = new AbortController();
  state.run = run;
  state.job = null;
  showStatus('Uploading', file, 'Starting the upload…');
  setProgress(0);
  ui.result.hidden = true;
  try {
    const created = await (await request('/v1/jobs', { method: 'POST', json: { filename: file.name, size: file.size, options: {} } })).json();
    await upload(created.upload, file, (loaded, total) => {
      if (run.signal.aborted) return;
      setProgress(total ? (loaded / total) * 100 : 0);
      ui.statusText.textContent = `${formatBytes(loaded)} of ${formatBytes(total)} sent (${Math.floor(total ? (loaded / total) * 100 : 0)} %)`;
    }, run.signal);
    setProgress(100);
    ui.statusTitle.textContent = 'Processing';
    ui.statusText.textContent = 'Uploaded (100 %). Converting…';
    const job = await waitForJob(created.jobId, (status) => {
      if (run.signal.aborted) return;
      ui.statusText.textContent = status === 'waiting-upload' ? 'Uploaded (100 %). Waiting for the file to arrive…' : 'Uploaded (100 %). Converting…';
    }, run.signal);
    if (run.signal.aborted) return;
    state.job = { jobId: created.jobId, fileName: file.name };
    showResult(job.result);
  } catch (e) {
    if (!run.signal.aborted) showFailure(e);
  }
}

/**
 * @param {string} title
 * @param {File} file
 * @param {string} text
 */
function showStatus(title, file, text) {
  ui.status.hidden = false;
  ui.status.classList.remove('failed');
  ui.failure.hidden = true;
  ui.progress.hidden = false;
  ui.statusTitle.textContent = title;
  ui.statusFile.textContent = `${file.name} — ${formatBytes(file.size)}`;
  ui.statusText.textContent = text;
}

/** @param {number} percent */
function setProgress(percent) {
  const value = Math.max(0, Math.min(100, Math.round(percent)));
  ui.progress.setAttribute('value', String(value));
  ui.progress.setAttribute('aria-valuetext', `${value} %`);
}

/** Shows a failed upload or conversion: its message and what to try. @param {unknown} e */
function showFailure(e) {
  const err = e instanceof ApiError ? e : new ApiError('error', 'Something went wrong in the page. Reload it and try again.');
  ui.status.hidden = false;
  ui.status.classList.add('failed');
  ui.statusTitle.textContent = 'That did not work';
  ui.statusText.textContent = '';
  ui.progress.hidden = true;
  ui.failure.hidden = false;
  $('failure-message').textContent = err.message;
  $('failure-hint').textContent = `What to try: ${hintFor(err.code)}`;
  $('failure-code').textContent = err.code;
  ui.statusTitle.setAttribute('tabindex', '-1');
  ui.statusTitle.focus();
}

/** Shows a fresh result: resets the choices, draws everything, loads the preview. @param {any} result */
function showResult(result) {
  $('pick').classList.add('compact');
  ui.status.hidden = true;
  ui.result.hidden = false;
  ui.optionsError.hidden = true;
  renderStartOptions(ui.start, result.markers);
  state.shown = { ...DEFAULT_CHOICE };
  showChoice(state.shown);
  render(result);
  ui.resultTitle.focus();
  void exporter.refresh();
}

/** Draws a result: summary, warnings, timeline, table. @param {any} result */
function render(result) {
  state.result = result;
  showClipOptions();
  renderSummary($('summary'), result);
  renderWarnings($('warning-list'), result.warnings, $('warnings'));
  renderTable(ui.resultTitle.closest('section').querySelector('tbody'), result, /** @type {any} */ (ui.precision.value));
  drawCurrentTimeline();
}

/** The clip options are shown while clips are (or, chosen, would be) the source. */
function showClipOptions() {
  ui.clipOptions.hidden = !clipsInPlay(ui.source.value, state.result?.markerSource);
}

function drawCurrentTimeline() {
  if (!state.result || ui.result.hidden) return;
  drawTimeline(ui.timeline, state.result, ui.timeline.clientWidth, (text) => {
    ui.timelineFocus.textContent = text ?? '';
  });
}

/**
 * Re-converts for the chosen options (the JSON export), then the preview. A new source or clip option
 * gives other entries: it measures from beat 0 again and lists the new entries as start points.
 * @param {boolean} [newEntries]
 */
async function retime(newEntries = false) {
  if (!state.job) return;
  const seq = ++state.refreshSeq;
  const wanted = readChoice();
  if (newEntries) wanted.start = 'zero';
  const query = new URLSearchParams(conversionQuery(wanted));
  try {
    const res = await request(`/v1/jobs/${encodeURIComponent(state.job.jobId)}/export/json?${query}`, { headers: { Accept: 'application/json' } });
    const result = await res.json();
    if (seq !== state.refreshSeq) return;
    ui.optionsError.hidden = true;
    state.shown = wanted;
    if (newEntries) renderStartOptions(ui.start, result.markers);
    render(result);
    void exporter.refresh();
  } catch (e) {
    if (seq !== state.refreshSeq) return;
    ui.optionsError.textContent = e instanceof ApiError ? e.message : 'The tracklist could not be re-timed.';
    ui.optionsError.hidden = false;
    showChoice(state.shown);
    showClipOptions();
  }
}

function wire() {
  ui.file.addEventListener('change', () => {
    const file = ui.file.files?.[0];
    if (file) void convertFile(file);
    ui.file.value = '';
  });
  let depth = 0;
  document.addEventListener('dragenter', (e) => {
    e.preventDefault();
    depth++;
    ui.drop.classList.add('dragging');
  });
  document.addEventListener('dragleave', () => {
    if (--depth <= 0) { depth = 0; ui.drop.classList.remove('dragging'); }
  });
  document.addEventListener('dragover', (e) => e.preventDefault());
  document.addEventListener('drop', (e) => {
    e.preventDefault();
    depth = 0;
    ui.drop.classList.remove('dragging');
    const file = e.dataTransfer?.files?.[0];
    if (file) void convertFile(file);
  });
  $('again').addEventListener('click', () => {
    state.run?.abort();
    ui.result.hidden = true;
    $('pick').classList.remove('compact');
    ui.status.hidden = true;
    ui.refusal.hidden = true;
    ui.drop.scrollIntoView({ block: 'center' });
    ui.file.focus();
    ui.file.click();
  });
  ui.start.addEventListener('change', () => void retime());
  ui.timing.addEventListener('change', () => void retime());
  ui.source.addEventListener('change', () => {
    showClipOptions();
    void retime(true);
  });
  for (const id of ['include-disabled', 'include-muted', 'clip-anchor']) $(id).addEventListener('change', () => void retime(true));
  ui.precision.addEventListener('change', () => {
    if (state.result) renderTable(ui.resultTitle.closest('section').querySelector('tbody'), state.result, /** @type {any} */ (ui.precision.value));
    void exporter.refresh();
  });
  $('controls').addEventListener('submit', (/** @type {Event} */ e) => e.preventDefault());
  let width = 0;
  new ResizeObserver(() => {
    const w = ui.timeline.clientWidth;
    if (w && Math.abs(w - width) > 4) { width = w; drawCurrentTimeline(); }
  }).observe(ui.timeline);
}

setupToken();
wire();
void loadSettings();
document.documentElement.classList.add('ready');
