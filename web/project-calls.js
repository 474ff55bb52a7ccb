// The calls on one project, in lib (dawstamps.js, built from lib/ by build.mjs): read a file or a
// stored project, then time and export it with the options each call brings. The page's Web
// Worker (worker.js) runs them off the page's thread; the page runs them itself only for a stored
// project, already read by the server, when the worker cannot start (converter.js).
import { exportResult, isDawstampsError, parseProject, projectFromJson, startChoices, tempoVertices, timeProject } from './dawstamps.js';

/**
 * A project holder and the calls on it: parse, load, time, export.
 * @returns {Record<string, (args: any) => unknown>}
 */
export function createProjectCalls() {
  /** @type {any} the parsed Project (lib's model; it holds class instances, so it never leaves here) */
  let project = null;
  /** @type {string | null} */
  let fileName = null;

  /** @returns {any} */
  const ready = () => {
    if (!project) throw Object.assign(new Error('No project is open here: drop the file again.'), { code: 'no-project' });
    return project;
  };

  /**
   * The result for these options. The page draws the tempo from tempoVertices, so its results
   * leave the breakpoints out (a set may hold 100,000); exports keep them (the JSON export lists them).
   * @param {Record<string, unknown>} options
   * @param {boolean} tempoPoints
   */
  const timed = (options, tempoPoints) => timeProject(ready(), { ...options, fileName: fileName ?? undefined, tempoPoints });

  return {
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

/**
 * A failed call as the page shows it: lib's typed errors as they are; anything else as a sentence.
 * @param {unknown} error
 * @returns {{ code: string, message: string }}
 */
export function errorOf(error) {
  if (isDawstampsError(error)) return { code: error.code, message: error.message };
  const e = /** @type {any} */ (error);
  if (e && typeof e.code === 'string' && typeof e.message === 'string') return { code: e.code, message: e.message };
  if (e instanceof RangeError) return { code: 'out-of-memory', message: 'This browser ran out of memory reading the project.' };
  return { code: 'local-error', message: 'The project could not be read in this browser.' };
}
