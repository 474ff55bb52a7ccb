/**
 * The converter in a worker thread with a wall-time limit. A hostile or pathological file cannot
 * hold the worker, the API or the local server's event loop past `timeoutMs`: the thread is
 * terminated, the call fails with DawstampsError 'timeout', and the next call gets a fresh thread.
 * One long-lived thread serves the calls one at a time: starting a thread and loading the
 * converter in it costs tens of milliseconds of CPU (~80 ms to the first reply in the worker
 * Lambda's bundle), paid once per process instead of once per file. Two tasks: `readUpload` (a
 * job's upload → stored project + result) and `convert` (POST /v1/convert).
 *
 * Calls wait their turn, and each one's time limit starts when it runs; so the queue is bounded
 * where strangers can fill it: past `maxConverts` POST /v1/convert calls in the thread (running or
 * waiting) the next is refused at once, 503 `busy` with Retry-After, instead of stalling the
 * others and the uploads behind them for N × the limit. Uploads (already accepted jobs) always wait.
 */
import { Worker, parentPort } from 'node:worker_threads';
import { convert, DawstampsError, isDawstampsError, type ConvertOptions, type ErrorCode, type Result } from '../../lib/index';
import { HttpError } from '../http-error';
import { readUpload, type ReadUpload } from '../worker/read-upload';
import { CONVERT_THREAD_ROLE } from './thread-role';
import { zlibInflate } from './zlib-inflate';

export { isConvertThread } from './thread-role';

/**
 * The conversion function the API calls (the plain convert() or a threaded one). The threaded one
 * hands `bytes` over to its thread (the caller's array is detached, not copied) when they are a
 * whole ArrayBuffer of their own: an upload is then in memory once, not twice.
 */
export type ConvertFn = (bytes: Uint8Array, options: ConvertOptions) => Promise<Result>;

/** The tasks a conversion thread runs. */
const TASKS = {
  convert: (bytes: Uint8Array, options: ConvertOptions) => convert(bytes, options),
  readUpload: (bytes: Uint8Array, options: ConvertOptions) => readUpload(bytes, options),
};
type Task = keyof typeof TASKS;

/** The buffer to move to the thread instead of copying it: only when `bytes` span all of it (a slice of a pool is copied). */
function movable(bytes: Uint8Array): ArrayBuffer[] {
  const buffer = bytes.buffer;
  return buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === buffer.byteLength && bytes.byteLength > 0 ? [buffer] : [];
}

type Reply = { id: number } & ({ ok: true; value: unknown } | { ok: false; dawstamps: boolean; code?: ErrorCode; message: string });

/** Serves calls in this thread: `{ id, task, bytes, options }` in, a Reply out. */
export function serveConvertThread(): void {
  parentPort!.on('message', async ({ id, task, bytes, options }: { id: number; task: Task; bytes: Uint8Array; options: ConvertOptions }) => {
    let reply: Reply;
    try {
      reply = { id, ok: true, value: await TASKS[task](bytes, { ...options, inflate: zlibInflate }) };
    } catch (e) {
      reply = isDawstampsError(e)
        ? { id, ok: false, dawstamps: true, code: e.code, message: e.message }
        : { id, ok: false, dawstamps: false, message: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
    }
    parentPort!.postMessage(reply);
  });
}

/** The converter's tasks in one thread (POST /v1/convert and the worker share it in one process). */
export interface ConvertThread {
  convert: ConvertFn;
  readUpload: ReadUpload;
}

/** POST /v1/convert calls one thread holds at once by default (one running, one waiting). */
export const MAX_CONVERTS = 2;

/** The converter's tasks, each run in the one thread started from `script` (a bundle that calls serveConvertThread). */
export function convertThread(script: URL, timeoutMs: number, maxConverts = MAX_CONVERTS): ConvertThread {
  let worker: Worker | null = null;
  let nextId = 0;
  let queue: Promise<unknown> = Promise.resolve();

  const runOne = <T>(task: Task, bytes: Uint8Array, options: ConvertOptions): Promise<T> => new Promise<T>((resolve, reject) => {
    const { inflate: _inflate, ...cloneable } = options;
    const thread = worker ?? new Worker(script, { workerData: { role: CONVERT_THREAD_ROLE } });
    thread.unref();
    worker = thread;
    const id = ++nextId;
    const cleanup = (): void => {
      clearTimeout(timer);
      thread.off('message', onMessage);
      thread.off('error', onGone);
      thread.off('exit', onGone);
    };
    const kill = (): void => {
      if (worker === thread) worker = null;
      void thread.terminate();
    };
    const onMessage = (reply: Reply): void => {
      if (reply.id !== id) return;
      cleanup();
      if (reply.ok) resolve(reply.value as T);
      else reject(reply.dawstamps ? new DawstampsError(reply.code!, reply.message) : new Error(reply.message));
    };
    const onGone = (e?: unknown): void => {
      cleanup();
      kill();
      reject(e instanceof Error ? e : new Error('The conversion thread exited without an answer.'));
    };
    const timer = setTimeout(() => {
      cleanup();
      kill();
      reject(new DawstampsError('timeout', `The conversion took longer than ${Math.max(1, Math.round(timeoutMs / 1000))} s and was stopped.`, { timeoutMs }));
    }, timeoutMs);
    thread.on('message', onMessage);
    thread.once('error', onGone);
    thread.once('exit', onGone);
    thread.postMessage({ id, task, bytes, options: cloneable }, movable(bytes));
  });

  const enqueue = <T>(task: Task, bytes: Uint8Array, options: ConvertOptions): Promise<T> => {
    const run = queue.then(() => runOne<T>(task, bytes, options));
    queue = run.catch(() => undefined);
    return run;
  };
  let converts = 0;
  const retryAfter = String(Math.max(1, Math.ceil(timeoutMs / 1000)));
  return {
    convert: (bytes, options) => {
      if (converts >= maxConverts) {
        return Promise.reject(new HttpError(503, 'busy', `The server is converting other files; try again in ${retryAfter} s, or upload the file through POST /v1/jobs.`, { 'Retry-After': retryAfter }));
      }
      converts += 1;
      return enqueue<Result>('convert', bytes, options).finally(() => { converts -= 1; });
    },
    readUpload: (bytes, options) => enqueue('readUpload', bytes, options),
  };
}
