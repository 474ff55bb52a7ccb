// The converter in this browser: a Web Worker (worker.js) holds the parsed project; the page sends
// options in and gets results and exports out. Nothing here makes a network request.

/**
 * @typedef {{ code: string, message: string }} LocalError
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

/** The worker and its calls in flight; `reset()` ends both (a new file while one is being read). */
export function createLocalConverter() {
  /** @type {Worker | null} */
  let worker = null;
  let nextId = 1;
  /** @type {Map<number, { resolve: (value: any) => void, reject: (error: Error) => void }>} */
  const pending = new Map();

  const start = () => {
    const w = new Worker(new URL('worker.js', import.meta.url), { type: 'module', name: 'dawstamps converter' });
    w.onmessage = (/** @type {MessageEvent} */ e) => {
      const call = pending.get(e.data.id);
      if (!call) return;
      pending.delete(e.data.id);
      if (e.data.error) call.reject(new LocalError(e.data.error.code, e.data.error.message));
      else call.resolve(e.data.value);
    };
    w.onerror = (/** @type {ErrorEvent} */ e) => {
      e.preventDefault();
      failAll(new LocalError('local-error', 'This browser could not run the converter. Reload the page and try again.'));
    };
    return w;
  };

  /** @param {Error} error */
  const failAll = (error) => {
    for (const call of pending.values()) call.reject(error);
    pending.clear();
  };

  /**
   * @param {string} type
   * @param {Record<string, unknown>} args
   * @returns {Promise<any>}
   */
  const call = (type, args) => {
    worker ??= start();
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      /** @type {Worker} */ (worker).postMessage({ id, type, ...args });
    });
  };

  return {
    /** Reads a project file (lib's parseProject, lib's limits); the project stays in the worker. @param {File} file */
    parse: (file) => /** @type {Promise<void>} */ (call('parse', { file })),
    /** Takes a stored project document (GET /v1/jobs/{id}/project). @param {unknown} document @param {string | null} fileName */
    load: (document, fileName) => /** @type {Promise<void>} */ (call('load', { document, fileName })),
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
    /** Stops the worker (and whatever it was reading); the next call starts a fresh one. */
    reset() {
      worker?.terminate();
      worker = null;
      failAll(new LocalError('aborted', 'Cancelled.'));
    },
  };
}
