// Renders a result into the page. Everything from the file (names, versions) goes in as text only.
import { dawName, formatTime, timingName } from './format.js';

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
 * The facts about the set: DAW, timing model and why, start, source, length.
 * @param {HTMLElement} dl
 * @param {any} result
 */
export function renderSummary(dl, result) {
  /** @type {Array<[string, string]>} */
  const rows = [
    ['Project', `${result.source.file ?? 'unnamed'} — ${dawName(result.source)}`],
    ['Timing model', `${timingName(result.timing)}. Why: ${result.timing.reason}`],
    ['Tempo', result.tempo.automated ? `automated, starting at ${round(result.tempo.initialBpm)} BPM` : `${round(result.tempo.initialBpm)} BPM throughout`],
    ['Times start at', result.start.label],
    ['Tracklist from', `${sourceName(result.markerSource)}: ${plural(result.markers.length, result.markerSource === 'clips' ? 'song' : 'marker')}`],
  ];
  if (result.arrangement) rows.push(['Arrangement', result.arrangement.used.name || `#${result.arrangement.used.index}`]);
  if (result.durationSeconds !== null && result.durationSeconds !== undefined) rows.push(['Length', formatTime(result.durationSeconds, 's')]);
  dl.replaceChildren(...rows.flatMap(([k, v]) => [h('dt', k), h('dd', v)]));
}

/** @param {number} v */
function round(v) {
  return String(Math.round(v * 100) / 100);
}

/** @param {string} source */
function sourceName(source) {
  return source === 'clips' ? 'Arrangement clips (one entry per song)' : source === 'markers' ? 'The project\'s markers' : 'Locators';
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
 * The tracklist table: number, time (in the chosen precision), name, bar position.
 * @param {HTMLTableSectionElement} tbody
 * @param {any} result
 * @param {'s'|'ms'} precision
 */
export function renderTable(tbody, result, precision) {
  const long = result.markers.some((/** @type {any} */ m) => Math.abs(m.seconds) >= 3600);
  const rows = result.markers.map((/** @type {any} */ m, /** @type {number} */ i) => {
    const tr = h('tr');
    tr.dataset.seconds = String(m.seconds);
    tr.dataset.name = m.name;
    const time = h('td', formatTime(m.seconds, precision, long), 'time');
    const name = m.name === '' ? h('td', '(no name)', 'name unnamed') : h('td', m.name, 'name');
    tr.append(h('td', String(i + 1), 'num'), time, name, h('td', m.position, 'bar'));
    return tr;
  });
  if (rows.length === 0) {
    const tr = h('tr');
    const td = h('td', result.markerSource === 'clips'
      ? 'No songs: the arrangement has no audio clips to list (disabled clips and clips on muted tracks count only when included).'
      : 'No markers: add locators (Ableton) or markers (FL Studio) at each song, save, and try again — or choose "Arrangement clips" under Tracklist from.');
    td.colSpan = 4;
    tr.append(td);
    rows.push(tr);
  }
  tbody.replaceChildren(...rows);
}

/**
 * The start choices: zero, song start, loop start, then each marker of the full tracklist.
 * Markers are chosen by beat (`beat:X`), which stays right whatever the start.
 * @param {HTMLSelectElement} select
 * @param {any[]} markers the tracklist measured from beat 0
 */
export function renderStartOptions(select, markers) {
  const options = [
    new Option('Beat 0 (the arrangement start)', 'zero'),
    new Option('The song start marker', 'song-start'),
    new Option('The loop start', 'loop'),
  ];
  markers.forEach((m, i) => {
    options.push(new Option(`Marker ${i + 1}: ${m.name} (${formatTime(m.seconds, 's')})`, `beat:${m.beat}`));
  });
  select.replaceChildren(...options);
  select.value = 'zero';
}

/**
 * The export format choices from the API's list (never a list of our own).
 * @param {HTMLSelectElement} select
 * @param {Array<{ id: string, label: string }>} formats
 */
export function renderFormats(select, formats) {
  const keep = select.value;
  select.replaceChildren(...formats.map((f) => new Option(f.label, f.id)));
  if (formats.some((f) => f.id === keep)) select.value = keep;
}
