// The option controls, made from lib's option table (OPTION_SPECS) and export registry: the page
// types no list of values. index.html places the controls it lays out itself (the option's flag
// as the element's id, its name as the name); any other option — one added to lib later — gets a
// control of its kind under "More … options", labelled with its description.
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

/** Makes every option's control (and fills the format menu); call once. */
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
  resetOptions();
}

/** Puts every control back to its option's default (a fresh result). */
export function resetOptions() {
  for (const { spec, control } of optionControls()) {
    if (spec.type === 'flag') control.checked = spec.default;
    else if (spec.type === 'choice') control.value = spec.default ?? '';
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
