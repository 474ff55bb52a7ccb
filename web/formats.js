// The formats the server reads and writes (GET /v1/formats): the page keeps no list of its own.
import { getJson } from './api.js';

/**
 * @typedef {{ id: string, label: string, mediaType?: string, extension?: string }} ExportFormatInfo
 * @typedef {{ daw: string, label: string, extensions: string[] }} InputFormatInfo
 * @typedef {{ inputs: InputFormatInfo[], exports: ExportFormatInfo[] }} Formats
 */

/** @type {Promise<Formats> | null} */
let loading = null;

/**
 * The server's format lists, fetched once (retried after a failure).
 * @returns {Promise<Formats>}
 */
export function loadFormats() {
  loading ??= getJson('/v1/formats').then((body) => ({
    inputs: (Array.isArray(body?.inputs) ? body.inputs : []).filter((/** @type {any} */ f) => f && Array.isArray(f.extensions)),
    exports: (Array.isArray(body) ? body : Array.isArray(body?.exports) ? body.exports : [])
      .filter((/** @type {any} */ f) => f && typeof f.id === 'string'),
  }), (e) => {
    loading = null;
    throw e;
  });
  return loading;
}
