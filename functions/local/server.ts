/**
 * `npm start`: the API and the page on http://localhost:8787 with files under DATA_DIR and an
 * in-process queue. `--aws` (npm run start:aws-local): S3/SQS at AWS_ENDPOINT_URL instead;
 * `--setup` also creates the bucket, queues and notification there (for moto).
 */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { createApp } from '../api/app';
import { readConfig } from '../config';
import { bundleScript } from '../node/bundle-url';
import { convertThread, isConvertThread, serveConvertThread } from '../node/convert-thread';
import { awsMode, localMode } from './modes';

async function main(): Promise<void> {
  const aws = process.argv.includes('--aws');
  const config = readConfig(process.env, aws ? 'aws' : 'local');
  const moduleDir = dirname(fileURLToPath(import.meta.url));
  // Uploads and POST /v1/convert run in one thread started from this same bundle, each call limited
  // to CONVERT_TIMEOUT_SECONDS (from TypeScript source there is no bundle: they run in this thread).
  const script = bundleScript(import.meta.url);
  const thread = script && convertThread(script, config.convertTimeoutSeconds * 1000);
  const mode = aws ? await awsMode(config, moduleDir, process.argv.includes('--setup'), thread) : await localMode(config, moduleDir, thread);
  const app = createApp(mode.deps);
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    const host = ['0.0.0.0', '127.0.0.1', '::', '::1'].includes(config.host) ? 'localhost' : info.address;
    console.log(`dawstamps on http://${host}:${info.port} — ${mode.describe}`);
  });
  // Idle keep-alive sockets stay open longer than any client's pool keeps them (undici: 4 s), so a
  // client never reuses a socket the server is closing (ECONNRESET under load).
  if ('keepAliveTimeout' in server) {
    server.keepAliveTimeout = 65_000;
    server.headersTimeout = 66_000;
  }
  mode.consumer.start();
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    server.close();
    // Keep-alive sockets would hold close() open for seconds; in-flight requests still finish.
    if ('closeIdleConnections' in server) server.closeIdleConnections();
    void mode.consumer.stop().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (isConvertThread()) serveConvertThread();
else {
  main().catch((e: unknown) => {
    console.error(`dawstamps server could not start: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
}
