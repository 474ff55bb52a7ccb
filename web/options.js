// The option controls, made from lib's option table (OPTION_SPECS) and export registry: the page
// types no list of values and no label. index.html places the controls it lays out itself (the
// option's flag as the element's id, its name as the name); any other option — one added to lib
// later — gets a control of its kind under "More … options", labelled with its description. Then
// the form's options as lib takes them (timeProject's and exportResult's), and back.
import { OPTION_SPECS, exportFormats } from './dawstamps.js';

/** @typedef {(typeof OPTION_SPECS)[number]} Spec */

/** Options with controls of their own making (the set's start points, its arrangements). */
const OWN_CONTROLS = new Set(['start', 'arrangement']);

/** @param {string} id @returns {any} */
const $ = (id) => document.getElementById(id);

/**
 * The control of an option: index.html's, by the option's flag as its id and its name; else the
 * one made for it (`option-<flag>`, so an option can never take another element's id).
 * @param {Spec} spec
 * @returns {any}
 */
function controlOf(spec) {
  const placed = $(spec.flag);
  return placed && placed.name === spec.name ? placed : $(`option-${spec.flag}`);
}

/** The options the page offers as controls, with each control. */
export function optionControls() {
  return /** @type {Array<{ spec: Spec, control: any }>} */ (OPTION_SPECS.filter((s) => !OWN_CONTROLS.has(s.type)).map((spec) => ({ spec, control: controlOf(spec) })));
}

/**
 * What lib's option table calls a value of a choice (the `source` option's `clips`: "Arrangement
 * clips (one entry per song)"); the value itself when the table has no label for it.
 * @param {string} name the option's name
 * @param {string} value
 * @returns {string}
 */
export function optionLabel(name, value) {
  const spec = OPTION_SPECS.find((s) => s.name === name);
  const labels = spec?.type === 'choice' ? /** @type {Record<string, string>} */ (spec.labels) : {};
  return (Object.hasOwn(labels, value) ? labels[value] : undefined) ?? value;
}

/** Makes every option's control (and fills the format menu and the source's note); call once. */
export function buildMenus() {
  for (const spec of OPTION_SPECS) {
    if (OWN_CONTROLS.has(spec.type)) continue;
    const control = controlOf(spec) ?? addControl(spec);
    control.dataset.option = spec.name;
    control.dataset.stage = spec.stage;
    if (spec.type === 'choice') fillChoice(control, spec);
  }
  for (const id of ['more-time', 'more-export']) $(id).hidden = $(id).querySelector('.controls').children.length === 0;
  $('format').replaceChildren(...exportFormats.map((f) => new Option(f.label, f.id)));
  const source = OPTION_SPECS.find((s) => s.name === 'source');
  $('source-note').textContent = `${source?.description ?? ''} A change of source starts from beat 0 again.`.trim();
  resetOptions();
}

/** Puts every control back to its option's default (a fresh result). */
export function resetOptions() {
  for (const { spec, control } of optionControls()) {
    if (spec.type === 'flag') control.checked = spec.default;
    else if (spec.type === 'choice') control.value = 'default' in spec ? spec.default : '';
  }
}

/**
 * A choice's menu: its values with lib's labels; "Default" first when leaving it out means
 * something of its own (rounding: by precision).
 * @param {HTMLSelectElement} select
 * @param {Extract<Spec, { type: 'choice' }>} spec
 */
function fillChoice(select, spec) {
  const labels = /** @type {Record<string, string>} */ (spec.labels);
  const options = spec.values.map((v) => new Option(labels[v] ?? v, v));
  if (!('default' in spec)) options.unshift(new Option('Default', ''));
  select.replaceChildren(...options);
}

/**
 * A control for an option index.html does not place, in its stage's "More" box.
 * @param {Spec} spec
 * @returns {HTMLElement}
 */
function addControl(spec) {
  const box = $(spec.stage === 'time' ? 'more-time' : 'more-export').querySelector('.controls');
  const label = document.createElement('label');
  /** @type {HTMLInputElement | HTMLSelectElement} */
  let control;
  if (spec.type === 'choice') control = document.createElement('select');
  else {
    control = document.createElement('input');
    control.type = spec.type === 'flag' ? 'checkbox' : 'text';
    if ('maxLength' in spec) control.maxLength = spec.maxLength;
  }
  control.id = `option-${spec.flag}`;
  control.name = spec.name;
  if (spec.type === 'flag') {
    label.className = 'check';
    label.append(control, ` ${spec.description}`);
  } else label.append(spec.description, control);
  box.append(label);
  return control;
}

/** Time options that change which entries the tracklist has (a new list of start points, from beat 0 again). */
export const ENTRY_OPTIONS = new Set(['source', 'arrangement', 'includeDisabledClips', 'includeMutedTracks', 'clipAnchor']);

/**
 * The options of one stage the form shows now; defaults are left out (lib then warns about
 * nothing it was not asked).
 * @param {'time' | 'export'} stage
 * @returns {Record<string, unknown>}
 */
export function readOptions(stage) {
  /** @type {Record<string, unknown>} */
  const out = {};
  for (const { spec, control } of optionControls()) {
    if (spec.stage !== stage) continue;
    if (spec.type === 'flag') {
      if (control.checked !== spec.default) out[spec.name] = control.checked;
    } else if (spec.type === 'choice') {
      if (control.value !== '' && !('default' in spec && control.value === spec.default)) out[spec.name] = control.value;
    } else if (control.value.trim() !== '') out[spec.name] = control.value.trim();
  }
  if (stage === 'time') {
    if ($('start').value && $('start').value !== 'zero') out.start = $('start').value;
    if (!$('arrangement-field').hidden && $('arrangement').value !== '') out.arrangement = Number($('arrangement').value);
  }
  return out;
}

/**
 * What every control shows now, to put back when a change is refused.
 * @returns {Map<HTMLInputElement | HTMLSelectElement, string | boolean>}
 */
export function snapshot() {
  const controls = [...optionControls().map((c) => c.control), $('start'), $('arrangement')];
  return new Map(controls.map((c) => [c, c.type === 'checkbox' ? c.checked : c.value]));
}

/** @param {Map<HTMLInputElement | HTMLSelectElement, string | boolean>} shot */
export function restore(shot) {
  for (const [control, value] of shot) {
    if (typeof value === 'boolean') /** @type {HTMLInputElement} */ (control).checked = value;
    else control.value = value;
  }
}

/**
 * Whether the clip options matter: clips are chosen, or "automatic" picked them for this set.
 * @param {string} source the form's source
 * @param {string | undefined} used the result's markerSource
 */
export function clipsInPlay(source, used) {
  return source === 'clips' || (source === 'auto' && used === 'clips');
}
