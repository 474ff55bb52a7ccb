// Pure helpers: times, sizes, file names, DAW names, and what to try after an error.

/**
 * A time in seconds as m:ss (h:mm:ss past an hour); `ms` adds milliseconds.
 * Whole seconds round down (as the text export does); milliseconds round to nearest.
 * @param {number} seconds
 * @param {'s'|'ms'} precision
 * @param {boolean} [long] force h:mm:ss
 * @returns {string}
 */
export function formatTime(seconds, precision, long = false) {
  const sign = seconds < 0 ? '-' : '';
  const abs = Math.abs(seconds);
  const totalMs = precision === 'ms' ? Math.round(abs * 1000) : Math.floor(abs + 1e-9) * 1000;
  const ms = totalMs % 1000;
  const total = Math.floor(totalMs / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  const frac = precision === 'ms' ? `.${String(ms).padStart(3, '0')}` : '';
  if (h > 0 || long) return `${sign}${h}:${String(m).padStart(2, '0')}:${ss}${frac}`;
  return `${sign}${m}:${ss}${frac}`;
}

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
 * The project kinds accepted until the server's list (GET /v1/formats → inputs) has loaded.
 * @type {Array<{ label: string, extensions: string[] }>}
 */
export const DEFAULT_INPUTS = [
  { label: 'Ableton Live set', extensions: ['.als'] },
  { label: 'FL Studio project', extensions: ['.flp'] },
];

/**
 * Why a file cannot be sent, or null when it can.
 * @param {{ name: string, size: number }} file
 * @param {number} maxBytes
 * @param {Array<{ label: string, extensions: string[] }>} [inputs]
 * @returns {string | null}
 */
export function refuseReason(file, maxBytes, inputs = DEFAULT_INPUTS) {
  const lower = file.name.toLowerCase();
  if (!inputs.some((kind) => kind.extensions.some((ext) => lower.endsWith(ext.toLowerCase())))) {
    const kinds = inputs.map((kind) => `${kind.label} (${kind.extensions.join(', ')})`);
    return `"${file.name}" is not a project file dawstamps reads: ${kinds.join(' or ')}. Pick the project file itself, not an audio file or an export.`;
  }
  if (file.size === 0) return `"${file.name}" is empty (0 bytes). Save the project again in your DAW and pick the new copy.`;
  if (file.size > maxBytes) {
    return `"${file.name}" is ${formatBytes(file.size)}; the limit is ${formatBytes(maxBytes)}. Projects are rarely this big: check that you picked the project file, not an archive or audio.`;
  }
  return null;
}

/**
 * A safe download name: the project's base name plus the format's extension
 * (or, with an empty extension, a full name given by the server, made safe).
 * @param {string | null} projectName
 * @param {string} extension without the leading dot
 * @returns {string}
 */
export function downloadName(projectName, extension) {
  const base = (projectName ?? 'tracklist').replace(/\.(als|flp)$/i, '');
  const safe = base.replace(/[\u0000-\u001f\u007f"*/:<>?\\|]+/g, '_').replace(/^[.\s]+|[.\s]+$/g, '').slice(0, 120);
  const ext = extension.replace(/^\.+/, '');
  return ext ? `${safe || 'tracklist'}.${ext}` : safe || 'tracklist.txt';
}

/**
 * "Ableton Live 11.3.4" / "FL Studio 20.8".
 * @param {{ daw: string, version: string | null }} source
 * @returns {string}
 */
export function dawName(source) {
  const name = source.daw === 'ableton' ? 'Ableton Live' : source.daw === 'flstudio' ? 'FL Studio' : source.daw;
  return source.version ? `${name} ${source.version}` : `${name} (version unknown)`;
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
  'not-a-project': 'Pick the project file itself: an Ableton Live set (.als) or an FL Studio project (.flp), not an audio file, a backup or a template.',
  'corrupt-file': 'The file looks damaged. Open it in your DAW, save it under a new name, and try that copy.',
  'unsupported-version': 'This DAW version cannot be read yet. Open the project in a newer version, save it, and try again.',
  'unsupported-format': 'Save the project in your DAW\'s current project format and try again.',
  'invalid-option': 'Pick a different start point or timing model.',
  'file-too-large': 'Save a copy of the set without embedded audio, or remove unused tracks, and try that.',
  'inflated-too-large': 'The set is unusually large once unpacked. Remove unused tracks and devices, save a copy, and try that.',
  'unsafe-xml': 'This file is not a set saved by Ableton Live. Save it again from Live and try that copy.',
  'xml-too-deep': 'This file is not a set saved by Ableton Live. Save it again from Live and try that copy.',
  'value-too-long': 'The file holds a value far longer than a real set would. Save it again from your DAW and try that copy.',
  'too-many-markers': 'The project has more markers than we convert. Remove markers you do not need and try again.',
  'too-many-breakpoints': 'The tempo automation has too many points. Simplify it and try again.',
  'too-many-events': 'The project is larger than we convert. Remove unused patterns or channels and try again.',
  timeout: 'The conversion took too long. Try again in a moment; if it happens again, try a smaller copy of the project.',
  'export-failed': 'Pick another export format.',
  'network-error': 'Check your connection and try again.',
  unauthorized: 'Ask whoever runs this server for the API token, then drop the file again.',
  'upload-expired': 'Drop the file again: a new upload permission is made each time.',
};

/**
 * A sentence on what to try after an error with this code.
 * @param {string} code
 * @returns {string}
 */
export function hintFor(code) {
  return HINTS[/** @type {keyof typeof HINTS} */ (code)] ?? 'Try again. If it keeps failing, save the project again in your DAW and upload that copy.';
}
