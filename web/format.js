// Pure helpers: sizes, the project kinds in words, refusals, download names, and what to try after an error.
// Times are lib's (formatClock in dawstamps.js); the project kinds are lib's reader registry (listFormats).

/** @typedef {{ label: string, extensions: string[] }} InputKind */

/**
 * A byte count for people, in binary units as file pickers show them: "812 KB", "3.4 MB".
 * @param {number} bytes
 * @returns {string}
 */
export function formatBytes(bytes) {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  const mb = bytes / (1024 * 1024);
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb)} MB`;
}

/**
 * The project kinds in words: "A (.a), B (.b) or C (.c)", from lib's labels.
 * @param {InputKind[]} kinds
 * @returns {string}
 */
export function kindsText(kinds) {
  const each = kinds.map((k) => `${k.label} (${k.extensions.join(', ')})`);
  return each.length > 1 ? `${each.slice(0, -1).join(', ')} or ${each.at(-1)}` : each.join('');
}

/**
 * Why a file cannot be converted, or null when it can.
 * @param {{ name: string, size: number }} file
 * @param {number} maxBytes
 * @param {InputKind[]} kinds
 * @returns {string | null}
 */
export function refuseReason(file, maxBytes, kinds) {
  const lower = file.name.toLowerCase();
  if (!kinds.some((kind) => kind.extensions.some((ext) => lower.endsWith(ext.toLowerCase())))) {
    return `"${file.name}" is not a project file dawstamps reads: ${kindsText(kinds)}. Pick the project file itself, not an audio file or an export.`;
  }
  if (file.size === 0) return `"${file.name}" is empty (0 bytes). Save the project again in your DAW and pick the new copy.`;
  if (file.size > maxBytes) {
    return `"${file.name}" is ${formatBytes(file.size)}; the limit is ${formatBytes(maxBytes)}. Projects are rarely this big: check that you picked the project file, not an archive or audio.`;
  }
  return null;
}

/** Control characters and bidi overrides (they can disguise an extension); what file systems refuse. */
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff\ufff9-\ufffb]/gu;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const RESERVED = /[<>:"/\\|?*]/g;

/** @param {string} name @param {number} max code points, keeping a short extension */
function cut(name, max) {
  const chars = Array.from(name);
  if (chars.length <= max) return name;
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
  return chars.slice(0, max - Array.from(ext).length).join('').trimEnd() + ext;
}

/**
 * A download's name, as the API names its downloads (functions/jobs/file-name.ts
 * downloadBaseName): the project's name as written, without its extension (Unicode kept;
 * control, bidi and path-unsafe characters replaced; at most 80 characters), then the format's
 * extension. One function, so the page follows when the API's naming changes.
 * @param {string | null} projectName
 * @param {string} extension without the leading dot (`cue`, `youtube.txt`)
 * @returns {string}
 */
export function downloadName(projectName, extension) {
  const last = (projectName ?? '').replace(LONE_SURROGATE, '\ufffd').normalize('NFC').split(/[\\/]/).pop() ?? '';
  const kept = cut(last.replace(INVISIBLE, '_').replace(/^[.\s]+/, '').trim(), 120) || 'upload';
  const base = cut(kept.replace(/\.[^.]*$/, '').replace(RESERVED, '_'), 80).replace(/^[\s._]+|[\s._]+$/g, '');
  return `${base && projectName ? base : 'tracklist'}.${extension.replace(/^\.+/, '') || 'txt'}`;
}

/**
 * The timing model in words.
 * @param {{ model: string, step: number | null }} timing
 * @returns {string}
 */
export function timingName(timing) {
  if (timing.model === 'continuous') return 'Continuous (the exact integral of the tempo curve)';
  const step = timing.step ? ` in steps of 1/${Math.round(1 / timing.step)} beat` : '';
  return `Stepped (the tempo is held${step}, as the DAW plays it)`;
}

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
  'network-error': 'Check your connection and try again. The tracklist made in this browser stays usable.',
  unauthorized: 'Ask whoever runs this server for the API token, then drop the file again — or keep the project on this computer.',
  'upload-expired': 'Drop the file again: a new upload permission is made each time.',
  'job-not-found': 'The link is incomplete, or its result is no longer kept. Convert the project again.',
  'invalid-job-id': 'The link is incomplete: copy it again, whole.',
  'project-expired': 'The result is no longer kept. Convert the project again.',
  'out-of-memory': 'Close other tabs and try again, or turn off "Keep my project on this computer" to let the server read it.',
};

/**
 * A sentence on what to try after an error with this code.
 * @param {string} code
 * @param {InputKind[]} kinds the project kinds dawstamps reads
 * @returns {string}
 */
export function hintFor(code, kinds) {
  if (code === 'not-a-project') return `Pick the project file itself: ${kindsText(kinds)}, not an audio file, a backup or a template.`;
  return HINTS[/** @type {keyof typeof HINTS} */ (code)] ?? 'Try again. If it keeps failing, save the project again in your DAW and upload that copy.';
}
