/** The local upload endpoint: the same multipart contract as S3's presigned POST, size limit included. */
import { Hono } from 'hono';
import { FORM_OVERHEAD, limitBody } from '../body-limit';
import { HttpError } from '../http-error';
import { verifyPolicy } from './local-policy';
import type { LocalStorage } from './local-storage';

export interface LocalUploadOptions {
  /** The largest body accepted at all (the upload cap plus room for the form fields). */
  maxBodyBytes: number;
  /** Called before the file is stored, once the form is valid: may refuse it by throwing an HttpError (a job's second upload). */
  claim?: (key: string) => Promise<void>;
  /** Called once the file is stored: the local stand-in for S3's event notification. */
  onCreated: (key: string, size: number) => void | Promise<void>;
  now?: () => number;
}

/** Routes for POST / (mount at LOCAL_UPLOAD_PATH). Answers 204 like S3, errors as `{ error }`. */
export function createLocalUploadRoute(storage: LocalStorage, options: LocalUploadOptions): Hono {
  const route = new Hono();
  route.post(
    '/',
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
      const policy = verifyPolicy(field('Policy'), field('X-Amz-Signature'), storage.secret, options.now?.() ?? Date.now());
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
      await options.claim?.(policy.key);
      await storage.put(policy.key, new Uint8Array(await file.arrayBuffer()), policy.contentType ?? 'application/octet-stream');
      await options.onCreated(policy.key, file.size);
      return c.body(null, 204);
    },
  );
  return route;
}
