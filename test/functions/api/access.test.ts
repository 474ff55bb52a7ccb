import { afterEach, describe, expect, it } from 'vitest';
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
