import { afterEach, describe, expect, it } from 'vitest';
import { bearerToken } from '../../../functions/api/middleware/bearer-token';
import { createJob, localHarness, type LocalHarness } from '../../helpers/functions/local-app';

let h: LocalHarness | null = null;
afterEach(async () => { await h?.close(); h = null; });

describe('the optional bearer token', () => {
  it('is not needed when API_TOKEN is unset', async () => {
    h = await localHarness();
    expect((await createJob(h, { filename: 'a.als' })).status).toBe(201);
  });

  it('guards jobs and convert when API_TOKEN is set, leaving health, formats and the page open', async () => {
    h = await localHarness({ API_TOKEN: 's3cret-token' });
    const none = await createJob(h, { filename: 'a.als' });
    expect(none.status).toBe(401);
    expect(((await none.json()) as any).error.code).toBe('unauthorized');
    expect((await createJob(h, { filename: 'a.als' }, { authorization: 'Bearer wrong' })).status).toBe(401);
    expect((await createJob(h, { filename: 'a.als' }, { authorization: 'Bearer s3cret-token' })).status).toBe(201);
    expect((await h.request(`/v1/jobs/${'a'.repeat(32)}`)).status).toBe(401);
    expect((await h.request('/v1/convert', { method: 'POST', body: 'x' })).status).toBe(401);
    expect((await h.request('/healthz')).status).toBe(200);
    expect((await h.request('/v1/formats')).status).toBe(200);
    expect((await h.request('/')).status).toBe(200);
    expect(((await (await h.request('/v1/config')).json()) as any).auth).toBe('bearer');
  });

  it('refuses a missing, wrong or malformed token alike: 401, JSON, a Bearer challenge', async () => {
    h = await localHarness({ API_TOKEN: 's3cret-token' });
    for (const authorization of [undefined, 'Bearer wrong', 'Bearer', 'Bearer two words', 'Basic czNjcmV0', 'Bearer s3cret-token!']) {
      const res = await createJob(h, { filename: 'a.als' }, authorization === undefined ? {} : { authorization });
      expect(res.status, String(authorization)).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await res.json()).toEqual({ error: { code: 'unauthorized', message: 'This API needs a token: send Authorization: Bearer <token>.' } });
    }
    expect((await createJob(h, { filename: 'a.als' }, { authorization: 'bearer   s3cret-token' })).status).toBe(201);
  });

  it('lets CORS preflights through without a token', async () => {
    h = await localHarness({ API_TOKEN: 's3cret-token' });
    expect((await h.request('/v1/jobs', { method: 'OPTIONS' })).status).not.toBe(401);
    await h.close();
    h = await localHarness({ API_TOKEN: 's3cret-token', ALLOWED_ORIGINS: 'https://mix.example' });
    const res = await h.request('/v1/jobs', { method: 'OPTIONS', headers: { origin: 'https://mix.example', 'access-control-request-method': 'POST' } });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://mix.example');
  });

  it('refuses to start with a token no Authorization header could carry', () => {
    expect(() => bearerToken('two words')).toThrow(/API_TOKEN/);
    expect(() => bearerToken('abc+/=')).not.toThrow();
  });
});

describe('CORS', () => {
  it('answers only the configured origins', async () => {
    h = await localHarness({ ALLOWED_ORIGINS: 'https://mix.example, https://other.example' });
    const ok = await h.request('/v1/jobs', { method: 'OPTIONS', headers: { origin: 'https://mix.example', 'access-control-request-method': 'POST' } });
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://mix.example');
    const evil = await h.request('/v1/formats', { headers: { origin: 'https://evil.example' } });
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('sends no CORS headers at all when no origin is configured', async () => {
    h = await localHarness();
    const res = await h.request('/v1/formats', { headers: { origin: 'https://mix.example' } });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});
