/** The app's dependencies on AWS: S3 storage, the page from web/ next to the bundle. */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from '../config';
import { bundleScript } from '../node/bundle-url';
import { convertThread } from '../node/convert-thread';
import { zlibInflate } from '../node/zlib-inflate';
import { findWebDir, loadAssets } from '../node/web-assets';
import { lazyS3Storage } from '../storage/lazy-s3-storage';
import type { AppDeps } from './deps';

/** Dependencies for Lambda (or any S3 endpoint): WEB_DIR, else web/ beside the bundle or the task root. */
export function awsDeps(config: Config): AppDeps {
  const here = dirname(fileURLToPath(import.meta.url));
  const webDir = findWebDir(config.webDir, join(here, 'web'), config.taskRoot && join(config.taskRoot, 'web'));
  const script = bundleScript(import.meta.url);
  return {
    ...(script ? { convert: convertThread(script, config.convertTimeoutSeconds * 1000).convert } : {}),
    storage: lazyS3Storage({ region: config.region, endpoint: config.endpoint, bucket: config.bucketName }),
    config,
    assets: loadAssets(webDir),
    retention: { uploadsDays: 1, resultsDays: 7 },
    inflate: zlibInflate,
  };
}
