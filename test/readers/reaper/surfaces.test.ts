
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli';
import { convert, exportFormatIds, exportResult } from '../../../lib';
import { postUpload } from '../../helpers/functions/form';
import { createJob, localHarness, type LocalHarness } from '../../helpers/functions/local-app';
import { mixProject, rppBytes } from '../../helpers/rpp-builder';

const bytes = rppBytes(mixProject(), { crlf: true });

describe('npx dawstamps on a REAPER project', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dawstamps-rpp-'));
  const file = join(dir, 'mix.rpp');
  const renamed = join(dir, 'mix.als');
  const cut = join(dir, 'cut.rpp');
  writeFileSync(file, bytes);
  writeFileSync(renamed, bytes);
  writeFileSync(cut, bytes.subarray(0, 5000));

  it('prints the tracklist, and the same for the file renamed to .als (sniffed by content)', async () => {
    const out = await runCli(file, '--ms');
    expect(out.code).toBe(0);
    expect(out.stdout).toBe("00:00.000 Intro\n01:35.250 Bicep – Glue\n05:01.500 Floating Points \"LesAlpx\"\n07:00.000 Ending 'live' edit\n");
    expect((await runCli(renamed, '--ms')).stdout).toBe(out.stdout);
  }, 30_000);

  it('--format json names REAPER; --source clips lists the items; a cut file exits 2 with corrupt-file', async () => {
    const json = JSON.parse((await runCli(file, '--format', 'json')).stdout);
    expect(json.source).toMatchObject({ daw: 'reaper', version: '7.14', application: 'REAPER 7.14', file: 'mix.rpp' });
    expect(json.timing.model).toBe('continuous');
    const clips = await runCli(file, '--source', 'clips');
    expect(clips.stdout).toBe('00:00 Intro\n01:35 Bicep - Glue (Original Mix)\n05:01 LesAlpx\n');
    const broken = await runCli(cut);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/cut\.rpp.*corrupt-file.*The project ends inside/);
  }, 30_000);
});

describe('the API on a REAPER project', () => {
  let h: LocalHarness;
  beforeEach(async () => { h = await localHarness(); });
  afterEach(async () => { await h.close(); });

  it('POST /v1/convert returns the result, or an export with ?format=', async () => {
    const post = (query: string, body: Uint8Array) => h.request(`/v1/convert${query}`, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: body as BodyInit });
    const res = await post('?filename=mix.rpp', bytes);
    expect(res.status).toBe(200);
    const result = (await res.json()) as any;
    expect(result.source).toMatchObject({ daw: 'reaper', file: 'mix.rpp' });
    expect(result.markers.map((m: { seconds: number }) => m.seconds)).toEqual([0, 95.25, 301.5, 420]);
    const text = await post('?format=youtube', bytes);
    expect(await text.text()).toBe("0:00 Intro\n1:35 Bicep – Glue\n5:01 Floating Points \"LesAlpx\"\n7:00 Ending 'live' edit\n");
    const broken = await post('', bytes.subarray(0, 3000));
    expect(broken.status).toBe(422);
    expect(((await broken.json()) as any).error.code).toBe('corrupt-file');
  });

  it('a job: upload, convert in the worker, then the result and an export with other options', async () => {
    const created = await createJob(h, { filename: 'mix.rpp' });
    expect(created.status).toBe(201);
    const job = (await created.json()) as { jobId: string; upload: { url: string; fields: Record<string, string> } };
    const up = await postUpload(job.upload.url, job.upload.fields, bytes, 'mix.rpp', (url, init) => h.request(String(url), init));
    expect(up.status).toBe(204);
    await h.queue.idle();
    const status = (await (await h.request(`/v1/jobs/${job.jobId}`)).json()) as any;
    expect(status.status).toBe('done');
    expect(status.result).toEqual(JSON.parse(JSON.stringify({ ...(await convert(bytes, { fileName: 'mix.rpp', tempoPoints: false })) })));
    const csv = await (await h.request(`/v1/jobs/${job.jobId}/export/csv?source=clips`)).text();
    expect(csv.split('\n')[2]).toMatch(/^2,95\.25/);
  });
});

describe('every export format on a REAPER result', () => {
  it.each(exportFormatIds)('%s gives output', async (format) => {
    const result = await convert(bytes, { fileName: 'mix.rpp' });
    const base = { title: 'Mix', performer: 'DJ', audioFile: 'mix.wav' };
    let exported: { text: string };
    try {
      exported = exportResult(result, format, base);
    } catch (e) {
      // a format that needs an option of its own (a template) is given one
      expect((e as { code?: string }).code).toBe('invalid-option');
      exported = exportResult(result, format, { ...base, template: '{index} {start} {title}' } as typeof base);
    }
    expect(exported.text.length).toBeGreaterThan(20);
    expect(exported.text).toMatch(/Intro|Bicep/);
  });
});
