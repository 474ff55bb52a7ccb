/**
 * convert() in a worker thread with a wall-time limit. A hostile or pathological file cannot
 * hold the worker (or the local server's event loop) past `timeoutMs`: the thread is terminated,
 * the job fails with DawstampsError 'timeout', and the next conversion gets a fresh thread.
 * One long-lived thread serves conversions one at a time: starting a thread and loading the
 * converter in it costs tens of milliseconds of CPU (~80 ms to the first reply in the worker
 * Lambda's bundle), paid once per process instead of once per file.
 */
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { convert, DawstampsError, isDawstampsError, type ConvertOptions, type ErrorCode, type Result } from '../../lib/index';
import { zlibInflate } from './zlib-inflate';

const ROLE = 'dawstamps-convert';

/**
 * The conversion function the worker calls (the plain convert() or a threaded one). The threaded
 * one hands `bytes` over to its thread (the caller's array is detached, not copied) when they are
 * a whole ArrayBuffer of their own: an upload is then in memory once, not twice.
 */
export type ConvertFn = (bytes: Uint8Array, options: ConvertOptions) => Promise<Result>;

/** The buffer to move to the thread instead of copying it: only when `bytes` span all of it (a slice of a pool is copied). */
function movable(bytes: Uint8Array): ArrayBuffer[] {
  const buffer = bytes.buffer;
  return buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === buffer.byteLength && bytes.byteLength > 0 ? [buffer] : [];
}

type Reply = { id: number } & ({ ok: true; result: Result } | { ok: false; dawstamps: boolean; code?: ErrorCode; message: string });

/** True inside a conversion thread started by threadedConvert. */
export function isConvertThread(): boolean {
  return !isMainThread && (workerData as { role?: string } | null)?.role === ROLE;
}

/** Serves conversions in this thread: `{ id, bytes, options }` in, a Reply out. */
export function serveConvertThread(): void {
  parentPort!.on('message', async ({ id, bytes, options }: { id: number; bytes: Uint8Array; options: ConvertOptions }) => {
    let reply: Reply;
    try {
      reply = { id, ok: true, result: await convert(bytes, { ...options, inflate: zlibInflate }) };
    } catch (e) {
      reply = isDawstampsError(e)
        ? { id, ok: false, dawstamps: true, code: e.code, message: e.message }
        : { id, ok: false, dawstamps: false, message: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
    }
    parentPort!.postMessage(reply);
  });
}

/** A ConvertFn running conversions in a thread started from `script` (a bundle that calls serveConvertThread). */
export function threadedConvert(script: URL, timeoutMs: number): ConvertFn {
  let worker: Worker | null = null;
  let nextId = 0;
  let queue: Promise<unknown> = Promise.resolve();

  const runOne = (bytes: Uint8Array, options: ConvertOptions): Promise<Result> => new Promise<Result>((resolve, reject) => {
    const { inflate: _inflate, ...cloneable } = options;
    const thread = worker ?? new Worker(script, { workerData: { role: ROLE } });
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
      if (reply.ok) resolve(reply.result);
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
    thread.postMessage({ id, bytes, options: cloneable }, movable(bytes));
  });

  return (bytes, options) => {
    const run = queue.then(() => runOne(bytes, options));
    queue = run.catch(() => undefined);
    return run;
  };
}
