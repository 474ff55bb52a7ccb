/** /v1/openapi.json as a client reads it: operation ids, real media types, the bearer scheme, every route. */
import { describe, expect, it } from 'vitest';
import { exportFormats } from '../../../lib';
import { ResultSchema } from '../../../lib/result-schema';
import { fixture } from '../../helpers/fixtures';
import { localHarness } from '../../helpers/functions/local-app';

async function openapi(env: Record<string, string> = {}): Promise<any> {
  const h = await localHarness(env);
  try {
    return await (await h.request('/v1/openapi.json')).json();
  } finally {
    await h.close();
  }
}

const operations = (doc: any): Array<{ path: string; method: string; op: any }> =>
  Object.entries(doc.paths).flatMap(([path, item]: [string, any]) => Object.entries(item).map(([method, op]) => ({ path, method, op })));

describe('the OpenAPI document', () => {
  it('gives every operation a unique operationId', async () => {
    const ops = operations(await openapi());
    const ids = ops.map((o) => o.op.operationId);
    expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ops.map((o) => `${o.method.toUpperCase()} ${o.path}`)).toEqual(expect.arrayContaining([
      'POST /v1/jobs', 'GET /v1/jobs/{jobId}', 'GET /v1/jobs/{jobId}/project', 'GET /v1/jobs/{jobId}/export/{format}', 'POST /v1/convert', 'POST /v1/uploads',
    ]));
  });

  it('lists every export format\'s media type on the export routes, and the result as a real schema', async () => {
    const doc = await openapi();
    const types = [...new Set(exportFormats.map((f) => f.mediaType.split(';')[0]!.trim()))];
    expect(types).toContain('application/json+chapters');
    for (const path of ['/v1/jobs/{jobId}/export/{format}', '/v1/convert']) {
      const op = doc.paths[path].get ?? doc.paths[path].post;
      expect(Object.keys(op.responses['200'].content).sort(), path).toEqual(types.sort());
      expect(op.responses['200'].headers['Dawstamps-Warnings']).toBeDefined();
    }
    const result = doc.components.schemas.Result;
    expect(Object.keys(result.properties).sort()).toEqual(Object.keys(ResultSchema.shape).sort());
    expect(doc.components.schemas.JobStatus.properties.result.$ref ?? doc.components.schemas.JobStatus.properties.result.allOf?.[0]?.$ref).toBe('#/components/schemas/Result');
    expect(Object.keys(doc.paths['/v1/convert'].post.requestBody.content).sort()).toEqual(['application/octet-stream', 'multipart/form-data']);
    expect(doc.paths['/v1/jobs'].post.responses['415']).toBeDefined();
  });

  it('types application/json as the result or a named export shape, never an untyped record; podcast has its own media type', async () => {
    const doc = await openapi();
    const refs = (schema: any): string[] => (schema.anyOf ?? schema.oneOf ?? [schema]).map((s: any) => s.$ref ?? s.allOf?.[0]?.$ref);
    expect(refs(doc.paths['/v1/convert'].post.responses['200'].content['application/json'].schema))
      .toEqual(['#/components/schemas/Result', '#/components/schemas/LicensingReport', '#/components/schemas/MixcloudSections']);
    expect(refs(doc.paths['/v1/jobs/{jobId}/export/{format}'].get.responses['200'].content['application/json'].schema))
      .toEqual(['#/components/schemas/ExportPreview', '#/components/schemas/Result', '#/components/schemas/LicensingReport', '#/components/schemas/MixcloudSections']);
    for (const path of ['/v1/convert', '/v1/jobs/{jobId}/export/{format}']) {
      const op = doc.paths[path].get ?? doc.paths[path].post;
      expect(op.responses['200'].content['application/json+chapters'].schema.$ref, path).toBe('#/components/schemas/PodcastChapters');
    }
    expect(JSON.stringify(doc.paths)).not.toMatch(/"additionalProperties":\{\}/);
  });

  it('matches what the exporters write: every JSON export of a real set parses with its named schema', async () => {
    const h = await localHarness();
    try {
      const { JsonExportBody, LicensingReportBody, MixcloudSectionsBody, PodcastChaptersBody } = await import('../../../functions/api/export-schemas');
      const { ResultBody } = await import('../../../functions/api/schemas');
      const bytes = fixture('ableton/automation.als');
      const schemas = { json: ResultBody, 'report-json': LicensingReportBody, mixcloud: MixcloudSectionsBody, podcast: PodcastChaptersBody };
      for (const [format, schema] of Object.entries(schemas)) {
        const res = await h.request(`/v1/convert?format=${format}&filename=automation.als`, { method: 'POST', body: bytes as Uint8Array<ArrayBuffer> });
        expect(res.status, format).toBe(200);
        const body = await res.json();
        expect(schema.safeParse(body).error, format).toBeUndefined();
        if (format !== 'podcast') expect(JsonExportBody.safeParse(body).success, format).toBe(true);
      }
    } finally {
      await h.close();
    }
  });

  it('lists the errors each job route can answer, and refuses unknown query parameters on /project', async () => {
    const doc = await openapi();
    expect(Object.keys(doc.paths['/v1/jobs/{jobId}'].get.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '404', '410', '413', '500']));
    expect(Object.keys(doc.paths['/v1/jobs/{jobId}/project'].get.responses)).toEqual(expect.arrayContaining(['200', '303', '410', '413']));
    expect(Object.keys(doc.paths['/v1/convert'].post.responses)).toEqual(expect.arrayContaining(['413', '503']));
    const h = await localHarness();
    try {
      const res = await h.request(`/v1/jobs/${'0'.repeat(32)}/project?timing=stepped`);
      expect(res.status).toBe(400);
      expect(((await res.json()) as any).error.code).toBe('unknown-parameter');
    } finally {
      await h.close();
    }
  });

  it('declares the bearer scheme and requires it where the token guards, only when a token is set', async () => {
    const open = await openapi();
    expect(open.components.securitySchemes).toBeUndefined();
    const guarded = await openapi({ API_TOKEN: 'tok3n' });
    expect(guarded.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    for (const { path, op } of operations(guarded)) {
      const needs = path.startsWith('/v1/jobs') || path === '/v1/convert';
      expect(op.security ?? [], path).toEqual(needs ? [{ bearer: [] }] : []);
    }
  });
});

describe('POST /v1/convert takes the file as people send it', () => {
  it('as a multipart form (curl -F file=@mix.als), as a raw body, and as curl --data-binary\'s form-encoded body', async () => {
    const h = await localHarness();
    try {
      const bytes = fixture('ableton/automation.als');
      const form = new FormData();
      form.append('file', new File([bytes as Uint8Array<ArrayBuffer>], 'My Mix.als'));
      const multipart = await h.request('/v1/convert', { method: 'POST', body: form });
      expect(multipart.status).toBe(200);
      const fromForm = (await multipart.json()) as any;
      expect(fromForm.source.file).toBe('My Mix.als');
      const raw = (await (await h.request('/v1/convert', { method: 'POST', body: bytes as Uint8Array<ArrayBuffer> })).json()) as any;
      const encoded = await h.request('/v1/convert', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: bytes as Uint8Array<ArrayBuffer> });
      expect(encoded.status).toBe(200);
      expect(fromForm.markers).toEqual(raw.markers);
      expect(((await encoded.json()) as any).markers).toEqual(raw.markers);
      const noFile = new FormData();
      noFile.append('other', 'x');
      const refused = await h.request('/v1/convert', { method: 'POST', body: noFile });
      expect(refused.status).toBe(400);
      expect(((await refused.json()) as any).error.message).toMatch(/"file" part/);
    } finally {
      await h.close();
    }
  });
});
