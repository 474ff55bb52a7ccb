/**
 * S3 storage whose AWS SDK is loaded on the first storage call, not when the module loads.
 *
 * Cold starts of the Lambda bundles: the SDK (client-s3, the presigned POST, the signer,
 * node:http/https/crypto) is half of each bundle. In a bundle it is a second file,
 * `s3-storage.mjs` beside index.mjs (infra/constructs/bundle-options.ts, LAMBDA_S3_CHUNK; the build
 * defines DAWSTAMPS_S3_CHUNK as its path), so importing index.mjs neither parses nor runs it; the
 * first request that reads or writes the bucket imports it, once. GET /healthz, /v1/formats,
 * /v1/config, /v1/openapi.json and a worker batch of s3:TestEvents never do. From source (tests, the
 * local server) DAWSTAMPS_S3_CHUNK is not defined and ./s3-storage is imported as usual.
 */
import type { ObjectInfo, Storage, StoredObject, UploadForm, UploadRequest } from './types';

/** The S3 chunk's path relative to the bundle; replaced by esbuild `define` in the Lambda bundles. */
declare const DAWSTAMPS_S3_CHUNK: string | undefined;

type S3StorageModule = typeof import('./s3-storage');

/** The S3 storage module: the chunk beside the bundle, or the source module. */
function importS3Storage(): Promise<S3StorageModule> {
  // Written as one conditional expression so that esbuild folds it and leaves ./s3-storage (and
  // the SDK) out of index.mjs: a dynamic import() of a module in the same bundle would still be
  // compiled at load, and compiling is most of a cold start's module load.
  return typeof DAWSTAMPS_S3_CHUNK === 'string'
    ? import(new URL(DAWSTAMPS_S3_CHUNK, import.meta.url).href) as Promise<S3StorageModule>
    : import('./s3-storage');
}

export interface S3StorageOptions {
  region: string;
  endpoint?: string | null;
  bucket: string;
}

/** A Storage on `bucket` that loads the SDK and builds its S3 client once, on first use. */
export function lazyS3Storage(options: S3StorageOptions): Storage {
  let real: Promise<Storage> | null = null;
  const load = (): Promise<Storage> => {
    real ??= importS3Storage().then(
      (m) => m.createS3Storage(m.createS3Client({ region: options.region, endpoint: options.endpoint }), options.bucket),
      (e: unknown) => { real = null; throw e; }, // a failed load is retried by the next call
    );
    return real;
  };
  return {
    async get(key): Promise<StoredObject | null> { return (await load()).get(key); },
    async head(key): Promise<ObjectInfo | null> { return (await load()).head(key); },
    async put(key, body, contentType): Promise<void> { return (await load()).put(key, body, contentType); },
    async create(key, body, contentType): Promise<boolean> { return (await load()).create(key, body, contentType); },
    async delete(key): Promise<void> { return (await load()).delete(key); },
    async createUpload(request: UploadRequest): Promise<UploadForm> { return (await load()).createUpload(request); },
    async uploadOrigin(requestOrigin): Promise<string> { return (await load()).uploadOrigin(requestOrigin); },
    async downloadUrl(key, expiresInSeconds): Promise<string | null> { return (await load()).downloadUrl(key, expiresInSeconds); },
  };
}
