/**
 * The local upload endpoint: the same multipart contract as S3's presigned POST, size limit
 * included, plus what S3 cannot do: one upload per job. The upload itself is that claim: it is
 * created only if there is none (create()), so a second upload finds the first, or — once the
 * first has been read and deleted — finds the job's outcome. Nothing else is written first, so a
 * write that fails, or a process that dies, leaves the job open for the retry.
 */
import { Hono, type Context } from 'hono';
import { FORM_OVERHEAD, limitBody } from '../body-limit';
import { HttpError } from '../http-error';
import { verifyPolicy } from './local-policy';
import type { LocalStorage } from './local-storage';

export interface LocalUploadOptions {
  /** The largest body accepted at all (the upload cap plus room for the form fields). */
  maxBodyBytes: number;
  /** Whether the job of an upload key has its outcome (its one upload has been read): another is refused. */
  hasOutcome?: (key: string) => Promise<boolean>;
  /** Called once the file is stored: the local stand-in for S3's event notification. */
  onCreated: (key: string, size: number) => void | Promise<void>;
  now?: () => number;
}

const alreadyUploaded = (): HttpError => new HttpError(409, 'already-uploaded', 'This job has its file already; create a new job for another one.');

/** Routes for POST / (mount at LOCAL_UPLOAD_PATH). Answers 204 like S3, errors as `{ error }`. */
export function createLocalUploadRoute(storage: LocalStorage, options: LocalUploadOptions): Hono {
  const route = new Hono();
  const startedAt = new WeakMap<Context, number>();
  route.post(
    '/',
    // The policy's expiry is checked against when the request began, as S3 does: a slow upload
    // that started in time is not refused for the time its body took.
    async (c, next) => {
      startedAt.set(c, options.now?.() ?? Date.now());
      await next();
    },
    limitBody(options.maxBodyBytes + FORM_OVERHEAD, 'file-too-large', `Your proposed upload exceeds the maximum allowed size of ${options.maxBodyBytes} bytes.`),
    async (c) => {
      let form: FormData;
      try {
        form = await c.req.formData();
      } catch {
        throw new HttpError(400, 'invalid-request', 'The upload must be multipart/form-data with the fields and a file.');
      }
      const field = (name: string): string | undefined => {
        const value = form.get(name);
        return typeof value === 'string' ? value : undefined;
      };
      const policy = verifyPolicy(field('Policy'), field('X-Amz-Signature'), storage.secret, startedAt.get(c));
      if (field('key') !== policy.key) throw new HttpError(403, 'access-denied', 'Invalid according to Policy: the key does not match.');
      if (policy.contentType !== null && field('Content-Type') !== policy.contentType) {
        throw new HttpError(403, 'access-denied', 'Invalid according to Policy: the Content-Type does not match.');
      }
      const file = form.get('file');
      if (!(file instanceof Blob)) throw new HttpError(400, 'invalid-request', 'The form has no file field.');
      if (file.size > policy.maxBytes) {
        throw new HttpError(400, 'file-too-large', `Your proposed upload exceeds the maximum allowed size of ${policy.maxBytes} bytes.`);
      }
      if (file.size < policy.minBytes) {
        throw new HttpError(400, 'file-too-small', `Your proposed upload is smaller than the minimum allowed size of ${policy.minBytes} bytes.`);
      }
      // The job's first upload is still there (being read), or it has been read: the job has its file.
      const created = await storage.create(policy.key, new Uint8Array(await file.arrayBuffer()), policy.contentType ?? 'application/octet-stream');
      if (!created) throw alreadyUploaded();
      if (await options.hasOutcome?.(policy.key)) {
        await storage.delete(policy.key);
        throw alreadyUploaded();
      }
      await options.onCreated(policy.key, file.size);
      return c.body(null, 204);
    },
  );
  return route;
}
