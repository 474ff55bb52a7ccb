// The converter in this browser: a Web Worker (worker.js) holds the parsed project; the page sends
// options in and gets results and exports out. Nothing here makes a network request.
// A worker that fails to load or crashes is ended, and the calls it held fail with
// 'converter-failed'; the next call starts a fresh one. Should the worker not start at all, a
// stored project (a link, or the server's result) is opened in the page itself: the server has
// read it already, so no file is parsed on the page's thread.
import { createProjectCalls, errorOf } from './project-calls.js';

/**
 * @typedef {{ result: any, starts?: Array<{ value: string, label: string }>, curve: { from: number, to: number, vertices: Array<[number, number]> } }} Timed
 * @typedef {{ text: string, warnings: Array<{ code: string, message: string }>, mediaType: string, extension: string }} Exported
 */

/** A failure of the local converter: lib's error code and sentence. */
export class LocalError extends Error {
  /** @param {string} code @param {string} message */
  constructor(code, message) {
    super(message);
    this.name = 'LocalError';
    this.code = code;
  }
}

const FAILED = 'This browser could not run the page\'s converter, so it cannot read the project here.';

/** The worker and its calls in flight; `reset()` ends both (a new file while one is being read). */
export function createConverter() {
  /** @type {Worker | null} */
  let worker = null;
  /** @type {ReturnType<typeof createProjectCalls> | null} the calls run in the page (the worker could not start) */
  let inPage = null;
  let nextId = 1;
  /** @type {Map<number, { resolve: (value: any) => void, reject: (error: Error) => void }>} */
  const pending = new Map();

  /** @param {Error} error */
  const failAll = (error) => {
    for (const call of pending.values()) call.reject(error);
    pending.clear();
  };

  const start = () => {
    const w = new Worker(new URL('worker.js', import.meta.url), { type: 'module', name: 'dawstamps converter' });
    w.onmessage = (/** @type {MessageEvent} */ e) => {
      const call = pending.get(e.data.id);
      if (!call) return;
      pending.delete(e.data.id);
      if (e.data.error) call.reject(new LocalError(e.data.error.code, e.data.error.message));
      else call.resolve(e.data.value);
    };
    // it did not load, or it crashed: it will answer nothing more
    w.onerror = (/** @type {ErrorEvent} */ e) => {
      e.preventDefault();
      w.terminate();
      if (worker !== w) return;
      worker = null;
      failAll(new LocalError('converter-failed', FAILED));
    };
    return w;
  };

  /**
   * @param {string} type
   * @param {Record<string, unknown>} args
   * @returns {Promise<any>}
   */
  const call = (type, args) => {
    if (inPage) return runInPage(inPage, type, args);
    const w = (worker ??= start());
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      w.postMessage({ id, type, ...args });
    });
  };

  /**
   * @param {ReturnType<typeof createProjectCalls>} calls
   * @param {string} type
   * @param {Record<string, unknown>} args
   */
  const runInPage = async (calls, type, args) => {
    try {
      const run = Object.hasOwn(calls, type) ? calls[type] : undefined;
      if (!run) throw new Error(`Unknown call ${type}.`);
      return await run(args);
    } catch (error) {
      const { code, message } = errorOf(error);
      throw new LocalError(code, message);
    }
  };

  return {
    /** Reads a project file (lib's parseProject, lib's limits); the project stays in the worker. @param {File} file */
    parse: (file) => /** @type {Promise<void>} */ (call('parse', { file })),
    /**
     * Takes a stored project document (GET /v1/jobs/{id}/project); in the page when the worker cannot start.
     * @param {unknown} document
     * @param {string | null} fileName
     * @returns {Promise<void>}
     */
    async load(document, fileName) {
      try {
        await call('load', { document, fileName });
      } catch (e) {
        if (/** @type {any} */ (e)?.code !== 'converter-failed') throw e;
        inPage = createProjectCalls();
        await runInPage(inPage, 'load', { document, fileName });
      }
    },
    /**
     * Times the project: the result, its tempo line, and (`starts`) the start points it offers.
     * @param {Record<string, unknown>} options lib's time options
     * @param {boolean} starts
     * @returns {Promise<Timed>}
     */
    time: (options, starts) => call('time', { options, starts }),
    /**
     * Times and exports the project.
     * @param {Record<string, unknown>} options
     * @param {string} format
     * @param {Record<string, unknown>} exportOptions
     * @returns {Promise<Exported>}
     */
    exportAs: (options, format, exportOptions) => call('export', { options, format, exportOptions }),
    /** Stops the worker (and whatever it was reading) and forgets the project; the next call starts afresh. */
    reset() {
      worker?.terminate();
      worker = null;
      inPage = null;
      failAll(new LocalError('aborted', 'Cancelled.'));
    },
  };
}
