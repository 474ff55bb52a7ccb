/**
 * One job, one file, and every job ends: the parsed project is what is kept (the upload is
 * deleted as soon as it is read), a second upload is refused, an announced size must match, a
 * job without an upload expires. Through app.request() over the local adapters (npm start's).
 */
import { cpSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { convert, projectFromJson, timeProject } from '../../../lib';
import { expectedMarkers, fixture, markersMatch } from '../../helpers/fixtures';
import { postUpload } from '../../helpers/functions/form';
import { createApp } from '../../../functions/api/app';
import { createJob, localHarness, TEST_ASSETS, type LocalHarness } from '../../helpers/functions/local-app';

let h: LocalHarness;
beforeEach(async () => { h = await localHarness(); });
afterEach(async () => { await h.close(); });

interface Created { jobId: string; upload: { url: string; fields: Record<string, string> }; expiresAt: string }

async function newJob(body: Record<string, unknown>, on: LocalHarness = h): Promise<Created> {
  const res = await createJob(on, body);
  expect(res.status).toBe(201);
  return (await res.json()) as Created;
}
const upload = (job: Created, bytes: Uint8Array, on: LocalHarness = h): Promise<Response> =>
  postUpload(job.upload.url, job.upload.fields, bytes, 'x', (url, init) => on.request(String(url), init));
const status = async (jobId: string, query = '', on: LocalHarness = h): Promise<any> => (await on.request(`/v1/jobs/${jobId}${query}`)).json();

describe('the upload is read once and deleted', () => {
  it('after a result: only the job record, the outcome and the stored project remain', async () => {
    const job = await newJob({ filename: 'automation.als' });
    expect((await upload(job, fixture('ableton/automation.als'))).status).toBe(204);
    await h.queue.idle();
    expect((await status(job.jobId)).status).toBe('done');
    expect(await h.storage.head(`uploads/${job.jobId}/automation.als`)).toBeNull();
    const outcome = JSON.parse(new TextDecoder().decode((await h.storage.get(`results/${job.jobId}.json`))!.body));
    expect(outcome.project).toMatch(new RegExp(`^results/${job.jobId}\\.project-[0-9a-f]{16}\\.json$`));
    expect(await h.storage.head(outcome.project)).not.toBeNull();
  });

  it('after a typed failure too', async () => {
    const job = await newJob({ filename: 'junk.als' });
    await upload(job, fixture('ableton/junk.als'));
    await h.queue.idle();
    expect(await status(job.jobId)).toMatchObject({ status: 'failed', error: { code: 'not-a-project' } });
    expect(await h.storage.head(`uploads/${job.jobId}/junk.als`)).toBeNull();
  });
});

describe('the stored project', () => {
  it('is served as a project document that times to exactly what converting the file gives', async () => {
    const job = await newJob({ filename: 'automation.als', options: { timing: 'continuous' } });
    await upload(job, fixture('ableton/automation.als'));
    await h.queue.idle();
    const res = await h.request(`/v1/jobs/${job.jobId}/project`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const project = projectFromJson(await res.json());
    for (const options of [{}, { timing: 'stepped' as const, start: 'B' }, { source: 'clips' as const }]) {
      expect(timeProject(project, { ...options, fileName: 'automation.als' })).toEqual(await convert(fixture('ableton/automation.als'), { ...options, fileName: 'automation.als' }));
    }
  });

  it('GET /v1/jobs/:id leaves the tempo breakpoints out unless include=tempo asks for them', async () => {
    const job = await newJob({ filename: 'automation.als' });
    await upload(job, fixture('ableton/automation.als'));
    await h.queue.idle();
    const lean = await status(job.jobId);
    expect(lean.result.tempo).toEqual({ initialBpm: expect.any(Number), automated: true });
    const full = await status(job.jobId, '?include=tempo');
    const direct = await convert(fixture('ableton/automation.als'), { fileName: 'automation.als' });
    expect(full.result).toEqual(JSON.parse(JSON.stringify(direct)));
    expect(full.result.tempo.points.length).toBeGreaterThan(2);
    expect((await h.request(`/v1/jobs/${job.jobId}?include=everything`)).status).toBe(400);
  });

  it('answers compressed when the client accepts it', async () => {
    const job = await newJob({ filename: 'live9-automation.als' });
    await upload(job, fixture('ableton/live9-automation.als'));
    await h.queue.idle();
    const plain = await h.request(`/v1/jobs/${job.jobId}/project`);
    const text = await plain.text();
    const gz = await h.request(`/v1/jobs/${job.jobId}/project`, { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    const body = new Uint8Array(await gz.arrayBuffer());
    expect(gunzipSync(body).toString('utf8')).toBe(text);
    expect(body.length).toBeLessThan(text.length / 3);
    expect(plain.headers.get('content-encoding')).toBeNull();
  });
});

describe('parse once, time anywhere: a job whose own options do not fit its file', () => {
  it('is done without a result, says why, and keeps its project for any other options', async () => {
    const job = await newJob({ filename: 'automation.als', options: { start: 'Intro' } }); // the set has no marker "Intro"
    expect((await upload(job, fixture('ableton/automation.als'))).status).toBe(204);
    await h.queue.idle();
    const done = await status(job.jobId);
    expect(done).toMatchObject({ status: 'done', error: { code: 'invalid-option', message: expect.stringContaining('Intro') } });
    expect(done.result).toBeUndefined();
    expect(await h.storage.head(`uploads/${job.jobId}/automation.als`)).toBeNull();
    // the file was read once; the project answers, and exports with other options work
    const project = await h.request(`/v1/jobs/${job.jobId}/project`);
    expect(project.status).toBe(200);
    const fromB = await h.request(`/v1/jobs/${job.jobId}/export/text?start=B`);
    expect(fromB.status).toBe(200);
    expect(await fromB.text()).toMatch(/^00:00 B$/m);
    // the job's own options still say what they said
    const own = await h.request(`/v1/jobs/${job.jobId}/export/text`);
    expect(own.status).toBe(400);
    expect(((await own.json()) as any).error.code).toBe('invalid-option');
    expect(await status(job.jobId, '?include=tempo')).toMatchObject({ status: 'done', error: { code: 'invalid-option' } });
  });
});

describe('one job, one file', () => {
  it('refuses a second upload with 409 already-uploaded; the result stays the first file\'s', async () => {
    const job = await newJob({ filename: 'automation.als' });
    expect((await upload(job, fixture('ableton/automation.als'))).status).toBe(204);
    await h.queue.idle();
    const second = await upload(job, fixture('flstudio/fl-markers.flp'));
    expect(second.status).toBe(409);
    expect(((await second.json()) as any).error.code).toBe('already-uploaded');
    await h.queue.idle();
    const after = await status(job.jobId);
    expect(after.result.source.daw).toBe('ableton');
    expect(markersMatch(after.result.markers, expectedMarkers('ableton/automation.als'))).toBe(true);
    const exported = await (await h.request(`/v1/jobs/${job.jobId}/export/json?timing=stepped`)).json() as any;
    expect(exported.source.daw).toBe('ableton');
    expect(await h.storage.head(`uploads/${job.jobId}/automation.als`)).toBeNull();
  });

  it('refuses the second of two uploads sent at once', async () => {
    const job = await newJob({ filename: 'automation.als' });
    const answers = await Promise.all([upload(job, fixture('ableton/automation.als')), upload(job, fixture('ableton/automation.als'))]);
    expect(answers.map((r) => r.status).sort()).toEqual([204, 409]);
  });

  it('a later upload that reaches the worker anyway (S3 cannot refuse it) is deleted and changes nothing', async () => {
    const job = await newJob({ filename: 'automation.als' });
    await upload(job, fixture('ableton/automation.als'));
    await h.queue.idle();
    const before = (await h.storage.get(`results/${job.jobId}.json`))!.body;
    // as S3 would: the same key again, and its notification
    const key = `uploads/${job.jobId}/automation.als`;
    await h.storage.put(key, fixture('flstudio/fl-markers.flp'), 'application/octet-stream');
    h.queue.send(JSON.stringify({ Records: [{ eventName: 'ObjectCreated:Post', s3: { object: { key: encodeURIComponent(key) } } }] }));
    await h.queue.idle();
    expect((await h.storage.get(`results/${job.jobId}.json`))!.body).toEqual(before);
    expect(await h.storage.head(key)).toBeNull();
  });

  it('pins an announced size in the upload form, and fails a job whose upload has another size', async () => {
    const bytes = fixture('ableton/automation.als');
    const job = await newJob({ filename: 'automation.als', size: bytes.length + 5 });
    const refused = await upload(job, bytes);
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as any).error.code).toBe('file-too-small');
    // behind the form's back (as with moto, which does not check the policy): the worker checks too
    const other = await newJob({ filename: 'automation.als', size: bytes.length + 5 });
    const key = `uploads/${other.jobId}/automation.als`;
    await h.storage.put(key, bytes, 'application/octet-stream');
    h.queue.send(JSON.stringify({ Records: [{ eventName: 'ObjectCreated:Post', s3: { object: { key } } }] }));
    await h.queue.idle();
    expect(await status(other.jobId)).toMatchObject({ status: 'failed', error: { code: 'size-mismatch' } });
    expect(await h.storage.head(key)).toBeNull();
  });

  it('refuses at POST /v1/jobs a file name no reader takes, with 415 naming the kinds it reads', async () => {
    for (const filename of ['mix.mp3', 'mix', 'notes.als.txt']) {
      const res = await createJob(h, { filename });
      expect(res.status, filename).toBe(415);
      const { error } = (await res.json()) as any;
      expect(error.code).toBe('unsupported-file-type');
      expect(error.message).toMatch(/\.als, \.flp/);
    }
    expect((await createJob(h, { filename: 'MIX.ALS' })).status).toBe(201);
  });
});

describe('every job ends', () => {
  it('a job with no upload reads waiting-upload until the grace after expiresAt has passed, then expired, and its exports and project answer 410', async () => {
    const job = await newJob({ filename: 'automation.als' });
    expect((await status(job.jobId)).status).toBe('waiting-upload');
    const grace = h.config.uploadGraceSeconds * 1000;
    // an upload that began before expiresAt may still be arriving (S3 checks the form when a POST begins)
    const arriving = await localHarness({}, { now: () => new Date(Date.parse(job.expiresAt) + grace - 1000) });
    const later = await localHarness({}, { now: () => new Date(Date.parse(job.expiresAt) + grace + 1000) });
    try {
      cpSync(h.dir, arriving.dir, { recursive: true });
      expect(await status(job.jobId, '', arriving)).toMatchObject({ status: 'waiting-upload', expiresAt: job.expiresAt });
      cpSync(h.dir, later.dir, { recursive: true });
      expect(await status(job.jobId, '', later)).toMatchObject({ status: 'expired', expiresAt: job.expiresAt });
      for (const path of ['export/text', 'project']) {
        const res = await later.request(`/v1/jobs/${job.jobId}/${path}`);
        expect(res.status, path).toBe(410);
        expect(((await res.json()) as any).error.code).toBe('upload-expired');
      }
    } finally {
      await arriving.close();
      await later.close();
    }
  });

  it('a done job never reads expired: the outcome is read again when the upload is gone (the worker wrote one and deleted the other between the two reads)', async () => {
    const job = await newJob({ filename: 'automation.als' });
    await upload(job, fixture('ableton/automation.als'));
    await h.queue.idle();
    // the API's first read of the outcome happens just before the worker writes it
    let missed = false;
    const racing = { ...h.storage, get: async (key: string) => {
      if (!missed && key === `results/${job.jobId}.json`) { missed = true; return null; }
      return h.storage.get(key);
    } };
    const app = createApp({ storage: racing, config: h.config, assets: TEST_ASSETS, now: () => new Date(Date.parse(job.expiresAt) + (h.config.uploadGraceSeconds + 60) * 1000) });
    const res = await app.request(`http://localhost/v1/jobs/${job.jobId}`);
    expect(missed).toBe(true);
    expect(await res.json()).toMatchObject({ status: 'done', result: { source: { daw: 'ableton' } } });
  });

  it('an upload stored after the window closed is dropped unread: the job stays expired', async () => {
    const job = await newJob({ filename: 'automation.als' });
    const key = `uploads/${job.jobId}/automation.als`;
    // the record says the window closed long ago; the upload arrives now (behind the form's back, as S3 would let a slow one)
    const record = JSON.parse(new TextDecoder().decode((await h.storage.get(`jobs/${job.jobId}.json`))!.body));
    const past = new Date(Date.now() - (h.config.uploadGraceSeconds + 600) * 1000).toISOString();
    await h.storage.put(`jobs/${job.jobId}.json`, JSON.stringify({ ...record, expiresAt: past }), 'application/json');
    await h.storage.put(key, fixture('ableton/automation.als'), 'application/octet-stream');
    expect((await status(job.jobId)).status).toBe('expired');
    h.queue.send(JSON.stringify({ Records: [{ eventName: 'ObjectCreated:Post', s3: { object: { key } } }] }));
    await h.queue.idle();
    expect(await h.storage.head(key)).toBeNull();
    expect(await h.storage.head(`results/${job.jobId}.json`)).toBeNull();
    expect((await status(job.jobId)).status).toBe('expired');
  });

  it('lists expired among the statuses in the OpenAPI document', async () => {
    const doc = await (await h.request('/v1/openapi.json')).json() as any;
    expect(doc.components.schemas.JobStatus.properties.status.enum).toEqual(['waiting-upload', 'processing', 'done', 'failed', 'expired']);
  });
});
