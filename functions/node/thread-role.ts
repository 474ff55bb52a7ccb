/** Whether this thread is a conversion thread (a tiny module: entry points check it before loading the converter). */
import { isMainThread, workerData } from 'node:worker_threads';

/** The workerData role of conversion threads. */
export const CONVERT_THREAD_ROLE = 'dawstamps-convert';

/** True inside a conversion thread started by functions/node/convert-thread.ts. */
export function isConvertThread(): boolean {
  return !isMainThread && (workerData as { role?: string } | null)?.role === CONVERT_THREAD_ROLE;
}
