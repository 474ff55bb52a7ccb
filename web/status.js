// The status box above the tracklist: reading, upload progress, and failures with what to try.
import { hintFor } from './format.js';

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
    /** The upload failed but the tracklist made in this browser stands. @param {unknown} e */
    notUploaded(e) {
      showError(e);
      title.textContent = 'Not uploaded';
      text.textContent = 'The tracklist below was made in this browser and works as it is; without the upload there is no link to share.';
      progress.hidden = true;
    },
    hide() {
      box.hidden = true;
    },
  };
}
