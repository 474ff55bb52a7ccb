// The page. A dropped project is read at once in this browser (a Web Worker running lib) and its
// tracklist shown; every change of option or format is worked out here, with no request. Unless
// the project is kept on this computer, the file is uploaded too: the server's result confirms the
// preview (or, should they differ, replaces it, with a notice) and gives the link /?job=ID, which
// opens the stored project later with no file.
import { DEFAULT_LIMITS, TEMPLATE_EXAMPLE, listFormats } from './dawstamps.js';
import { jobError } from './api.js';
import { differences } from './agree.js';
import { createConverter } from './converter.js';
import { doneJob, linkError, openStoredProject, uploadAndWait } from './jobs.js';
import { buildMenus, optionControls } from './options.js';
import { formatBytes, kindsText, refuseReason } from './refuse.js';
import { keepLocalRemembered, linkLifetime, readServerConfig, rememberKeepLocal, rememberTemplate, rememberedTemplate, retentionText } from './settings.js';
import { createStatus } from './status.js';
import { setupToken } from './token.js';
import { createTracklist } from './tracklist.js';

/** @param {string} id @returns {any} */
const $ = (id) => document.getElementById(id);

const ui = {
  file: /** @type {HTMLInputElement} */ ($('file')),
  keepLocal: /** @type {HTMLInputElement} */ ($('keep-local')),
  drop: $('drop'),
  refusal: $('refusal'),
};

/** The project kinds lib reads (its reader registry): the page names none itself. */
const kinds = listFormats();
const converter = createConverter();
const status = createStatus(kinds);
const tracklist = createTracklist(converter);

const state = {
  /** The server's upload limit (GET /v1/config), until then lib's own. */
  maxUpload: DEFAULT_LIMITS.maxFileBytes,
  /** @type {unknown} GET /v1/config's retention */
  retention: null,
  /** @type {AbortController | null} the file or link being shown */
  run: null,
  /** @type {AbortController | null} the upload in flight (the switch stops it) */
  uploading: null,
};

/** @typedef {{ ok: true, result: any } | { ok: false, error: unknown }} LocalOutcome */

const LOCAL_FAILED = 'This browser could not read the file';

/**
 * Reads, shows and (unless kept on this computer) uploads one file, unless it is refused up front.
 * @param {File} file
 */
async function convertFile(file) {
  const keepLocal = ui.keepLocal.checked;
  const refused = refuseReason(file, keepLocal ? DEFAULT_LIMITS.maxFileBytes : state.maxUpload, kinds);
  ui.refusal.textContent = refused ?? '';
  ui.refusal.hidden = refused === null;
  if (refused) return;
  const run = begin();
  const fileLine = `${file.name} — ${formatBytes(file.size)}`;
  const local = readLocally(file, run, keepLocal ? 'local' : 'preview');
  if (keepLocal) {
    status.show('Reading', fileLine, 'Reading the project in this browser…', false);
    const outcome = await local;
    if (run.signal.aborted) return;
    if (outcome.ok) status.hide();
    else status.fail(outcome.error);
    return;
  }
  status.show('Uploading', fileLine, 'Starting the upload…', true);
  let localFailed = false;
  void local.then((outcome) => {
    if (outcome.ok || run.signal.aborted) return;
    localFailed = true;
    status.showError(outcome.error);
    status.say(LOCAL_FAILED);
  });
  const uploading = new AbortController();
  state.uploading = uploading;
  run.signal.addEventListener('abort', () => uploading.abort(), { once: true });
  /** @type {any} */
  let job;
  let uploaded = false;
  try {
    job = await uploadAndWait(file, { run: run.signal, upload: uploading.signal }, {
      progress: (loaded, total) => {
        if (run.signal.aborted) return;
        const percent = total ? (loaded / total) * 100 : 0;
        status.setProgress(percent);
        status.say(localFailed ? LOCAL_FAILED : 'Uploading', `${formatBytes(loaded)} of ${formatBytes(total)} sent (${Math.floor(percent)} %)`);
      },
      uploaded: () => {
        uploaded = true;
        state.uploading = null;
        status.setProgress(100);
        status.say(localFailed ? LOCAL_FAILED : 'Checking', 'Uploaded (100 %). The server is reading the file…');
      },
    });
  } catch (e) {
    const outcome = await local;
    if (run.signal.aborted) return;
    if (!outcome.ok) status.fail(outcome.error);
    else if (ui.keepLocal.checked && /** @type {any} */ (e)?.code === 'aborted') {
      // the switch stopped the upload: the job, with no file, is left to expire
      status.hide();
      tracklist.origin('stopped');
    } else {
      status.notUploaded(e, uploaded);
      tracklist.origin(uploaded ? 'unchecked' : 'not-uploaded');
    }
    return;
  }
  const outcome = await local;
  if (!run.signal.aborted) await settle(run, job, outcome);
}

/**
 * Parses the file in the worker and shows its tracklist; the outcome, for the comparison.
 * @param {File} file
 * @param {AbortController} run
 * @param {'local' | 'preview'} origin
 * @returns {Promise<LocalOutcome>}
 */
async function readLocally(file, run, origin) {
  try {
    await converter.parse(file);
    const timed = await converter.time({}, true);
    if (!run.signal.aborted) tracklist.show(timed, origin, file.name);
    return { ok: true, result: timed.result };
  } catch (error) {
    return { ok: false, error };
  }
}

/**
 * The server has answered: the preview is confirmed, or the server's answer replaces it.
 * @param {AbortController} run
 * @param {any} job
 * @param {LocalOutcome} local
 */
async function settle(run, job, local) {
  if (job.status !== 'done') {
    tracklist.clear();
    status.fail(jobError(job), local.ok ? 'This browser read the file, but the server could not; the server\'s answer stands.' : '');
    return;
  }
  // a done job without a result (its own options did not fit the file) opens its stored project
  const diff = local.ok && job.result ? differences(local.result, job.result) : [];
  if (local.ok && job.result && diff.length === 0) {
    status.hide();
    tracklist.origin('server');
    tracklist.share(job.jobId, linkLifetime(state.retention));
    return;
  }
  try {
    const timed = await openStoredProject(converter, job);
    if (run.signal.aborted) return;
    status.hide();
    tracklist.show(timed, 'adopted', job.fileName, !local.ok);
    tracklist.notice(local.ok
      ? `The server's result differs from this browser's preview (${diff.join('; ')}), so the server's is shown.`
      : `This browser could not read the file (${/** @type {Error} */ (local.error).message}); the server could, and its result is shown.`);
    tracklist.share(job.jobId, linkLifetime(state.retention));
  } catch (e) {
    if (!run.signal.aborted) status.fail(e);
  }
}

/**
 * Opens a shared link's stored project (/?job=ID): the same tracklist, timeline and exports, no file.
 * @param {string} jobId
 */
async function openLink(jobId) {
  const run = begin(false);
  status.show('Opening the link', '', 'Fetching the stored tracklist…', false);
  try {
    const job = await doneJob(jobId, run.signal, (now) => status.say('Opening the link', now === 'waiting-upload'
      ? 'The file for this link has not been uploaded yet; waiting for it…'
      : 'The server is still reading this project…'));
    const timed = await openStoredProject(converter, job);
    if (run.signal.aborted) return;
    status.hide();
    tracklist.show(timed, 'link', job.fileName);
    tracklist.share(jobId, linkLifetime(state.retention));
  } catch (e) {
    if (run.signal.aborted) return;
    status.fail(linkError(e, retentionText(state.retention)));
  }
}

/** Ends what was shown (file, link, worker) and starts afresh. @param {boolean} [clearLink] */
function begin(clearLink = true) {
  state.run?.abort();
  state.run = new AbortController();
  state.uploading = null;
  converter.reset();
  tracklist.clear();
  if (clearLink && location.search) history.replaceState(null, '', location.pathname);
  return state.run;
}

/** Takes lib's project kinds, the server's limit and retention, and the remembered switch. */
function setup() {
  buildMenus();
  $('intro').textContent = `Drop a project file — ${kindsText(kinds)} — and get its markers (or, without any, its arrangement clips) as an exact, timestamped tracklist, tempo ramps included.`;
  const extensions = kinds.flatMap((kind) => kind.extensions);
  $('kinds-short').textContent = extensions.length > 1 ? `${extensions.slice(0, -1).join(', ')} or ${extensions.at(-1)}` : extensions.join('');
  ui.file.accept = extensions.join(',');
  ui.keepLocal.checked = keepLocalRemembered();
  showKeepLocal();
  $('template').value = rememberedTemplate() ?? TEMPLATE_EXAMPLE;
  showTemplate();
  void readServerConfig().then((config) => {
    if (config.maxBytes) {
      state.maxUpload = config.maxBytes;
      $('limit-note').textContent = `Up to ${formatBytes(config.maxBytes)}.`;
    }
    state.retention = config.retention;
    const text = retentionText(config.retention);
    if (text) $('retention').textContent = `${text} Nobody can list results: one opens only with its link, which holds a random id.`;
  });
}

/** The template box is there while the template format is chosen. */
function showTemplate() {
  $('template-box').hidden = $('format').value !== 'template';
}

function showKeepLocal() {
  $('keep-local-on').hidden = !ui.keepLocal.checked;
  $('keep-local-off').hidden = ui.keepLocal.checked;
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
  ui.keepLocal.addEventListener('change', () => {
    rememberKeepLocal(ui.keepLocal.checked);
    showKeepLocal();
    if (ui.keepLocal.checked) state.uploading?.abort();
  });
  $('again').addEventListener('click', () => {
    begin();
    $('pick').classList.remove('compact');
    status.hide();
    ui.refusal.hidden = true;
    ui.drop.scrollIntoView({ block: 'center' });
    ui.file.focus();
    ui.file.click();
  });
  $('copy-link').addEventListener('click', () => {
    const say = (/** @type {string} */ text) => { $('share-status').textContent = text; };
    navigator.clipboard.writeText(location.href).then(() => say('Link copied.'), () => say('Copy the link from the address bar.'));
  });
  $('start').addEventListener('change', () => void tracklist.retime('start'));
  $('arrangement').addEventListener('change', () => void tracklist.retime('arrangement'));
  for (const { spec, control } of optionControls()) {
    control.addEventListener('change', () => (spec.stage === 'time' ? void tracklist.retime(spec.name) : tracklist.reexport(spec.name)));
  }
  $('format').addEventListener('change', () => {
    showTemplate();
    tracklist.reexport('format');
  });
  // the template re-exports as it is typed, and is remembered for the next visit
  $('template').addEventListener('input', () => {
    rememberTemplate($('template').value);
    tracklist.reexport('template');
  });
  for (const form of ['controls', 'export-controls']) $(form).addEventListener('submit', (/** @type {Event} */ e) => e.preventDefault());
  let width = 0;
  new ResizeObserver(() => {
    const w = $('timeline').clientWidth;
    if (w && Math.abs(w - width) > 4) { width = w; tracklist.redraw(); }
  }).observe($('timeline'));
}

setupToken();
setup();
wire();
const linked = new URLSearchParams(location.search).get('job');
if (linked) void openLink(linked);
document.documentElement.classList.add('ready');
