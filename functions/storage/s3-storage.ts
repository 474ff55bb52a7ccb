/** Storage on S3 (or an S3-compatible endpoint such as moto). */
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import type { ObjectInfo, Storage, StoredObject, UploadForm, UploadRequest } from './types';

/** An S3 client with the house settings (no checksum headers unless S3 requires them). */
export function createS3Client(options: { region: string; endpoint?: string | null; maxAttempts?: number }): S3Client {
  const config: S3ClientConfig = { region: options.region, requestChecksumCalculation: 'WHEN_REQUIRED' };
  if (options.endpoint) {
    config.endpoint = options.endpoint;
    config.forcePathStyle = true;
  }
  if (options.maxAttempts) config.maxAttempts = options.maxAttempts;
  return new S3Client(config);
}

/**
 * True when S3 says the object is not there. Our roles hold no s3:ListBucket (nothing lists
 * jobs), and without it S3 answers a missing key with 403 AccessDenied instead of 404; every key
 * read here is built from a validated job id, so a 403 means "absent" too. It may also be a
 * denial (IAM, KMS): where absence cannot be the answer (an upload's job record), callers retry.
 */
function isMissing(e: unknown): boolean {
  const err = e as { name?: string; $metadata?: { httpStatusCode?: number } };
  const status = err.$metadata?.httpStatusCode;
  return err.name === 'NoSuchKey' || err.name === 'NotFound' || status === 404 || status === 403 || err.name === 'AccessDenied';
}

/** The parts of an HTTP request the presigner reads and writes (@smithy/protocol-http's HttpRequest). */
interface RequestLike {
  protocol: string;
  hostname: string;
  port?: number;
  path: string;
  headers: Record<string, string>;
  query?: Record<string, string | string[] | null>;
}

/** The S3 client's signer (SignatureV4MultiRegion), as far as presigning goes. */
type Presigner = new (init: Record<string, unknown>) => { presign(request: RequestLike, options: { expiresIn: number; unsignableHeaders: Set<string> }): Promise<RequestLike> };

/**
 * A presigned GET URL of `key`: what @aws-sdk/s3-request-presigner's getSignedUrl does, in the few
 * lines this needs. The command runs through the client's own middleware (endpoint, path style,
 * headers) up to the signing step, where the request is presigned (query-string auth,
 * UNSIGNED-PAYLOAD) with the client's own signer class instead of being signed and sent.
 */
async function presignGet(client: S3Client, bucket: string, key: string, expiresIn: number): Promise<string> {
  const { config } = client;
  const Signer = (config as unknown as { signerConstructor?: Presigner }).signerConstructor;
  if (typeof Signer !== 'function') throw new Error('This S3 client has no signer to presign with.');
  const signer = new Signer({ credentials: config.credentials, region: config.region, sha256: config.sha256, service: 's3', uriEscapePath: false, applyChecksum: false });
  let url = '';
  const intercept = () => async (args: { request: unknown }) => {
    const request = args.request as RequestLike;
    for (const header of ['amz-sdk-invocation-id', 'amz-sdk-request', 'x-amz-user-agent']) delete request.headers[header];
    request.headers['x-amz-content-sha256'] = 'UNSIGNED-PAYLOAD';
    request.headers.host = `${request.hostname}${request.port ? `:${request.port}` : ''}`;
    const signed = await signer.presign(request, { expiresIn, unsignableHeaders: new Set(['content-type']) });
    const query = Object.entries(signed.query ?? {})
      .flatMap(([k, v]) => (Array.isArray(v) ? v : [v ?? '']).map((one) => `${encodeURIComponent(k)}=${encodeURIComponent(one)}`)).join('&');
    url = `${signed.protocol}//${signed.hostname}${signed.port ? `:${signed.port}` : ''}${signed.path}?${query}`;
    return { response: {}, output: { $metadata: { httpStatusCode: 200 } } };
  };
  const stack = client.middlewareStack.clone();
  stack.addRelativeTo(intercept as unknown as Parameters<typeof stack.addRelativeTo>[0], { name: 'presignGetMiddleware', relation: 'before', toMiddleware: 'awsAuthMiddleware', override: true });
  const command = new GetObjectCommand({ Bucket: bucket, Key: key });
  await command.resolveMiddleware(stack, config, {})({ input: command.input });
  return url;
}

/** Tries of a conditional write that S3 answers 409 ConditionalRequestConflict (then the error is thrown). */
const CONFLICT_ATTEMPTS = 5;

/** Storage on one bucket. */
export function createS3Storage(client: S3Client, bucket: string): Storage {
  let origin: Promise<string> | null = null;
  return {
    async get(key): Promise<StoredObject | null> {
      try {
        const out = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        const body = await out.Body!.transformToByteArray();
        return { body, lastModified: out.LastModified ?? new Date(0) };
      } catch (e) {
        if (isMissing(e)) return null;
        throw e;
      }
    },
    async head(key): Promise<ObjectInfo | null> {
      try {
        const out = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
        return { size: out.ContentLength ?? 0, lastModified: out.LastModified ?? new Date(0) };
      } catch (e) {
        if (isMissing(e)) return null;
        throw e;
      }
    },
    async put(key, body, contentType): Promise<void> {
      // A single PUT is atomic in S3: a reader sees the previous object or the whole new one,
      // never a partial write, so results need no temporary key.
      await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: contentType }));
    },
    async create(key, body, contentType): Promise<boolean> {
      for (let attempt = 1; ; attempt++) {
        try {
          await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: contentType, IfNoneMatch: '*' }));
          return true;
        } catch (e) {
          const status = (e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
          // 412: the key exists (another writer's, or this one's whose answer was lost: the caller reads it).
          if (status === 412) return false;
          // 409 ConditionalRequestConflict: a racing write to the key is in flight; AWS says retry.
          if (status !== 409 || attempt >= CONFLICT_ATTEMPTS) throw e;
          await new Promise((r) => setTimeout(r, 25 * 2 ** attempt));
        }
      }
    },
    async delete(key): Promise<void> {
      // S3 answers 204 for a key that is not there (and 403 without s3:ListBucket): never an error here.
      try {
        await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
      } catch (e) {
        if (!isMissing(e)) throw e;
      }
    },
    async createUpload(request: UploadRequest): Promise<UploadForm> {
      const { url, fields } = await createPresignedPost(client, {
        Bucket: bucket,
        Key: request.key,
        Conditions: [
          ['content-length-range', request.minBytes, request.maxBytes],
          ['eq', '$Content-Type', request.contentType],
        ],
        Fields: { 'Content-Type': request.contentType },
        Expires: request.expiresInSeconds,
      });
      return { url, fields };
    },
    downloadUrl(key, expiresInSeconds): Promise<string | null> {
      return presignGet(client, bucket, key, expiresInSeconds);
    },
    uploadOrigin(): Promise<string> {
      origin ??= createPresignedPost(client, { Bucket: bucket, Key: 'origin-probe', Expires: 60 }).then((p) => new URL(p.url).origin);
      return origin;
    },
  };
}
