import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportFormats, listFormats } from '../../../lib/index';
import { localHarness, type LocalHarness } from '../../helpers/functions/local-app';

let h: LocalHarness;
beforeEach(async () => { h = await localHarness(); });
afterEach(async () => { await h.close(); });

describe('meta routes', () => {
  it('GET /healthz answers ok', async () => {
    const res = await h.request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('GET /v1/formats is the registries, not a copy', async () => {
    const body = (await (await h.request('/v1/formats')).json()) as any;
    expect(body.exports).toEqual(exportFormats);
    expect(body.inputs).toEqual(listFormats());
    expect(body.exports.map((f: any) => f.id)).toContain('youtube');
  });

  it('GET /v1/config tells the page about the token, the limits and that uploads are deleted once read', async () => {
    expect(await (await h.request('/v1/config')).json()).toEqual({
      auth: 'none', maxUploadBytes: 100 * 1024 * 1024, convertMaxBytes: 6 * 1024 * 1024,
      retention: { uploads: 'deleted-once-read', uploadsDays: null, resultsDays: null },
    });
  });

  it('GET /v1/openapi.json documents every route from the validating schemas', async () => {
    const doc = (await (await h.request('/v1/openapi.json')).json()) as any;
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining([
      '/v1/jobs', '/v1/jobs/{jobId}', '/v1/jobs/{jobId}/export/{format}', '/v1/convert', '/v1/formats', '/healthz',
    ]));
    const create = doc.paths['/v1/jobs'].post.requestBody.content['application/json'].schema;
    expect(create.$ref ?? '').toMatch(/CreateJob/);
    expect(doc.components.schemas.JobOptions.properties.timing.enum).toEqual(['auto', 'stepped', 'continuous']);
  });

  it('unknown paths answer a JSON 404', async () => {
    const res = await h.request('/v1/nothing');
    expect(res.status).toBe(404);
    expect(((await res.json()) as any).error.code).toBe('not-found');
  });
});

describe('the page and its headers', () => {
  it('serves / with a strict CSP, nosniff and no framing', async () => {
    const res = await h.request('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(await res.text()).toContain('page');
  });

  it('serves the page\'s assets with their types and nothing outside them', async () => {
    const js = await h.request('/app.js');
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
    // a script may run as the page's Web Worker, under its own response's policy: it may import the page's scripts, nothing else
    expect(js.headers.get('content-security-policy')).toBe("default-src 'none'; script-src 'self'; frame-ancestors 'none'");
    expect((await h.request('/secret.txt')).status).toBe(404);
    expect((await h.request('/..%2Fpackage.json')).status).toBe(404);
  });

  it('API responses carry nosniff and a deny-all CSP too', async () => {
    const res = await h.request('/v1/formats');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
  });

  it('chooses its security headers: no HSTS (the deployment owns the transport), no COEP', async () => {
    for (const path of ['/', '/v1/formats', '/v1/nothing']) {
      const res = await h.request(path);
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('cross-origin-resource-policy')).toBe('same-site');
      expect(res.headers.get('strict-transport-security')).toBeNull();
      expect(res.headers.get('cross-origin-embedder-policy')).toBeNull();
    }
    expect((await h.request('/')).headers.get('content-security-policy')).toContain("worker-src 'self'");
  });
});
