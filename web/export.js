// The export panel: formats from the API, a live preview, copy with one click, download.
import { ApiError, request } from './api.js';
import { loadFormats } from './formats.js';
import { downloadName } from './format.js';
import { renderFormats, renderWarnings } from './view.js';

/**
 * @typedef {import('./formats.js').ExportFormatInfo} FormatInfo
 * @typedef {Record<string, string>} ExportChoice
 */

/**
 * Wires the export controls; `refresh()` reloads the preview for the current job and options.
 * @param {() => ({ jobId: string, fileName: string } | null)} currentJob
 * @param {() => ExportChoice} currentChoice
 * @returns {{ refresh: () => Promise<void> }}
 */
export function setupExport(currentJob, currentChoice) {
  const select = /** @type {HTMLSelectElement} */ (document.getElementById('format'));
  const fix = /** @type {HTMLInputElement} */ (document.getElementById('fix'));
  const preview = /** @type {HTMLTextAreaElement} */ (document.getElementById('preview'));
  const warnings = /** @type {HTMLElement} */ (document.getElementById('export-warnings'));
  const status = /** @type {HTMLElement} */ (document.getElementById('action-status'));
  /** @type {FormatInfo[]} */
  let formats = [];
  let seq = 0;
  /** What the server calls the current export (file name, media type). */
  let exported = { fileName: '', mediaType: '' };

  const ensureFormats = async () => {
    if (formats.length) return;
    formats = (await loadFormats()).exports;
    renderFormats(select, formats.map((f) => ({ id: f.id, label: f.label ?? f.id })));
  };

  const say = (/** @type {string} */ text) => {
    status.textContent = text;
  };

  const refresh = async () => {
    const job = currentJob();
    if (!job) return;
    const mine = ++seq;
    say('');
    try {
      await ensureFormats();
      const query = new URLSearchParams({ ...currentChoice(), fix: String(fix.checked), as: 'json' });
      const res = await request(`/v1/jobs/${encodeURIComponent(job.jobId)}/export/${encodeURIComponent(select.value)}?${query}`, {
        headers: { Accept: 'application/json' },
      });
      const file = await res.json();
      if (mine !== seq) return;
      preview.value = String(file.text ?? '');
      preview.dataset.format = select.value;
      exported = { fileName: String(file.fileName ?? ''), mediaType: String(file.mediaType ?? '') };
      renderWarnings(warnings, Array.isArray(file.warnings) ? file.warnings : []);
    } catch (e) {
      if (mine !== seq) return;
      preview.value = '';
      exported = { fileName: '', mediaType: '' };
      renderWarnings(warnings, [{ code: 'error', message: e instanceof ApiError ? e.message : 'The export could not be made.' }]);
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
    const job = currentJob();
    const info = formats.find((f) => f.id === select.value);
    const name = downloadName(exported.fileName || job?.fileName || null, exported.fileName ? '' : info?.extension ?? 'txt');
    const type = exported.mediaType || info?.mediaType || 'text/plain;charset=utf-8';
    const blob = new Blob([preview.value], { type });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    say(`Saved as ${name}.`);
  };

  select.addEventListener('change', () => void refresh());
  fix.addEventListener('change', () => void refresh());
  document.getElementById('copy')?.addEventListener('click', () => void copy());
  document.getElementById('download')?.addEventListener('click', download);
  return { refresh };
}
