import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLambda, type BuiltLambda } from '../../infra/bundling/build-lambda';
import { invoke } from '../helpers/infra/bundle';
import { functionUrlEvent, s3TestEventBatch } from '../helpers/infra/events';

const ONE_MB = 1024 * 1024;
const built: BuiltLambda[] = [];
/** Builds a Lambda entry exactly as the stack does (index.mjs + s3-storage.mjs, API: + web/) into a fresh directory. */
async function bundle(name: 'api' | 'worker', options: { chunk?: boolean } = {}): Promise<BuiltLambda> {
  const b = await buildLambda(name, mkdtempSync(join(tmpdir(), `dawstamps-${name}-`)));
  if (options.chunk === false) rmSync(b.chunk);
  built.push(b);
  return b;
}

let api: BuiltLambda;
let worker: BuiltLambda;
beforeAll(async () => {
  [api, worker] = await Promise.all([bundle('api'), bundle('worker')]);
});
afterAll(() => { for (const b of built) rmSync(b.dir, { recursive: true, force: true }); });

/** An SQS batch with one S3 ObjectCreated notification for an upload key. */
function uploadBatch(key: string): Record<string, unknown> {
  const body = JSON.stringify({ Records: [{ eventName: 'ObjectCreated:Post', s3: { object: { key } } }] });
  return { Records: [{ messageId: 'm-upload', receiptHandle: 'r', body, attributes: { ApproximateReceiveCount: '1' }, messageAttributes: {}, md5OfBody: '', eventSource: 'aws:sqs', eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:q', awsRegion: 'us-east-1' }] };
}

describe('the Lambda bundles (esbuild, minified, as the stack builds them)', () => {
  it('the API bundle and its S3 chunk are under 1 MB together', () => {
    expect(api.bytes).toBeGreaterThan(0);
    expect(api.chunkBytes).toBeGreaterThan(0);
    expect(api.bytes + api.chunkBytes).toBeLessThan(ONE_MB);
  });

  it('the worker bundle and its S3 chunk are under 1 MB together', () => {
    expect(worker.bytes).toBeGreaterThan(0);
    expect(worker.bytes + worker.chunkBytes).toBeLessThan(ONE_MB);
  });

  it('the AWS SDK is not in index.mjs: the S3 chunk is most of the SDK-bearing code', () => {
    // Before the split, the SDK was ~60% of the API bundle and ~75% of the worker's.
    expect(api.chunkBytes).toBeGreaterThan(200 * 1024);
    // zip.js (the DAWproject reader, ~67 KB minified) is in both since the reader landed: 500 / 200 KB before
    expect(api.bytes).toBeLessThan(580 * 1024);
    expect(worker.bytes).toBeLessThan(280 * 1024);
  });

  it('the bundled API answers a Function URL GET /healthz', async () => {
    const res = await invoke(api, functionUrlEvent('GET', '/healthz')) as { statusCode: number; body: string };
    expect(res.statusCode).toBe(200);
  });

  it('the bundled API serves the page shipped in its web/ directory (its CSP names the bucket: the SDK chunk loaded)', async () => {
    const res = await invoke(api, functionUrlEvent('GET', '/')) as { statusCode: number; headers: Record<string, string>; body: string };
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.headers['content-security-policy']).toMatch(/https:\/\/dawstamps-test\.s3\./);
    expect(res.body).toMatch(/<html/i);
  });

  it('the bundled API serves the page\'s scripts: lib\'s browser bundle and the worker that imports it', async () => {
    for (const path of ['/dawstamps.js', '/worker.js', '/app.js']) {
      const res = await invoke(api, functionUrlEvent('GET', path)) as { statusCode: number; headers: Record<string, string>; body: string };
      expect(res.statusCode, path).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/javascript/);
      expect(res.headers['content-security-policy']).toBe("default-src 'none'; script-src 'self'; frame-ancestors 'none'");
    }
    const lib = await invoke(api, functionUrlEvent('GET', '/dawstamps.js')) as { body: string; isBase64Encoded?: boolean };
    const text = lib.isBase64Encoded ? Buffer.from(lib.body, 'base64').toString('utf8') : lib.body;
    expect(text).toMatch(/export\s*\{/);
  });

  it('the bundled API serves its OpenAPI document (zod schemas survive the bundling)', async () => {
    const res = await invoke(api, functionUrlEvent('GET', '/v1/openapi.json')) as { statusCode: number; body: string };
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ paths: expect.objectContaining({ '/v1/jobs': expect.anything() }) });
  });

  it('the bundled API rejects a malformed job request with a typed 400', async () => {
    const base = functionUrlEvent('POST', '/v1/jobs');
    const headers = { ...(base.headers as Record<string, string>), 'content-type': 'application/json' };
    const event = { ...base, headers, body: JSON.stringify({ filename: 42 }) };
    const res = await invoke(api, event) as { statusCode: number; body: string };
    expect(res.statusCode).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
  });

  it('the bundled worker skips the s3:TestEvent without failures', async () => {
    expect(await invoke(worker, s3TestEventBatch())).toEqual({ batchItemFailures: [] });
  });
});

describe('the AWS SDK loads on the first storage call, not at import (cold start)', () => {
  // Without s3-storage.mjs beside it, a bundle still loads and answers everything that needs no
  // storage; the first storage call fails. So importing index.mjs does not evaluate the SDK, and
  // the SDK is not inside index.mjs either (else the missing file would go unnoticed).
  let apiNoChunk: BuiltLambda;
  let workerNoChunk: BuiltLambda;
  beforeAll(async () => {
    [apiNoChunk, workerNoChunk] = await Promise.all([bundle('api', { chunk: false }), bundle('worker', { chunk: false })]);
  });

  it('the API answers /healthz, /v1/config and /v1/formats without the chunk', async () => {
    for (const path of ['/healthz', '/v1/config', '/v1/formats']) {
      const res = await invoke(apiNoChunk, functionUrlEvent('GET', path)) as { statusCode: number };
      expect(res.statusCode, path).toBe(200);
    }
  });

  it('the API\'s first storage call (the page asks for the upload origin) fails without the chunk', async () => {
    const res = await invoke(apiNoChunk, functionUrlEvent('GET', '/')) as { statusCode: number; body: string };
    expect(res.statusCode).toBe(500);
    expect(JSON.parse(res.body)).toMatchObject({ error: { code: 'internal-error' } });
  });

  it('the worker skips an s3:TestEvent without the chunk, and leaves a real upload for a retry', async () => {
    expect(await invoke(workerNoChunk, s3TestEventBatch())).toEqual({ batchItemFailures: [] });
    const key = 'uploads/0123456789abcdef0123456789abcdef/mix.als';
    expect(await invoke(workerNoChunk, uploadBatch(key))).toEqual({ batchItemFailures: [{ itemIdentifier: 'm-upload' }] });
  });
});
