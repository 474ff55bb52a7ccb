/** What createApp needs; adapters build it (AWS: S3; local: files) and nothing else differs. */
import type { Hono } from 'hono';
import type { ConvertOptions, Result } from '../../lib/index';
import type { Inflate } from '../../lib/readers/types';
import type { Config } from '../config';
import type { Storage } from '../storage';

/** One file of the page, served from memory. */
export interface Asset {
  body: string | Uint8Array;
  contentType: string;
}

/** The page's files by name (`index.html`, `app.js`, …). */
export type Assets = Record<string, Asset>;

export type AppConfig = Pick<Config,
  'uploadPrefix' | 'resultPrefix' | 'jobPrefix' | 'maxUploadBytes' | 'convertMaxBytes' | 'maxResponseBytes' | 'uploadExpirySeconds'
  | 'uploadGraceSeconds' | 'processingTimeoutSeconds' | 'apiToken' | 'allowedOrigins'>;

export interface AppDeps {
  storage: Storage;
  config: AppConfig;
  assets: Assets;
  /** How long uploads and results are kept, for the page to say (null: until deleted). */
  retention?: { uploadsDays: number | null; resultsDays: number | null };
  /** The local store's upload endpoint (mounted at /v1/uploads); S3 needs none. */
  uploadRoute?: Hono;
  inflate?: Inflate;
  /** POST /v1/convert's conversion (Node adapters: in the conversion thread, with CONVERT_TIMEOUT_SECONDS). */
  convert?: (bytes: Uint8Array, options: ConvertOptions) => Promise<Result>;
  now?: () => Date;
  newId?: () => string;
}
