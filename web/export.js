// The export panel: lib's exporters in this browser (the worker), a live preview, copy with one click, download.
import { downloadBaseName } from './dawstamps.js';
import { renderWarnings } from './view.js';

/**
 * Wires the export controls; `refresh()` remakes the preview for the shown result.
 * @param {{ exportAs: (options: Record<string, unknown>, format: string, exportOptions: Record<string, unknown>) => Promise<any> }} converter
 * @param {() => ({ timeOptions: Record<string, unknown>, exportOptions: Record<string, unknown>, fileName: string | null } | null)} current
 * @returns {{ refresh: () => Promise<void> }}
 */
export function setupExport(converter, current) {
  const select = /** @type {HTMLSelectElement} */ (document.getElementById('format'));
  const preview = /** @type {HTMLTextAreaElement} */ (document.getElementById('preview'));
  const warnings = /** @type {HTMLElement} */ (document.getElementById('export-warning-list'));
  const templateInput = /** @type {HTMLInputElement} */ (document.getElementById('template'));
  const status = /** @type {HTMLElement} */ (document.getElementById('action-status'));
  let seq = 0;
  /** What the exporter made the current preview as (media type, file extension). */
  let made = { mediaType: '', extension: '', fileName: /** @type {string | null} */ (null) };

  const say = (/** @type {string} */ text) => {
    status.textContent = text;
  };

  const refresh = async () => {
    const shown = current();
    if (!shown) return;
    const mine = ++seq;
    const format = select.value;
    say('');
    try {
      // the template belongs to the template format alone (a half-typed one must not stop the others)
      const { template, ...others } = shown.exportOptions;
      const file = await converter.exportAs(shown.timeOptions, format, format === 'template' ? shown.exportOptions : others);
      if (mine !== seq) return;
      preview.value = file.text;
      preview.dataset.format = format;
      made = { mediaType: file.mediaType, extension: file.extension, fileName: shown.fileName };
      renderWarnings(warnings, file.warnings);
      templateInput.removeAttribute('aria-invalid');
    } catch (e) {
      const code = /** @type {any} */ (e)?.code;
      if (mine !== seq || code === 'aborted') return;
      preview.value = '';
      preview.dataset.format = '';
      renderWarnings(warnings, [{ code: 'error', message: e instanceof Error ? e.message : 'The export could not be made.' }]);
      // the template exporter refuses only its template (invalid-option)
      if (format === 'template' && code === 'invalid-option') templateInput.setAttribute('aria-invalid', 'true');
      else templateInput.removeAttribute('aria-invalid');
    }
  };

  const copy = async () => {
    const text = preview.value;
    try {
      await navigator.clipboard.writeText(text);
      say('Copied to the clipboard.');
      return;
    } catch {
      // no clipboard permission or API: fall back to selecting the text
    }
    preview.focus();
    preview.select();
    let copied = false;
    try {
      copied = document.execCommand('copy');
    } catch {
      copied = false;
    }
    say(copied ? 'Copied to the clipboard.' : 'The text is selected: press Ctrl+C (or ⌘C) to copy it.');
  };

  const download = () => {
    if (!made.extension) return;
    // named as the API names its downloads
    const name = `${downloadBaseName(made.fileName)}.${made.extension}`;
    const url = URL.createObjectURL(new Blob([preview.value], { type: made.mediaType }));
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    say(`Saved as ${name}.`);
  };

  document.getElementById('copy')?.addEventListener('click', () => void copy());
  document.getElementById('download')?.addEventListener('click', download);
  return { refresh };
}
