// The form's options as lib takes them (timeProject's and exportResult's), and back.
import { optionControls } from './menus.js';

/** Time options that change which entries the tracklist has (a new list of start points, from beat 0 again). */
export const ENTRY_OPTIONS = new Set(['source', 'arrangement', 'includeDisabledClips', 'includeMutedTracks', 'clipAnchor']);

/** @param {string} id @returns {any} */
const $ = (id) => document.getElementById(id);

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
      if (control.value !== '' && control.value !== spec.default) out[spec.name] = control.value;
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
