import { cpSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectedMarkers, fixture, markersMatch } from '../../helpers/fixtures';
import { postUpload } from '../../helpers/functions/form';
import { createJob, localHarness, type LocalHarness } from '../../helpers/functions/local-app';

let h: LocalHarness;
beforeEach(async () => { h = await localHarness(); });
afterEach(async () => { await h.close(); });

interface Created { jobId: string; upload: { url: string; fields: Record<string, string> }; expiresAt: string }

async function newJob(body: unknown = { filename: 'automation.als' }): Promise<Created> {
  const res = await createJob(h, body);
  expect(res.status).toBe(201);
  return (await res.json()) as Created;
}

async function upload(job: Created, bytes: Uint8Array): Promise<Response> {
  return postUpload(job.upload.url, job.upload.fields, bytes, 'x.als', (url, init) => h.request(String(url), init));
}

const status = async (jobId: string): Promise<any> => (await h.request(`/v1/jobs/${jobId}`)).json();

describe('POST /v1/jobs', () => {
  it('answers 201 with a 128-bit id, a form pinned to uploads/<id>/<name> and a 10-minute expiry', async () => {
    const before = Date.now();
    const job = await newJob({ filename: '../../etc/My Mix (final).als', size: 1234, options: { start: 'B' } });
    expect(job.jobId).toMatch(/^[0-9a-f]{32}$/);
    expect(job.upload.url).toBe('http://localhost/v1/uploads');
    expect(job.upload.fields.key).toBe(`uploads/${job.jobId}/My Mix (final).als`);
    expect(job.upload.fields['Content-Type']).toBe('application/octet-stream');
    const ttl = Date.parse(job.expiresAt) - before;
    expect(ttl).toBeGreaterThan(590_000);
    expect(ttl).toBeLessThan(610_000);
  });

  it('stores the options with the job and never reuses an id', async () => {
    const a = await newJob({ filename: 'a.als', options: { start: 'B', timing: 'continuous' } });
    const b = await newJob({ filename: 'a.als' });
    expect(a.jobId).not.toBe(b.jobId);
    const record = JSON.parse(new TextDecoder().decode((await h.storage.get(`jobs/${a.jobId}.json`))!.body));
    expect(record.options).toEqual({ start: 'B', timing: 'continuous' });
    // Nothing under the upload prefix until the upload itself: creating a job notifies nobody.
    expect(await h.storage.head(`uploads/${a.jobId}.json`)).toBeNull();
  });

  it.each([
    ['bad JSON', '{"filename":', 'invalid-json'],
    ['a wrong type', JSON.stringify({ filename: 42 }), 'invalid-request'],
    ['a missing filename', JSON.stringify({}), 'invalid-request'],
    // an unknown name is 'unknown-parameter' in a body as in a query string
    ['an unknown option', JSON.stringify({ filename: 'a.als', options: { tempo: 'fast' } }), 'unknown-parameter'],
    ['an unknown field', JSON.stringify({ filename: 'a.als', colour: 'red' }), 'unknown-parameter'],
    ['an unknown timing', JSON.stringify({ filename: 'a.als', options: { timing: 'wobbly' } }), 'invalid-option'],
    ['a malformed start', JSON.stringify({ filename: 'a.als', options: { start: '#0' } }), 'invalid-option'],
  ])('refuses %s with 400 and a typed error', async (_, body, code) => {
    const res = await h.request('/v1/jobs', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(res.status).toBe(400);
    const json = (await res.json()) as any;
    expect(json.error.code).toBe(code);
    expect(typeof json.error.message).toBe('string');
    expect(JSON.stringify(json)).not.toMatch(/at .*\.ts:\d+/);
  });

  it('refuses an oversized job request body with 413', async () => {
    const res = await createJob(h, { filename: 'a.als', options: { start: 'x'.repeat(400) }, padding: 'y'.repeat(20_000) });
    expect(res.status).toBe(413);
    expect(((await res.json()) as any).error.code).toBe('request-too-large');
  });

  it('refuses a declared size over the cap with 413 before any upload', async () => {
    const res = await createJob(h, { filename: 'big.als', size: h.config.maxUploadBytes + 1 });
    expect(res.status).toBe(413);
    expect(((await res.json()) as any).error.code).toBe('file-too-large');
  });
});

describe('GET /v1/jobs/:jobId', () => {
  it('walks waiting-upload → processing/done and returns the right markers', async () => {
    const job = await newJob({ filename: 'automation.als' });
    expect(await status(job.jobId)).toMatchObject({ jobId: job.jobId, status: 'waiting-upload', fileName: 'automation.als' });
    const res = await upload(job, fixture('ableton/automation.als'));
    expect(res.status).toBe(204);
    expect(['processing', 'done']).toContain((await status(job.jobId)).status);
    await h.queue.idle();
    const done = await status(job.jobId);
    expect(done.status).toBe('done');
    expect(done.result.source).toMatchObject({ daw: 'ableton', file: 'automation.als' });
    expect(markersMatch(done.result.markers, expectedMarkers('ableton/automation.als'))).toBe(true);
  });

  it('reads failed with the converter\'s code for a file that is not a project', async () => {
    const job = await newJob({ filename: 'junk.als' });
    await upload(job, fixture('ableton/junk.als'));
    await h.queue.idle();
    expect(await status(job.jobId)).toMatchObject({ status: 'failed', error: { code: 'not-a-project' } });
  });

  it('reads failed (not processing forever) when an upload has had no result for too long', async () => {
    const job = await newJob({ filename: 'stuck.als' });
    // An upload the queue never delivers (as after the dead-letter queue): write it behind the queue's back.
    await h.storage.put(`uploads/${job.jobId}/stuck.als`, fixture('ableton/automation.als'), 'application/octet-stream');
    expect((await status(job.jobId)).status).toBe('processing');
    // The same data seen by an app with the age rule (AWS's fallback) whose clock is past it.
    const later = await localHarness({ PROCESSING_TIMEOUT_SECONDS: '600' }, { now: () => new Date(Date.now() + 605 * 1000) });
    try {
      cpSync(h.dir, later.dir, { recursive: true });
      const res = await later.request(`/v1/jobs/${job.jobId}`);
      expect(await res.json()).toMatchObject({ status: 'failed', error: { code: 'processing-failed' } });
    } finally {
      await later.close();
    }
  });

  it('answers 404 for an id nobody created and 400 for anything that is not an id', async () => {
    const unknown = await h.request(`/v1/jobs/${'0'.repeat(32)}`);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as any).error.code).toBe('job-not-found');
    for (const bad of ['abc', '..%2F..%2Fetc%2Fpasswd', 'ABCDEF0123456789ABCDEF0123456789', `${'0'.repeat(31)}g`]) {
      const res = await h.request(`/v1/jobs/${bad}`);
      expect(res.status, bad).toBe(400);
      expect(((await res.json()) as any).error.code).toBe('invalid-job-id');
    }
  });
});

describe('GET /v1/jobs/:jobId/export/:format', () => {
  async function doneJob(options: Record<string, unknown> = {}): Promise<Created> {
    const job = await newJob({ filename: 'My Set – live.als', options });
    await upload(job, fixture('ableton/automation.als'));
    await h.queue.idle();
    return job;
  }

  it('serves each format with its media type and a safe download name', async () => {
    const job = await doneJob();
    const res = await h.request(`/v1/jobs/${job.jobId}/export/cue`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/x-cue/);
    // the name as written in filename* (RFC 5987), an ASCII stand-in in filename
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="My Set_live.cue"; filename*=UTF-8''My%20Set%20%E2%80%93%20live.cue`);
    expect(await res.text()).toMatch(/TRACK 01 AUDIO/);
    const yt = await h.request(`/v1/jobs/${job.jobId}/export/youtube?fix=false`);
    expect(yt.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await yt.text()).toMatch(/^0:00 A$/m);
  });

  it('times the stored project with new options: the upload is gone, and no file is read again', async () => {
    const job = await doneJob();
    expect(await h.storage.head(`uploads/${job.jobId}/My Set – live.als`)).toBeNull();
    const plain = await (await h.request(`/v1/jobs/${job.jobId}/export/json`)).json() as any;
    expect(plain.start).toMatchObject({ beat: 0 });
    const fromB = await (await h.request(`/v1/jobs/${job.jobId}/export/json?start=B`)).json() as any;
    const b = expectedMarkers('ableton/automation.als').find((m) => m.name === 'B')!;
    expect(fromB.markers[0].name).toBe('B');
    expect(fromB.markers[0].seconds).toBeCloseTo(0, 6);
    const d = fromB.markers.find((m: any) => m.name === 'D');
    expect(d.seconds).toBeCloseTo(expectedMarkers('ableton/automation.als').find((m) => m.name === 'D')!.seconds - b.seconds, 3);
  });

  it('says 410 once the stored project is gone (results are kept for days, not forever)', async () => {
    const job = await doneJob();
    const outcome = JSON.parse(new TextDecoder().decode((await h.storage.get(`results/${job.jobId}.json`))!.body));
    await h.storage.delete(outcome.project);
    const res = await h.request(`/v1/jobs/${job.jobId}/export/text?start=B`);
    expect(res.status).toBe(410);
    expect(((await res.json()) as any).error.code).toBe('project-expired');
  });

  it('returns { text, warnings } with as=json for previews', async () => {
    const job = await doneJob();
    const body = await (await h.request(`/v1/jobs/${job.jobId}/export/text?as=json&precision=ms`)).json() as any;
    expect(body.fileName).toBe('My Set – live.txt');
    expect(body.text).toMatch(/^00:00\.000 A$/m);
    expect(Array.isArray(body.warnings)).toBe(true);
  });

  it('answers 400 for unknown formats and option values, 409 before the result, 422 for a failed job', async () => {
    const job = await doneJob();
    expect((await h.request(`/v1/jobs/${job.jobId}/export/mp3`)).status).toBe(400);
    expect((await h.request(`/v1/jobs/${job.jobId}/export/text?precision=us`)).status).toBe(400);
    expect((await h.request(`/v1/jobs/${job.jobId}/export/text?start=NoSuchLocator`)).status).toBe(400);
    const waiting = await newJob();
    const early = await h.request(`/v1/jobs/${waiting.jobId}/export/text`);
    expect(early.status).toBe(409);
    expect(((await early.json()) as any).error.code).toBe('job-not-ready');
    const junk = await newJob({ filename: 'junk.als' });
    await upload(junk, fixture('ableton/junk.als'));
    await h.queue.idle();
    const failed = await h.request(`/v1/jobs/${junk.jobId}/export/text`);
    expect(failed.status).toBe(422);
    expect(((await failed.json()) as any).error.code).toBe('not-a-project');
  });
});
