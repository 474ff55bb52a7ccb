/**
 * What a download carries: its warnings' codes (Dawstamps-Warnings, exposed to CORS clients), the
 * project's name in Unicode (CUE, FFmpeg, Content-Disposition).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { convert, exportResult } from '../../../lib/index';
import { fixture } from '../../helpers/fixtures';
import { localHarness, postConvert, uploadedJob, type LocalHarness } from '../../helpers/functions/local-app';

let h: LocalHarness;
afterEach(async () => { await h.close(); });

const post = (query: string, body: Uint8Array) => postConvert(h, query, body);
/** A job for a fixture under a file name, uploaded and converted. */
const doneJob = (filename: string, path: string): Promise<string> => uploadedJob(h, filename, fixture(path));

/** The distinct warning codes of an export as lib makes it. */
async function codesOf(path: string, format: string): Promise<string[]> {
  const result = await convert(fixture(path), { fileName: 'x.als' });
  const file = exportResult(result, format);
  return [...new Set([...result.warnings, ...file.warnings].map((w) => w.code))];
}

describe('the Dawstamps-Warnings header', () => {
  it('names the warnings of POST /v1/convert?format= downloads, and is absent without any', async () => {
    h = await localHarness();
    const want = await codesOf('ableton/automation.als', 'youtube');
    expect(want).toContain('youtube-too-few'); // six locators within 9 s
    const res = await post('?format=youtube', fixture('ableton/automation.als'));
    expect(res.status).toBe(200);
    expect(res.headers.get('dawstamps-warnings')).toBe(want.join(','));
    const quiet = await codesOf('ableton/example-120.als', 'csv');
    const csv = await post('?format=csv', fixture('ableton/example-120.als'));
    expect(csv.headers.get('dawstamps-warnings')).toBe(quiet.length > 0 ? quiet.join(',') : null);
  });

  it('names the warnings of GET /v1/jobs/{id}/export/{format}, for files and previews', async () => {
    h = await localHarness();
    const jobId = await doneJob('automation.als', 'ableton/automation.als');
    const want = (await codesOf('ableton/automation.als', 'youtube')).join(',');
    const file = await h.request(`/v1/jobs/${jobId}/export/youtube`);
    expect(file.headers.get('dawstamps-warnings')).toBe(want);
    const preview = await h.request(`/v1/jobs/${jobId}/export/youtube?as=json`);
    expect(preview.headers.get('dawstamps-warnings')).toBe(want);
    const body = (await preview.json()) as { warnings: Array<{ code: string }> };
    for (const w of body.warnings) expect(want.split(',')).toContain(w.code);
  });

  it('is exposed to the allowed origins (CORS)', async () => {
    h = await localHarness({ ALLOWED_ORIGINS: 'https://mix.example' });
    const res = await post('?format=youtube', fixture('ableton/automation.als'));
    expect(res.headers.get('dawstamps-warnings')).toContain('youtube-too-few');
    const cors = await h.request('/v1/formats', { headers: { origin: 'https://mix.example' } });
    expect(cors.headers.get('access-control-expose-headers')?.split(/,\s*/)).toEqual(expect.arrayContaining(['Content-Disposition', 'Dawstamps-Warnings']));
  });
});

describe('a project name in Unicode', () => {
  const NAME = 'Mïx — 東京 🎧.als';
  const ENCODED = 'M%C3%AFx%20%E2%80%94%20%E6%9D%B1%E4%BA%AC%20%F0%9F%8E%A7';

  it('keeps 東京 and the emoji in CUE, FFmpeg metadata, the result and the download name', async () => {
    h = await localHarness();
    const jobId = await doneJob(NAME, 'ableton/automation.als');
    const status = (await (await h.request(`/v1/jobs/${jobId}`)).json()) as { fileName: string; result: { source: { file: string } } };
    expect(status.fileName).toBe(NAME);
    expect(status.result.source.file).toBe(NAME);
    const cue = await h.request(`/v1/jobs/${jobId}/export/cue`);
    const sheet = await cue.text();
    expect(sheet).toContain('TITLE "Mïx — 東京 🎧"\n');
    expect(sheet).toContain('FILE "Mïx — 東京 🎧.wav" WAVE\n');
    expect(cue.headers.get('content-disposition')).toBe(`attachment; filename="Mix.cue"; filename*=UTF-8''${ENCODED}.cue`);
    const filenameStar = /filename\*=UTF-8''(.+)$/.exec(cue.headers.get('content-disposition')!)![1]!;
    expect(decodeURIComponent(filenameStar)).toBe('Mïx — 東京 🎧.cue');
    const ff = await (await h.request(`/v1/jobs/${jobId}/export/ffmetadata`)).text();
    expect(ff).toContain('\ntitle=Mïx — 東京 🎧\n');
  });

  it('keeps quotes where the format can write them: FFmpeg as they are, CUE as single quotes', async () => {
    h = await localHarness();
    const jobId = await doneJob('Mïx — 東京 🎧 "quoted" x.als', 'ableton/automation.als');
    expect(await (await h.request(`/v1/jobs/${jobId}/export/cue`)).text()).toContain(`TITLE "Mïx — 東京 🎧 'quoted' x"\n`);
    expect(await (await h.request(`/v1/jobs/${jobId}/export/ffmetadata`)).text()).toContain('\ntitle=Mïx — 東京 🎧 "quoted" x\n');
    const res = await h.request(`/v1/jobs/${jobId}/export/text`);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="Mix_quoted_x.txt"; filename*=UTF-8''${ENCODED}%20_quoted_%20x.txt`);
  });

  it('is the same through POST /v1/convert?filename=', async () => {
    h = await localHarness();
    const res = await post(`?format=cue&filename=${encodeURIComponent(NAME)}`, fixture('ableton/automation.als'));
    expect(await res.text()).toContain('TITLE "Mïx — 東京 🎧"\n');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="Mix.cue"; filename*=UTF-8''${ENCODED}.cue`);
  });
});
