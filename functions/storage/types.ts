/** The object store behind the API and the worker: S3, or files under a data directory. */

export interface StoredObject {
  body: Uint8Array;
  lastModified: Date;
}

export interface ObjectInfo {
  size: number;
  lastModified: Date;
}

/** What a presigned upload form must enforce. */
export interface UploadRequest {
  key: string;
  contentType: string;
  minBytes: number;
  maxBytes: number;
  expiresInSeconds: number;
  /** The origin the API was reached at (the local store posts back to it; S3 ignores it). */
  requestOrigin: string;
}

/** A browser-ready multipart POST: send `fields` then `file` to `url`. */
export interface UploadForm {
  url: string;
  fields: Record<string, string>;
}

/** The operations dawstamps needs; every method throws on a storage fault (callers retry). */
export interface Storage {
  /** The object, or null when there is none. */
  get(key: string): Promise<StoredObject | null>;
  /** Size and age of an object, or null when there is none. */
  head(key: string): Promise<ObjectInfo | null>;
  /** Writes an object atomically: readers see the old object or the whole new one. */
  put(key: string, body: Uint8Array | string, contentType: string): Promise<void>;
  /**
   * Writes an object only if there is none (S3: If-None-Match: *), atomically as put(); false
   * when one was there already. Two racing writers: exactly one wins. false does not prove that
   * another writer won: S3 may store the write and lose its answer, and the retry hears 412, so a
   * caller that must know whose object stands reads it (functions/worker/store-outcome.ts).
   */
  create(key: string, body: Uint8Array | string, contentType: string): Promise<boolean>;
  /** Deletes an object; a missing one is not an error. */
  delete(key: string): Promise<void>;
  /** Signs a POST form that can create exactly `key`, within the size range, until expiry. */
  createUpload(request: UploadRequest): Promise<UploadForm>;
  /** The origin upload forms post to (for the page's Content-Security-Policy connect-src). */
  uploadOrigin(requestOrigin: string): Promise<string>;
  /**
   * A link anyone holding it may GET `key` through for `expiresInSeconds` (S3: a presigned GET),
   * for objects too large for the API to send itself; null where the API sends everything (local).
   */
  downloadUrl(key: string, expiresInSeconds: number): Promise<string | null>;
}
