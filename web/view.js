// Renders a result into the page. Everything from the file (names, versions) goes in as text only.
import { formatClock, listFormats, needsHours } from './dawstamps.js';
import { optionLabel } from './options.js';

/**
 * An element with text content (never parsed as HTML).
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {string} [text]
 * @param {string} [className]
 * @returns {HTMLElementTagNameMap[K]}
 */
export function h(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/**
 * The application that saved the project, as lib names it; else the kind of file and its version.
 * @param {{ daw: string, version: string | null, application?: string | null }} source
 */
function application(source) {
  if (source.application) return source.application;
  const kind = listFormats().find((f) => f.daw === source.daw)?.label ?? source.daw;
  return source.version ? `${kind}, version ${source.version}` : `${kind} (version unknown)`;
}

/**
 * The facts about the set: DAW, timing model and why, start, source, length.
 * @param {HTMLElement} dl
 * @param {any} result
 */
export function renderSummary(dl, result) {
  /** @type {Array<[string, string]>} */
  const rows = [
    ['Project', `${result.source.file ?? 'unnamed'} — ${application(result.source)}`],
    ['Timing model', `${timingName(result.timing)}. Why: ${result.timing.reason}`],
    ['Tempo', result.tempo.automated ? `automated, starting at ${round(result.tempo.initialBpm)} BPM` : `${round(result.tempo.initialBpm)} BPM throughout`],
    ['Times start at', result.start.label],
    ['Tracklist from', `${optionLabel('source', result.markerSource === 'clips' ? 'clips' : 'locators')}: ${plural(result.markers.length, result.markerSource === 'clips' ? 'song' : 'marker')}`],
  ];
  if (result.arrangement) rows.push(['Arrangement', result.arrangement.used.name || `#${result.arrangement.used.index}`]);
  if (result.durationSeconds !== null && result.durationSeconds !== undefined) rows.push(['Length', formatClock(result.durationSeconds)]);
  dl.replaceChildren(...rows.flatMap(([k, v]) => [h('dt', k), h('dd', v)]));
}

/** @param {number} v */
function round(v) {
  return String(Math.round(v * 100) / 100);
}

/**
 * The timing model as the timing menu names it (lib's option table), with a stepped model's step.
 * @param {{ model: string, step: number | null }} timing
 * @returns {string}
 */
function timingName(timing) {
  const step = timing.model === 'stepped' && timing.step ? `, in steps of 1/${Math.round(1 / timing.step)} beat` : '';
  return `${optionLabel('timing', timing.model)}${step}`;
}

/** @param {number} n @param {string} word */
function plural(n, word) {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * Warnings spelled out (hides the box when there are none).
 * @param {HTMLElement} list
 * @param {Array<{ code: string, message: string }>} warnings
 * @param {HTMLElement} [box] shown only when there are warnings
 */
export function renderWarnings(list, warnings, box = list) {
  list.replaceChildren(...warnings.map((w) => {
    const li = h('li', w.message);
    li.dataset.code = w.code;
    return li;
  }));
  box.hidden = warnings.length === 0;
}

/**
 * The tracklist table: number, time (lib's clock, in the chosen precision and rounding), name, bar.
 * @param {HTMLTableSectionElement} tbody
 * @param {any} result
 * @param {{ precision?: any, rounding?: any }} clock
 */
export function renderTable(tbody, result, clock) {
  const hours = needsHours(result.markers.map((/** @type {any} */ m) => m.seconds), clock.precision, clock.rounding);
  const rows = result.markers.map((/** @type {any} */ m, /** @type {number} */ i) => {
    const tr = h('tr');
    tr.dataset.seconds = String(m.seconds);
    tr.dataset.name = m.name;
    const time = h('td', formatClock(m.seconds, { ...clock, hours }), 'time');
    tr.append(h('td', String(i + 1), 'num'), time, h('td', m.name, 'name'), h('td', m.position, 'bar'));
    return tr;
  });
  if (rows.length === 0) {
    const tr = h('tr');
    const word = result.markerSource === 'locators' ? 'locator' : 'marker';
    const td = h('td', result.markerSource === 'clips'
      ? 'No songs: the arrangement has no audio clips to list (disabled clips and clips on muted tracks count only when included).'
      : `No markers: add a ${word} at each song in your DAW, save, and try again — or choose "Arrangement clips" under Tracklist from.`);
    td.colSpan = 4;
    tr.append(td);
    rows.push(tr);
  }
  tbody.replaceChildren(...rows);
}

/**
 * The start menu: what lib says this set offers (startChoices); keeps the chosen one when still offered.
 * @param {HTMLSelectElement} select
 * @param {Array<{ value: string, label: string }>} choices
 */
export function renderStartOptions(select, choices) {
  const keep = select.value;
  select.replaceChildren(...choices.map((c) => new Option(c.label, c.value)));
  select.value = choices.some((c) => c.value === keep) ? keep : 'zero';
}

/**
 * The arrangement menu, shown for projects with several arrangements.
 * @param {HTMLElement} field
 * @param {HTMLSelectElement} select
 * @param {any} result
 */
export function renderArrangements(field, select, result) {
  const all = result.arrangement?.all ?? [];
  field.hidden = all.length < 2;
  select.replaceChildren(...all.map((/** @type {any} */ a) => new Option(a.name ? `${a.name} (#${a.index})` : `#${a.index}`, String(a.index))));
  if (result.arrangement) select.value = String(result.arrangement.used.index);
}
