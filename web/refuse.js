// Refusing a file before anything is read: its kind (from lib's reader registry, listFormats), its
// size against the limit, an empty file; with sizes and the project kinds in words.

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
