
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convert, exportResult, type Result } from '../../../lib';
import { exportFormatIds, type ExportOptions } from '../../../lib/exporters';
import { buildDawproject, mixSpec, type DawprojectSpec } from '../../helpers/dawproject-builder';
import { runCli } from '../../helpers/cli';
import { postUpload } from '../../helpers/functions/form';
import { createJob, localHarness, type LocalHarness } from '../../helpers/functions/local-app';


/** A two-hour DJ mix at 124 BPM with a ramp to 128 over the third song; markers per song. */
const spec: DawprojectSpec = {
  ...mixSpec([
    { name: 'Bicep - Glue', file: 'glue.wav', beats: 512 },
    { name: 'Floating Points - LesAlpx', file: 'lesalpx.wav', beats: 512 },
    { name: 'Peggy Gou - (It Goes Like) Nanana', file: 'nanana.wav', beats: 512 },
    { name: 'Fred again.. - Delilah', file: 'delilah.wav', beats: 512 },
  ]),
  tempo: 124,
  tempoAutomation: { points: [{ time: 0, value: 124, interpolation: 'hold' }, { time: 1024, value: 124, interpolation: 'linear' }, { time: 1536, value: 128, interpolation: 'hold' }] },
  markers: { markers: [{ time: 0, name: 'Intro' }, { time: 512, name: 'Glue → LesAlpx' }, { time: 1024, name: 'Nanana' }, { time: 1536, name: 'Delilah' }] },
};
const bytes = buildDawproject(spec);
// the same project with a 3 MB stored audio file: the CLI streams files over 1 MiB
const big = buildDawproject(spec, { extra: [{ name: 'audio/big.wav', data: new Uint8Array(3 << 20).map((_, i) => (i * 7919) & 255), method: 0 }] });

/** The expected text export, hand-checked: 512 beats at 124 BPM = 247.742 s; the ramp 124→128 over 512 beats = 60·512/4·ln(128/124) s. */
function expectedText(): string {
  const song = (512 * 60) / 124;
  const ramp = ((60 * 512) / 4) * Math.log(128 / 124);
  const times = [0, song, 2 * song, 2 * song + ramp];
  const mmss = (s: number): string => `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(Math.floor(s % 60)).padStart(2, '0')}`;
  return ['Intro', 'Glue → LesAlpx', 'Nanana', 'Delilah'].map((n, i) => `${mmss(times[i]!)} ${n}`).join('\n') + '\n';
}

let expected: Result;
beforeAll(async () => {
  expected = await convert(bytes);
});

describe('convert()', () => {
  it('from bytes: the hand-checked times', async () => {
    expect(exportResult(expected, 'text').text).toBe(expectedText());
    expect(expectedText()).toBe('00:00 Intro\n04:07 Glue → LesAlpx\n08:15 Nanana\n12:19 Delilah\n');
  });

  it('from a ReadableStream and from an async iterable in small pieces: the same result', async () => {
    const pieces = (size: number): Uint8Array[] => Array.from({ length: Math.ceil(big.length / size) }, (_, i) => big.slice(i * size, (i + 1) * size));
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const p of pieces(65_536)) controller.enqueue(p);
        controller.close();
      },
    });
    expect(await convert(stream)).toEqual(expected);
    async function* iterable(): AsyncGenerator<Uint8Array> {
      for (const p of pieces(1000)) yield p;
    }
    expect(await convert(iterable())).toEqual(expected);
  });

  it('a stream over maxFileBytes stops with file-too-large', async () => {
    async function* iterable(): AsyncGenerator<Uint8Array> {
      yield big;
    }
    await expect(convert(iterable(), { limits: { maxFileBytes: 1 << 20 } })).rejects.toMatchObject({ code: 'file-too-large' });
  });
});

describe('every export format', () => {
  it.each(exportFormatIds)('%s gives output for a DAWproject result', (format) => {
    // the template format needs its line (an option only it takes)
    const options = ((format as string) === 'template' ? { template: '{index:02}. {artist} - {title} [{start:hh:mm:ss}]' } : { title: 'Mix', performer: 'DJ' }) as ExportOptions;
    const out = exportResult(expected, format, options);
    expect(out.text.length).toBeGreaterThan(0);
    if (format !== 'json') expect(out.text).toMatch(/Delilah/);
    else expect(JSON.parse(out.text).source.daw).toBe('dawproject');
  });
});

describe('the CLI (a child process)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dawstamps-dawproject-'));
    writeFileSync(join(dir, 'mix.dawproject'), bytes);
    writeFileSync(join(dir, 'renamed.als'), bytes);
    writeFileSync(join(dir, 'big.dawproject'), big);
  }, 120_000);

  it('prints the tracklist of a .dawproject, of one called .als (sniffed by content) and of a streamed 3 MB one', async () => {
    for (const file of ['mix.dawproject', 'renamed.als', 'big.dawproject']) {
      const out = await runCli(join(dir, file));
      expect(out.code, file).toBe(0);
      expect(out.stdout, file).toBe(expectedText());
    }
  });

  it('--format json carries the source and the timing reason', async () => {
    const out = await runCli(join(dir, 'mix.dawproject'), '--format', 'json');
    const result = JSON.parse(out.stdout);
    expect(result.source).toEqual({ daw: 'dawproject', version: '5.0', application: 'Bitwig Studio 5.0', file: 'mix.dawproject' });
    expect(result.timing.reason).toMatch(/^DAWproject linear tempo ramps/);
  });

  it('a ZIP that is not a DAWproject: exit 2 and one line naming the code', async () => {
    const other = join(dir, 'photos.zip');
    const { zip } = await import('../../helpers/zip-writer');
    writeFileSync(other, zip([{ name: 'a.jpg', data: 'x' }]));
    const out = await runCli(other);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/not-a-project/);
    expect(out.stderr).toMatch(/no project\.xml/);
  });
});

describe('the API', () => {
  let h: LocalHarness;
  beforeAll(async () => {
    h = await localHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it('POST /v1/convert returns the result, and an export with ?format=', async () => {
    const post = (query: string): Promise<Response> => h.request(`/v1/convert${query}`, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: bytes as BodyInit });
    const res = await post('?filename=mix.dawproject');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ...expected, source: { ...expected.source, file: 'mix.dawproject' } });
    const text = await post('?format=text&filename=mix.dawproject');
    expect(await text.text()).toBe(expectedText());
  });

  it('POST /v1/convert answers 422 with the typed error for a damaged archive', async () => {
    const res = await h.request('/v1/convert', { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: bytes.slice(0, 200) as BodyInit });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('corrupt-file');
  });

  it('a job: POST /v1/jobs for a .dawproject, the upload, the result and an export', async () => {
    const created = await createJob(h, { filename: 'mix.dawproject' });
    expect(created.status).toBe(201);
    const job = (await created.json()) as { jobId: string; upload: { url: string; fields: Record<string, string> } };
    const uploaded = await postUpload(job.upload.url, job.upload.fields, big, 'mix.dawproject', (url, init) => h.request(String(url), init));
    expect(uploaded.status).toBe(204);
    await h.queue.idle();
    const status = (await (await h.request(`/v1/jobs/${job.jobId}`)).json()) as { status: string; result: Result };
    expect(status.status).toBe('done');
    expect(status.result.markers).toEqual(expected.markers);
    expect(status.result.source).toMatchObject({ daw: 'dawproject', application: 'Bitwig Studio 5.0' });
    const exported = await h.request(`/v1/jobs/${job.jobId}/export/text`);
    expect(await exported.text()).toBe(expectedText());
  });
});
