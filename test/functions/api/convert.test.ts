import { gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FORM_OVERHEAD } from '../../../functions/body-limit';
import { expectedMarkers, fixture, markersMatch } from '../../helpers/fixtures';
import { HttpError } from '../../../functions/http-error';
import { localHarness, postConvert, type LocalHarness } from '../../helpers/functions/local-app';

let h: LocalHarness;
beforeEach(async () => { h = await localHarness({ CONVERT_MAX_BYTES: String(300 * 1024) }); });
afterEach(async () => { await h.close(); });

const post = (query: string, body: Uint8Array | string) => h.request(`/v1/convert${query}`, {
  method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: body as BodyInit,
});

describe('POST /v1/convert', () => {
  it('returns the result JSON for a set in the body (FL Studio and Ableton)', async () => {
    const res = await post('?filename=automation.als', fixture('ableton/automation.als'));
    expect(res.status).toBe(200);
    const result = (await res.json()) as any;
    expect(result.source.file).toBe('automation.als');
    expect(markersMatch(result.markers, expectedMarkers('ableton/automation.als'))).toBe(true);
    const fl = await post('', fixture('flstudio/fl-markers.flp'));
    expect(fl.status).toBe(200);
    expect(((await fl.json()) as any).source.daw).toBe('flstudio');
  });

  it('returns an export with ?format= and export options', async () => {
    const res = await post('?format=text&precision=ms&filename=My%20Mix.als', fixture('ableton/automation.als'));
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="My Mix.txt"; filename*=UTF-8''My%20Mix.txt`);
    expect(await res.text()).toMatch(/^00:04\.000 B$/m);
  });

  it('applies conversion options from the query (start, timing)', async () => {
    const res = await post('?start=B&timing=continuous', fixture('ableton/automation.als'));
    const result = (await res.json()) as any;
    expect(result.timing.model).toBe('continuous');
    expect(result.markers[0]).toMatchObject({ name: 'B', seconds: 0 });
  });

  it('answers 413 with a pointer to /v1/jobs for a body over the limit', async () => {
    const res = await post('', new Uint8Array(300 * 1024 + 1));
    expect(res.status).toBe(413);
    const body = (await res.json()) as any;
    expect(body.error.code).toBe('file-too-large');
    expect(body.error.message).toContain('/v1/jobs');
  });

  it('takes a multipart file (curl -F) under the same limit, with FORM_OVERHEAD bytes for the form around it', async () => {
    const form = (file: Uint8Array, padding = 0): FormData => {
      const f = new FormData();
      if (padding > 0) f.append('note', 'x'.repeat(padding));
      f.append('file', new Blob([file as Uint8Array<ArrayBuffer>]), 'automation.als');
      return f;
    };
    const ok = await h.request('/v1/convert', { method: 'POST', body: form(fixture('ableton/automation.als')) });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as any).source.file).toBe('automation.als');
    const atLimit = await h.request('/v1/convert', { method: 'POST', body: form(new Uint8Array(300 * 1024)) });
    expect(atLimit.status).toBe(422); // read, and found not to be a project
    const padded = await h.request('/v1/convert', { method: 'POST', body: form(new Uint8Array(300 * 1024), FORM_OVERHEAD) });
    expect(padded.status).toBe(413);
    expect(((await padded.json()) as any).error.message).toContain('/v1/jobs');
    // a body streamed without a length is counted as it arrives
    const chunks = [new Uint8Array(200 * 1024), new Uint8Array(200 * 1024)];
    const stream = new ReadableStream<Uint8Array>({ pull(c) { const next = chunks.shift(); if (next) c.enqueue(next); else c.close(); } });
    const streamed = await h.request('/v1/convert', { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: stream, duplex: 'half' } as RequestInit);
    expect(streamed.status).toBe(413);
  });

  const set = gunzipSync(fixture('ableton/automation.als'));
  it.each([
    ['an empty body', new Uint8Array(0), 422, 'empty-file', 'The file is empty'],
    ['junk', fixture('ableton/junk.als'), 422, 'not-a-project', 'not a project dawstamps reads: Ableton Live set (.als), FL Studio project (.flp)'],
    ['a plain-XML set cut short', set.subarray(0, 20_000), 422, 'corrupt-file', 'The XML is broken: it ends before the document does (after 20000 bytes, '],
    ['two sets in one gzip', gzipSync(Buffer.concat([set, set])), 422, 'corrupt-file', 'The XML is broken: there is data after the end of the document'],
    ['gzipped text', gzipSync('not a set'), 422, 'not-a-project', 'what is inside is not an Ableton Live set'],
  ])('answers %s with a typed error', async (_, body, status, code, message) => {
    const res = await post('', new Uint8Array(body));
    expect(res.status).toBe(status);
    const error = ((await res.json()) as any).error;
    expect(error.code).toBe(code);
    expect(error.message).toContain(message);
  });

  it('answers 503 busy with Retry-After when the conversion thread holds all it may (uploads through /v1/jobs still work)', async () => {
    const busy = await localHarness({}, { convert: () => Promise.reject(new HttpError(503, 'busy', 'The server is converting other files; try again in 20 s.', { 'Retry-After': '20' })) });
    try {
      const res = await postConvert(busy, '', fixture('ableton/automation.als'));
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('20');
      expect(((await res.json()) as any).error.code).toBe('busy');
    } finally {
      await busy.close();
    }
  });

  it('answers 400 for bad option values and unknown formats', async () => {
    for (const q of ['?timing=wobbly', '?format=mp3', '?start=NoSuchLocator', '?precision=ns', '?fix=maybe']) {
      const res = await post(q, fixture('ableton/automation.als'));
      expect(res.status, q).toBe(400);
    }
  });
});
