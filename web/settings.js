// What the server says about itself: upload limit, retention (GET /v1/config), project kinds (GET /v1/formats).
import { loadFormats } from './formats.js';

/**
 * The upload limit and a retention sentence; nulls when the server does not say (the page keeps its defaults).
 * /v1/config is public, so this never asks for the API token.
 * @returns {Promise<{ maxBytes: number | null, retention: string | null }>}
 */
export async function readServerConfig() {
  try {
    const res = await fetch('/v1/config', { headers: { Accept: 'application/json' } });
    if (!res.ok) return { maxBytes: null, retention: null };
    const config = await res.json();
    const maxBytes = typeof config.maxUploadBytes === 'number' && config.maxUploadBytes > 0 ? config.maxUploadBytes : null;
    return { maxBytes, retention: retentionText(config.retention) };
  } catch {
    return { maxBytes: null, retention: null };
  }
}

/**
 * The project kinds the server reads, or null when the list cannot be had.
 * @returns {Promise<Array<{ label: string, extensions: string[] }> | null>}
 */
export async function readInputs() {
  try {
    const { inputs } = await loadFormats();
    return inputs.length > 0 ? inputs : null;
  } catch {
    return null;
  }
}

/**
 * How long this server keeps files, in a sentence (null: keep the page's default sentence).
 * @param {any} r `{ uploadsDays, resultsDays }`, null days meaning "until deleted"
 * @returns {string | null}
 */
export function retentionText(r) {
  if (!r || typeof r !== 'object') return null;
  const { uploadsDays: uploads, resultsDays: results } = r;
  if (typeof uploads === 'number' && typeof results === 'number') {
    return `Your upload is deleted after ${plural(uploads, 'day')} and its result after ${plural(results, 'day')}.`;
  }
  if (uploads === null && results === null) {
    return 'This server keeps uploads and results in its own data folder until its operator deletes them (the hosted version deletes uploads after 1 day and results after 7 days).';
  }
  return null;
}

/** @param {number} n @param {string} word */
function plural(n, word) {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
