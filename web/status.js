// The status box above the tracklist: reading, upload progress, and failures with what to try.
import { kindsText } from './refuse.js';

/** What to try, by error code. */
const HINTS = {
  'empty-file': 'The file has no bytes — it may not have finished copying. Save the project again and pick the new file.',
  'corrupt-file': 'The file looks damaged. Open it in your DAW, save it under a new name, and try that copy.',
  'unsupported-version': 'This DAW version cannot be read yet. Open the project in a newer version, save it, and try again.',
  'unsupported-format': 'Save the project in your DAW\'s current project format and try again.',
  'invalid-option': 'Pick a different start point or timing model.',
  'file-too-large': 'Save a copy of the project without embedded audio, or remove unused tracks, and try that.',
  'inflated-too-large': 'The project is unusually large once unpacked. Remove unused tracks and devices, save a copy, and try that.',
  'unsafe-xml': 'This file is not a project as your DAW saves it. Save it again from your DAW and try that copy.',
  'xml-too-deep': 'This file is not a project as your DAW saves it. Save it again from your DAW and try that copy.',
  'value-too-long': 'The file holds a value far longer than a real project would. Save it again from your DAW and try that copy.',
  'too-many-markers': 'The project has more markers than we convert. Remove markers you do not need and try again.',
  'too-many-breakpoints': 'The tempo automation has too many points. Simplify it and try again.',
  'too-many-events': 'The project is larger than we convert. Remove unused patterns or channels and try again.',
  timeout: 'The conversion took too long. Try again in a moment; if it happens again, try a smaller copy of the project.',
  'export-failed': 'Pick another export format.',
  'network-error': 'Check your connection and try again.',
  'internal-error': 'Try again in a moment: the server had a problem of its own.',
  'upload-failed': 'Try again in a moment. If it keeps failing, keep the project on this computer: the tracklist is made in this browser either way.',
  unauthorized: 'Ask whoever runs this server for the API token, then drop the file again — or keep the project on this computer.',
  'upload-expired': 'Drop the file again: a new upload permission is made each time.',
  'job-not-found': 'The link is incomplete, or its result is no longer kept. Convert the project again.',
  'invalid-job-id': 'The link is incomplete: copy it again, whole.',
  'link-expired': 'Convert the project again to get a new link.',
  'link-unreachable': 'Check your connection, then reload the page: the link opens once the server answers.',
  'project-expired': 'The result is no longer kept. Convert the project again.',
  'out-of-memory': 'Close other tabs and try again, or turn off "Keep my project on this computer" to let the server read it.',
  'converter-failed': 'Reload the page. If it keeps failing, turn off "Keep my project on this computer" to let the server read the file.',
};

/**
 * A sentence on what to try after an error with this code.
 * @param {string} code
 * @param {Array<{ label: string, extensions: string[] }>} kinds the project kinds dawstamps reads
 * @returns {string}
 */
export function hintFor(code, kinds) {
  if (code === 'not-a-project') return `Pick the project file itself: ${kindsText(kinds)}, not an audio file, a backup or a template.`;
  if (/^http-5\d\d$/.test(code)) return HINTS['internal-error'];
  return HINTS[/** @type {keyof typeof HINTS} */ (code)] ?? 'Try again. If it keeps failing, save the project again in your DAW and upload that copy.';
}

/** @param {string} id @returns {any} */
const $ = (id) => document.getElementById(id);

/**
 * The status box's parts; `kinds` (lib's reader list) words the hints.
 * @param {Array<{ label: string, extensions: string[] }>} kinds
 */
export function createStatus(kinds) {
  const box = $('status');
  const title = $('status-title');
  const text = $('status-text');
  const progress = /** @type {HTMLProgressElement} */ ($('progress'));
  const failure = $('failure');

  /** @param {number} percent */
  const setProgress = (percent) => {
    const value = Math.max(0, Math.min(100, Math.round(percent)));
    progress.setAttribute('value', String(value));
    progress.setAttribute('aria-valuetext', `${value} %`);
  };

  /** An error's message, what to try and its code. @param {unknown} e */
  const showError = (e) => {
    const err = /** @type {any} */ (e);
    const code = typeof err?.code === 'string' ? err.code : 'error';
    const message = err instanceof Error && code !== 'error' ? err.message : 'Something went wrong in the page. Reload it and try again.';
    box.hidden = false;
    box.classList.add('failed');
    failure.hidden = false;
    $('failure-message').textContent = message;
    $('failure-hint').textContent = `What to try: ${hintFor(code, kinds)}`;
    $('failure-code').textContent = code;
  };

  return {
    setProgress,
    showError,
    /**
     * @param {string} heading
     * @param {string} fileLine
     * @param {string} sentence
     * @param {boolean} withProgress
     */
    show(heading, fileLine, sentence, withProgress) {
      box.hidden = false;
      box.classList.remove('failed');
      failure.hidden = true;
      progress.hidden = !withProgress;
      setProgress(0);
      title.textContent = heading;
      $('status-file').textContent = fileLine;
      text.textContent = sentence;
    },
    /** @param {string} heading @param {string} [sentence] */
    say(heading, sentence) {
      title.textContent = heading;
      if (sentence !== undefined) text.textContent = sentence;
    },
    /** A failure that ends this file or link (focus moves to it). @param {unknown} e @param {string} [sentence] */
    fail(e, sentence = '') {
      showError(e);
      title.textContent = 'That did not work';
      text.textContent = sentence;
      progress.hidden = true;
      title.setAttribute('tabindex', '-1');
      title.focus();
    },
    /**
     * The server could not take the file (`uploaded` false) or could not be asked for its result
     * (`uploaded` true), but the tracklist made in this browser stands.
     * @param {unknown} e
     * @param {boolean} uploaded
     */
    notUploaded(e, uploaded) {
      showError(e);
      title.textContent = uploaded ? 'Not checked by the server' : 'Not uploaded';
      text.textContent = uploaded
        ? 'The file was uploaded, but the server\'s answer could not be read. The tracklist below was made in this browser and works as it is; there is no link to share.'
        : 'The tracklist below was made in this browser and works as it is; without the upload there is no link to share.';
      progress.hidden = true;
    },
    hide() {
      box.hidden = true;
    },
  };
}
