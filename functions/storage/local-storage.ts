/** Storage as files under a data directory, with HMAC-signed upload forms that mimic S3's POST. */
import { randomBytes } from 'node:crypto';
import { link, mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { signPolicy, type LocalPolicy } from './local-policy';
import type { ObjectInfo, Storage, StoredObject, UploadForm, UploadRequest } from './types';

/** The local store: Storage plus what only a local upload endpoint and a restart need. */
export interface LocalStorage extends Storage {
  readonly dataDir: string;
  readonly bucketName: string;
  /** The secret that signs upload policies (kept in the data directory, so forms survive a restart). */
  readonly secret: Buffer;
  /** The file behind a key (throws for a key that would leave the data directory). */
  pathOf(key: string): string;
}

/** The URL path of the local upload endpoint. */
export const LOCAL_UPLOAD_PATH = '/v1/uploads';

async function loadSecret(dataDir: string): Promise<Buffer> {
  const file = join(dataDir, '.upload-secret');
  try {
    const secret = await readFile(file);
    if (secret.length >= 32) return secret;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  const secret = randomBytes(32);
  await writeAtomic(dataDir, file, secret, 0o600);
  return secret;
}

/**
 * Writes a temporary file in the data directory, flushes it, and moves it to `file`: renamed
 * over it, or with `exclusive` hard-linked to it, which fails when `file` exists (returns false:
 * an atomic create-if-absent, the local If-None-Match).
 */
async function writeAtomic(dataDir: string, file: string, body: Uint8Array | string, mode = 0o644, exclusive = false): Promise<boolean> {
  const tmpDir = join(dataDir, '.tmp');
  await mkdir(tmpDir, { recursive: true });
  await mkdir(dirname(file), { recursive: true });
  const tmp = join(tmpDir, `${randomBytes(8).toString('hex')}.part`);
  const handle = await open(tmp, 'w', mode);
  try {
    await handle.writeFile(body);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    if (!exclusive) {
      await rename(tmp, file);
      return true;
    }
    try {
      await link(tmp, file);
      return true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw e;
    } finally {
      await rm(tmp, { force: true });
    }
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

/** Creates (or reopens) the local store in `dataDir`. */
export async function createLocalStorage(options: { dataDir: string; bucketName?: string }): Promise<LocalStorage> {
  const dataDir = resolve(options.dataDir);
  await mkdir(dataDir, { recursive: true });
  const secret = await loadSecret(dataDir);
  const pathOf = (key: string): string => {
    const file = resolve(dataDir, key);
    if (!file.startsWith(dataDir + sep) || key.includes('\0') || key.split('/').some((part) => part === '..' || part.startsWith('.'))) {
      throw new Error(`Key outside the data directory: ${JSON.stringify(key).slice(0, 80)}`);
    }
    return file;
  };
  const missing = (e: unknown): boolean => ['ENOENT', 'ENOTDIR'].includes((e as NodeJS.ErrnoException).code ?? '');
  return {
    dataDir,
    bucketName: options.bucketName ?? 'dawstamps-local',
    secret,
    pathOf,
    async get(key): Promise<StoredObject | null> {
      try {
        const file = pathOf(key);
        const [body, info] = await Promise.all([readFile(file), stat(file)]);
        return { body: new Uint8Array(body.buffer, body.byteOffset, body.byteLength), lastModified: info.mtime };
      } catch (e) {
        if (missing(e)) return null;
        throw e;
      }
    },
    async head(key): Promise<ObjectInfo | null> {
      try {
        const info = await stat(pathOf(key));
        return info.isFile() ? { size: info.size, lastModified: info.mtime } : null;
      } catch (e) {
        if (missing(e)) return null;
        throw e;
      }
    },
    async put(key, body): Promise<void> {
      // Temp file + rename: a reader sees the old file or the whole new one, never half of it.
      await writeAtomic(dataDir, pathOf(key), body);
    },
    async create(key, body): Promise<boolean> {
      return writeAtomic(dataDir, pathOf(key), body, 0o644, true);
    },
    async delete(key): Promise<void> {
      await rm(pathOf(key), { force: true });
    },
    async createUpload(request: UploadRequest): Promise<UploadForm> {
      pathOf(request.key);
      const policy: LocalPolicy = {
        expiration: new Date(Date.now() + request.expiresInSeconds * 1000).toISOString(),
        conditions: [
          { bucket: options.bucketName ?? 'dawstamps-local' },
          { key: request.key },
          { 'Content-Type': request.contentType },
          ['content-length-range', request.minBytes, request.maxBytes],
        ],
      };
      const signed = signPolicy(policy, secret);
      return {
        url: `${request.requestOrigin}${LOCAL_UPLOAD_PATH}`,
        fields: { key: request.key, 'Content-Type': request.contentType, Policy: signed.policy, 'X-Amz-Algorithm': 'DAWSTAMPS-HMAC-SHA256', 'X-Amz-Signature': signed.signature },
      };
    },
    async uploadOrigin(requestOrigin): Promise<string> {
      return requestOrigin;
    },
    async downloadUrl(): Promise<string | null> {
      return null; // the local server sends every object itself
    },
  };
}
