// The page's Web Worker: lib (dawstamps.js, built from lib/ by build.mjs) parses the project here,
// off the page's thread, and keeps it; each message times or exports it with the options it brings.
// Messages: { id, type: 'parse' | 'load' | 'time' | 'export', ... } → { id, value } or { id, error: { code, message } }.
import { exportResult, isDawstampsError, parseProject, projectFromJson, startChoices, tempoVertices, timeProject } from './dawstamps.js';

/** @type {any} the parsed Project (lib's model; it holds class instances, so it never leaves the worker) */
let project = null;
/** @type {string | null} */
let fileName = null;

const handlers = {
  /** @param {{ file: File }} m */
  async parse({ file }) {
    project = null;
    project = await parseProject(file.stream());
    fileName = file.name;
  },
  /** @param {{ document: unknown, fileName: string | null }} m */
  load(m) {
    project = null;
    project = projectFromJson(m.document);
    fileName = m.fileName;
  },
  /** @param {{ options: Record<string, unknown>, starts: boolean }} m */
  time({ options, starts }) {
    const result = timed(options, false);
    const { from, to } = span(result);
    return {
      result,
      starts: starts ? startChoices(ready(), options) : undefined,
      curve: { from, to, vertices: tempoVertices(ready(), result, from, to) },
    };
  },
  /** @param {{ options: Record<string, unknown>, format: string, exportOptions: Record<string, unknown> }} m */
  export({ options, format, exportOptions }) {
    return exportResult(timed(options, true), format, exportOptions);
  },
};

/** @returns {any} */
function ready() {
  if (!project) throw Object.assign(new Error('No project has been read yet.'), { code: 'no-project' });
  return project;
}

/**
 * The result for these options. The page draws the tempo from tempoVertices, so its results leave
 * the breakpoints out (a set may hold 100,000); exports keep them (the JSON export lists them).
 * @param {Record<string, unknown>} options
 * @param {boolean} tempoPoints
 */
function timed(options, tempoPoints) {
  return timeProject(ready(), { ...options, fileName: fileName ?? undefined, tempoPoints });
}

/**
 * The span the timeline shows, in seconds from the start: from 0 (or the first entry, before it)
 * to the set's end, else a little past the last entry.
 * @param {any} result
 */
function span(result) {
  const markers = result.markers;
  const first = markers.length ? Math.min(0, markers[0].seconds) : 0;
  const last = markers.length ? markers[markers.length - 1].seconds : 0;
  const end = result.durationSeconds !== null && result.durationSeconds > last ? result.durationSeconds : last + Math.max(last - first, 1) * 0.08;
  return { from: first, to: Math.max(end, first + 1) };
}

// One message at a time, in order: a 'time' sent while a file is being read waits for it.
let queue = Promise.resolve();
self.onmessage = (/** @type {MessageEvent} */ e) => {
  const { id, type, ...args } = e.data;
  queue = queue.then(async () => {
    try {
      const handler = /** @type {any} */ (handlers)[type];
      if (!handler) throw new Error(`Unknown message ${type}.`);
      self.postMessage({ id, value: await handler(args) });
    } catch (error) {
      self.postMessage({ id, error: errorOf(error) });
    }
  });
};

/** lib's typed errors as they are; anything else as a sentence. @param {unknown} error */
function errorOf(error) {
  if (isDawstampsError(error)) return { code: error.code, message: error.message };
  const e = /** @type {any} */ (error);
  if (e && typeof e.code === 'string' && typeof e.message === 'string') return { code: e.code, message: e.message };
  if (e instanceof RangeError) return { code: 'out-of-memory', message: 'This browser ran out of memory reading the project.' };
  return { code: 'local-error', message: 'The project could not be read in this browser.' };
}
