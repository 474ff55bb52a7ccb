// The page's Web Worker: lib parses the project here, off the page's thread, and keeps it; each
// message times or exports it with the options it brings (project-calls.js).
// Messages: { id, type: 'parse' | 'load' | 'time' | 'export', ... } → { id, value } or { id, error: { code, message } }.
import { createProjectCalls, errorOf } from './project-calls.js';

const calls = createProjectCalls();

// One message at a time, in order: a 'time' sent while a file is being read waits for it.
let queue = Promise.resolve();
self.onmessage = (/** @type {MessageEvent} */ e) => {
  const { id, type, ...args } = e.data;
  queue = queue.then(async () => {
    try {
      const call = Object.hasOwn(calls, type) ? calls[type] : undefined;
      if (!call) throw new Error(`Unknown message ${type}.`);
      self.postMessage({ id, value: await call(args) });
    } catch (error) {
      self.postMessage({ id, error: errorOf(error) });
    }
  });
};
