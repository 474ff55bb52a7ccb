// What the server says about itself (GET /v1/config: upload limit, retention), and what this
// browser remembers (the "keep my project on this computer" switch, the last template).

const KEEP_LOCAL_KEY = 'dawstamps-keep-local';
const TEMPLATE_KEY = 'dawstamps-template';

/**
 * The template the person last used (on a previous visit too); null when there is none.
 * @returns {string | null}
 */
export function rememberedTemplate() {
  try {
    return localStorage.getItem(TEMPLATE_KEY);
  } catch {
    return null;
  }
}

/** @param {string} text */
export function rememberTemplate(text) {
  try {
    localStorage.setItem(TEMPLATE_KEY, text);
  } catch {
    // storage unavailable: the template holds for this visit only
  }
}

/**
 * @typedef {{ uploads?: string, uploadsDays: number | null, resultsDays: number | null }} Retention
 * @typedef {{ maxBytes: number | null, retention: Retention | null }} ServerConfig
 */

/**
 * The upload limit and retention; nulls when the server does not say (the page keeps its defaults).
 * /v1/config is public, so this never asks for the API token.
 * @returns {Promise<ServerConfig>}
 */
export async function readServerConfig() {
  try {
    const res = await fetch('/v1/config', { headers: { Accept: 'application/json' } });
    if (!res.ok) return { maxBytes: null, retention: null };
    const config = await res.json();
    const maxBytes = typeof config.maxUploadBytes === 'number' && config.maxUploadBytes > 0 ? config.maxUploadBytes : null;
    const r = config.retention;
    return { maxBytes, retention: r && typeof r === 'object' ? r : null };
  } catch {
    return { maxBytes: null, retention: null };
  }
}

/**
 * What this server does with a project file and how long it keeps results, in a sentence
 * (null: keep the page's own sentence).
 * @param {unknown} retention GET /v1/config's `retention`
 * @returns {string | null}
 */
export function retentionText(retention) {
  if (!retention || typeof retention !== 'object') return null;
  const { uploads, resultsDays } = /** @type {Retention} */ (retention);
  const file = uploads === 'deleted-once-read'
    ? 'Your project file is deleted as soon as it has been read'
    : null;
  if (!file) return null;
  if (typeof resultsDays === 'number') return `${file}; its tracklist is kept for ${plural(resultsDays, 'day')}, so its link works that long.`;
  if (resultsDays === null) return `${file}; its tracklist stays in this server's data folder until its operator deletes it.`;
  return null;
}

/**
 * How long a shared link works, in a few words ("for 7 days"), or null when the server keeps results.
 * @param {unknown} retention
 * @returns {string | null}
 */
export function linkLifetime(retention) {
  const days = retention && typeof retention === 'object' ? /** @type {Retention} */ (retention).resultsDays : null;
  return typeof days === 'number' ? `for ${plural(days, 'day')}` : null;
}

/** @param {number} n @param {string} word */
function plural(n, word) {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Whether the person chose to keep projects on this computer (on a previous visit too). */
export function keepLocalRemembered() {
  try {
    return localStorage.getItem(KEEP_LOCAL_KEY) === 'on';
  } catch {
    return false;
  }
}

/** @param {boolean} on */
export function rememberKeepLocal(on) {
  try {
    localStorage.setItem(KEEP_LOCAL_KEY, on ? 'on' : 'off');
  } catch {
    // storage unavailable: the switch holds for this visit only
  }
}
