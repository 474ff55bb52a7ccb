import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundle, dispose, invoke, type Bundle } from '../helpers/infra/bundle';
import { functionUrlEvent, s3TestEventBatch } from '../helpers/infra/events';

const ONE_MB = 1024 * 1024;
let api: Bundle;
let worker: Bundle;
beforeAll(async () => {
  [api, worker] = await Promise.all([bundle('api'), bundle('worker')]);
});
afterAll(() => { dispose(api); dispose(worker); });

describe('the Lambda bundles (esbuild, minified, as the stack builds them)', () => {
  it('the API bundle is under 1 MB', () => {
    expect(api.bytes).toBeGreaterThan(0);
    expect(api.bytes).toBeLessThan(ONE_MB);
  });

  it('the worker bundle is under 1 MB', () => {
    expect(worker.bytes).toBeGreaterThan(0);
    expect(worker.bytes).toBeLessThan(ONE_MB);
  });

  it('the bundled API answers a Function URL GET /healthz', async () => {
    const res = await invoke(api, functionUrlEvent('GET', '/healthz')) as { statusCode: number; body: string };
    expect(res.statusCode).toBe(200);
  });

  it('the bundled API serves the page shipped in its web/ directory', async () => {
    const res = await invoke(api, functionUrlEvent('GET', '/')) as { statusCode: number; headers: Record<string, string>; body: string };
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.body).toMatch(/<html/i);
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
