// The result view: summary, warnings, timeline, table and export of the project the worker holds,
// re-timed in the worker on every change of option (no request), and where it came from.
import { setupExport } from './export.js';
import { ENTRY_OPTIONS, clipsInPlay, readOptions, resetOptions, restore, snapshot } from './options.js';
import { drawTimeline } from './timeline.js';
import { renderArrangements, renderStartOptions, renderSummary, renderTable, renderWarnings } from './view.js';

/** @param {string} id @returns {any} */
const $ = (id) => document.getElementById(id);

/** Where the shown tracklist comes from, in words. */
const ORIGINS = {
  preview: 'Preview, made in this browser — the server is checking it',
  server: 'Checked by the server',
  adopted: 'The server\'s result',
  local: 'Made in this browser — nothing was uploaded',
  stopped: 'Made in this browser — the upload was stopped; the server keeps nothing of it',
  'not-uploaded': 'Made in this browser — not uploaded',
  unchecked: 'Made in this browser — not checked by the server',
  link: 'Opened from its link',
};

/** @typedef {keyof typeof ORIGINS} Origin */

/**
 * The result view over the local converter.
 * @param {ReturnType<typeof import('./converter.js').createConverter>} converter
 */
export function createTracklist(converter) {
  const section = $('result');
  const start = /** @type {HTMLSelectElement} */ ($('start'));
  const optionsError = $('options-error');
  const timeline = $('timeline');
  const state = {
    /** @type {import('./converter.js').Timed | null} */
    timed: null,
    /** @type {string | null} */
    fileName: null,
    /** The time options of what is shown. @type {Record<string, unknown>} */
    timeOptions: {},
    /** The controls as they were for what is shown (put back when a change is refused). */
    shown: /** @type {ReturnType<typeof snapshot>} */ (new Map()),
    seq: 0,
  };
  const exporter = setupExport(converter, () => (state.timed ? { timeOptions: state.timeOptions, exportOptions: readOptions('export'), fileName: state.fileName } : null));

  /** The table's times, in the export's precision and rounding. */
  const renderTimes = () => {
    if (!state.timed) return;
    const { precision, rounding } = /** @type {any} */ (readOptions('export'));
    renderTable(section.querySelector('#markers tbody'), state.timed.result, { precision, rounding });
  };

  /** The clip options are shown while clips are (or, chosen, would be) the source. */
  const showClipOptions = () => {
    $('clip-options').hidden = !clipsInPlay($('source').value, state.timed?.result.markerSource);
  };

  const redraw = () => {
    if (!state.timed || section.hidden) return;
    drawTimeline(timeline, state.timed.result, state.timed.curve, timeline.clientWidth, (text) => {
      $('timeline-focus').textContent = text ?? '';
    });
  };

  /** @param {import('./converter.js').Timed} timed */
  const render = (timed) => {
    state.timed = timed;
    showClipOptions();
    renderSummary($('summary'), timed.result);
    renderWarnings($('warning-list'), timed.result.warnings, $('warnings'));
    renderTimes();
    redraw();
  };

  return {
    /**
     * Shows a new project's tracklist with every option back at its default.
     * @param {import('./converter.js').Timed} timed
     * @param {Origin} origin
     * @param {string | null} fileName what downloads are named after
     * @param {boolean} [focus] move the focus to the tracklist's heading
     */
    show(timed, origin, fileName, focus = true) {
      $('pick').classList.add('compact');
      section.hidden = false;
      optionsError.hidden = true;
      resetOptions();
      start.replaceChildren();
      renderStartOptions(start, timed.starts ?? []);
      renderArrangements($('arrangement-field'), $('arrangement'), timed.result);
      state.fileName = fileName;
      state.timeOptions = {};
      state.shown = snapshot();
      state.seq++;
      render(timed);
      this.origin(origin);
      if (focus) $('result-title').focus();
      void exporter.refresh();
    },

    /** Hides the view and forgets what it showed. */
    clear() {
      state.timed = null;
      state.seq++;
      section.hidden = true;
      $('notice').hidden = true;
      $('share').hidden = true;
      optionsError.hidden = true;
    },

    /** @param {Origin} origin */
    origin(origin) {
      section.dataset.origin = origin;
      $('origin').textContent = ORIGINS[origin];
    },

    /** A sentence above the tracklist (the server's result replaced the preview). @param {string} text */
    notice(text) {
      $('notice').textContent = text;
      $('notice').hidden = false;
    },

    /**
     * The address becomes the result's link, shown with how long it works.
     * @param {string} jobId
     * @param {string | null} lifetime ("for 7 days")
     */
    share(jobId, lifetime) {
      history.replaceState(null, '', `/?job=${encodeURIComponent(jobId)}`);
      const link = $('share-link');
      link.href = location.href;
      link.textContent = location.href;
      $('share-note').textContent = `Anyone with this link can open the tracklist${lifetime ? ` ${lifetime}` : ''}; nobody can find it without.`;
      $('share').hidden = false;
    },

    /**
     * Re-times for the form's options, in the worker. Options that change the entries start from
     * beat 0 again with new start points. A refused change says why and puts the form back; the
     * sentence goes with the next change.
     * @param {string} changed the option's name
     */
    async retime(changed) {
      optionsError.hidden = true;
      if (!state.timed) return;
      const seq = ++state.seq;
      if (ENTRY_OPTIONS.has(changed)) start.value = 'zero';
      if (changed === 'source') showClipOptions();
      const options = readOptions('time');
      try {
        const timed = await converter.time(options, changed !== 'start');
        if (seq !== state.seq) return;
        if (timed.starts) renderStartOptions(start, timed.starts);
        state.timeOptions = options;
        state.shown = snapshot();
        render(timed);
        void exporter.refresh();
      } catch (e) {
        if (seq !== state.seq || /** @type {any} */ (e)?.code === 'aborted') return;
        optionsError.textContent = e instanceof Error ? e.message : 'The tracklist could not be re-timed.';
        optionsError.hidden = false;
        restore(state.shown);
        showClipOptions();
      }
    },

    /** An export option changed: the table's clock (precision, rounding) and the preview. @param {string} changed */
    reexport(changed) {
      optionsError.hidden = true;
      if (changed === 'precision' || changed === 'rounding') renderTimes();
      void exporter.refresh();
    },

    redraw,
  };
}
