import { beforeAll, describe, expect, it } from 'vitest';
import { bundle, invoke, type Bundle } from '../helpers/infra/bundle';
import { functionUrlEvent, s3TestEventBatch } from '../helpers/infra/events';

const ONE_MB = 1024 * 1024;
let api: Bundle;
let worker: Bundle;
beforeAll(async () => {
  [api, worker] = await Promise.all([bundle('api'), bundle('worker')]);
});

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

  it('the bundled worker skips the s3:TestEvent without failures', async () => {
    expect(await invoke(worker, s3TestEventBatch())).toEqual({ batchItemFailures: [] });
  });
});
