// The clip options (tracklists from clips) through the API (app.request): POST /v1/convert and the job re-export.
// The set: 120 BPM (a beat is 0.5 s), no locators, one audio clip per song overlapping for the mixes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildAls } from '../helpers/als-builder';
import { postUpload } from '../helpers/functions/form';
import { createJob, localHarness, type LocalHarness } from '../helpers/functions/local-app';

const SET = buildAls({
  live: 11,
  tempo: 120,
  audioTracks: [
    { name: 'Deck A', clips: [
      { start: 0, end: 72, name: 'Artist A - Song One', file: 'Artist A - Song One.wav' },
      { start: 128, end: 200, name: '', file: 'Artist C - Song Three (Club Mix).mp3' },
    ] },
    { name: 'Deck B', clips: [
      { start: 64, end: 136, name: 'Artist B - Song Two', file: 'b.wav' },
      { start: 200, end: 260, name: 'Hidden Song', file: 'hidden.wav', disabled: true },
    ] },
    { name: 'Deck C', muted: true, clips: [{ start: 260, end: 300, name: 'Muted Song', file: 'muted.wav' }] },
  ],
});

const ONE = 'Artist A - Song One';
const TWO = 'Artist B - Song Two';
const THREE = 'Artist C - Song Three (Club Mix)';

let h: LocalHarness;
beforeEach(async () => { h = await localHarness(); });
afterEach(async () => { await h.close(); });

type Entry = [name: string, seconds: number, endSeconds: number | undefined];

async function convertWith(query: string): Promise<{ status: number; body: any }> {
  const res = await h.request(`/v1/convert?filename=clips.als${query ? `&${query}` : ''}`, { method: 'POST', body: SET as Uint8Array<ArrayBuffer> });
  return { status: res.status, body: await res.json() };
}

const entries = (result: any): Entry[] => result.markers.map((m: any) => [m.name, m.seconds, m.endSeconds]);

describe('POST /v1/convert with the clip options', () => {
  it('builds the tracklist from clips by default: clip starts, ends, disabled clips and muted tracks left out', async () => {
    const { status, body } = await convertWith('');
    expect(status).toBe(200);
    expect(body.markerSource).toBe('clips');
    // beat 64 = 32 s, beat 128 = 64 s; ends at beats 72 (merged nothing), 136, 200
    expect(entries(body)).toEqual([[ONE, 0, 36], [TWO, 32, 68], [THREE, 64, 100]]);
    expect(body.warnings.map((w: any) => w.code)).toContain('clips-left-out');
  });

  it('puts entries in the middle of the crossfade with clipAnchor=crossfade-middle', async () => {
    const { body } = await convertWith('clipAnchor=crossfade-middle');
    // Two: overlap beats 64–72 → beat 68 = 34 s; Three: overlap beats 128–136 → beat 132 = 66 s
    expect(entries(body)).toEqual([[ONE, 0, 36], [TWO, 34, 68], [THREE, 66, 100]]);
  });

  it('keeps disabled clips and muted tracks when asked (true/1)', async () => {
    const disabled = await convertWith('includeDisabledClips=true');
    expect(entries(disabled.body).slice(3)).toEqual([['Hidden Song', 100, 130]]);
    const muted = await convertWith('includeMutedTracks=1');
    expect(entries(muted.body).slice(3)).toEqual([['Muted Song', 130, 150]]);
    const both = await h.request('/v1/convert?includeDisabledClips=1&includeMutedTracks=true&format=youtube&fix=false', { method: 'POST', body: SET as Uint8Array<ArrayBuffer> });
    expect(await both.text()).toBe(`0:00 ${ONE}\n0:32 ${TWO}\n1:04 ${THREE}\n1:40 Hidden Song\n2:10 Muted Song\n`);
    const off = await convertWith('includeDisabledClips=false&includeMutedTracks=0');
    expect(entries(off.body).map((e) => e[0])).toEqual([ONE, TWO, THREE]);
  });

  it('reads the (absent) locators with source=locators', async () => {
    const { body } = await convertWith('source=locators');
    expect(body.markerSource).toBe('locators');
    expect(body.markers).toEqual([]);
  });

  it.each([
    ['clipAnchor=middle', 'clipAnchor'],
    ['includeDisabledClips=yes', 'includeDisabledClips'],
    ['includeMutedTracks=2', 'includeMutedTracks'],
    ['source=markers', 'source'],
  ])('refuses %s with 400 invalid-option, the same code and sentence as lib and the CLI', async (query, name) => {
    const { status, body } = await convertWith(query);
    expect(status).toBe(400);
    expect(body.error.code).toBe('invalid-option');
    expect(body.error.message).toContain(name);
  });
});

describe('GET /v1/jobs/:jobId/export/json with the clip options', () => {
  async function doneJob(options: Record<string, unknown> = {}): Promise<string> {
    const created = (await (await createJob(h, { filename: 'clips.als', options })).json()) as any;
    const res = await postUpload(created.upload.url, created.upload.fields, SET, 'clips.als', (url, init) => h.request(String(url), init));
    expect(res.status).toBe(204);
    await h.queue.idle();
    return created.jobId as string;
  }

  const exported = async (jobId: string, query = ''): Promise<{ status: number; body: any }> => {
    const res = await h.request(`/v1/jobs/${jobId}/export/json${query ? `?${query}` : ''}`);
    return { status: res.status, body: await res.json() };
  };

  it('re-converts the stored upload when the clip options change', async () => {
    const jobId = await doneJob();
    expect(entries((await exported(jobId)).body)).toEqual([[ONE, 0, 36], [TWO, 32, 68], [THREE, 64, 100]]);
    expect(entries((await exported(jobId, 'clipAnchor=crossfade-middle')).body)).toEqual([[ONE, 0, 36], [TWO, 34, 68], [THREE, 66, 100]]);
    const all = await exported(jobId, 'includeDisabledClips=true&includeMutedTracks=true');
    expect(entries(all.body).map((e) => [e[0], e[1]])).toEqual([[ONE, 0], [TWO, 32], [THREE, 64], ['Hidden Song', 100], ['Muted Song', 130]]);
    expect(all.body.durationSeconds).toBe(150);
    const locators = await exported(jobId, 'source=locators');
    expect(locators.body).toMatchObject({ markerSource: 'locators', markers: [] });
  });

  it('keeps the job\'s own clip options, and a query can turn them back', async () => {
    const jobId = await doneJob({ clipAnchor: 'crossfade-middle', includeMutedTracks: true });
    expect(entries((await exported(jobId)).body).map((e) => e[1])).toEqual([0, 34, 66, 130]);
    expect(entries((await exported(jobId, 'clipAnchor=start&includeMutedTracks=false')).body).map((e) => e[1])).toEqual([0, 32, 64]);
    const youtube = await (await h.request(`/v1/jobs/${jobId}/export/youtube?fix=false`)).text();
    expect(youtube).toContain(`0:34 ${TWO}`);
  });

  it('refuses a bad clip option with 400 before reading the job', async () => {
    const jobId = await doneJob();
    const { status, body } = await exported(jobId, 'clipAnchor=end');
    expect(status).toBe(400);
    expect(body.error.code).toBe('invalid-option');
  });
});

describe('/v1/openapi.json', () => {
  it('documents the clip options as query parameters of both routes', async () => {
    const doc = (await (await h.request('/v1/openapi.json')).json()) as any;
    for (const [path, method] of [['/v1/convert', 'post'], ['/v1/jobs/{jobId}/export/{format}', 'get']] as const) {
      const params = doc.paths[path][method].parameters as Array<{ name: string; in: string; schema: any }>;
      const byName = new Map(params.filter((p) => p.in === 'query').map((p) => [p.name, p.schema]));
      expect(byName.get('clipAnchor')?.enum, path).toEqual(['start', 'crossfade-middle']);
      expect([...byName.get('includeDisabledClips')?.enum ?? []].sort(), path).toEqual(['0', '1', 'false', 'true']);
      expect([...byName.get('includeMutedTracks')?.enum ?? []].sort(), path).toEqual(['0', '1', 'false', 'true']);
      expect(byName.get('source')?.enum, path).toEqual(['auto', 'locators', 'clips']);
    }
  });
});
