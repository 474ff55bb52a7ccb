/** `npm start`'s local mode through real HTTP: node dist/server.js with a temporary DATA_DIR. */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectedMarkers, fixture, markersMatch } from '../../helpers/fixtures';
import { postUpload } from '../../helpers/functions/form';
import { startServerProcess, type ServerProcess } from '../../helpers/functions/server-process';

let dataDir: string;
let server: ServerProcess;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'dawstamps-local-'));
  server = await startServerProcess({ DATA_DIR: dataDir, MAX_UPLOAD_BYTES: String(2 * 1024 * 1024) });
}, 120_000);

afterAll(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

interface Created { jobId: string; upload: { url: string; fields: Record<string, string> } }

async function create(base: string, filename: string, options: Record<string, unknown> = {}): Promise<Created> {
  const res = await fetch(`${base}/v1/jobs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ filename, options }) });
  expect(res.status).toBe(201);
  return (await res.json()) as Created;
}

async function waitFor(base: string, jobId: string, statuses: string[]): Promise<any> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const body = (await (await fetch(`${base}/v1/jobs/${jobId}`)).json()) as any;
    if (statuses.includes(body.status)) return body;
    if (Date.now() > deadline) throw new Error(`job stayed ${body.status}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('npm start (local files, in-process queue)', () => {
  it('serves the page and the API on one origin', async () => {
    const page = await fetch(`${server.url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<html/i);
    expect(page.headers.get('content-security-policy')).toContain("connect-src 'self'");
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it('create → upload to the local form URL → done, for Ableton and FL Studio', async () => {
    for (const [path, name] of [['ableton/example-120.als', 'example 120.als'], ['flstudio/fl-markers.flp', 'fl-markers.flp']] as const) {
      const job = await create(server.url, name);
      expect(job.upload.url).toBe(`${server.url}/v1/uploads`);
      const up = await postUpload(job.upload.url, job.upload.fields, fixture(path), name);
      expect(up.status).toBe(204);
      const done = await waitFor(server.url, job.jobId, ['done', 'failed']);
      expect(done.status, JSON.stringify(done.error)).toBe('done');
      expect(markersMatch(done.result.markers, expectedMarkers(path))).toBe(true);
    }
  });

  it('a junk file reads failed with its code; an oversized one is refused by the form', async () => {
    const junk = await create(server.url, 'junk.als');
    await postUpload(junk.upload.url, junk.upload.fields, fixture('ableton/junk.als'), 'junk.als');
    expect(await waitFor(server.url, junk.jobId, ['done', 'failed'])).toMatchObject({ status: 'failed', error: { code: 'not-a-project' } });
    const big = await create(server.url, 'big.als');
    const res = await postUpload(big.upload.url, big.upload.fields, new Uint8Array(2 * 1024 * 1024 + 1), 'big.als');
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).error.code).toBe('file-too-large');
    expect((await (await fetch(`${server.url}/v1/jobs/${big.jobId}`)).json())).toMatchObject({ status: 'waiting-upload' });
  });

  it('exports over HTTP with a download name', async () => {
    const job = await create(server.url, 'automation.als');
    await postUpload(job.upload.url, job.upload.fields, fixture('ableton/automation.als'), 'automation.als');
    await waitFor(server.url, job.jobId, ['done']);
    const res = await fetch(`${server.url}/v1/jobs/${job.jobId}/export/youtube`);
    expect(res.headers.get('content-disposition')).toMatch(/filename="automation\.youtube\.txt"/);
    expect(await res.text()).toMatch(/^0:00 /);
  });
});

describe('restart recovery', () => {
  it('an upload stored while the server was down (or crashed before the worker ran) is processed on start', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dawstamps-restart-'));
    let first: ServerProcess | null = await startServerProcess({ DATA_DIR: dir });
    try {
      const job = await create(first.url, 'automation.als');
      await first.stop('SIGKILL');
      first = null;
      // DATA_DIR layout: the record under jobs/, nothing of this job under uploads/ yet.
      expect(existsSync(join(dir, 'jobs', `${job.jobId}.json`))).toBe(true);
      expect(existsSync(join(dir, 'uploads', `${job.jobId}.json`))).toBe(false);
      // The upload landed, but no worker ran: exactly what a crash between the two leaves behind.
      mkdirSync(join(dir, 'uploads', job.jobId), { recursive: true });
      writeFileSync(join(dir, 'uploads', job.jobId, 'automation.als'), fixture('ableton/automation.als'));
      const second = await startServerProcess({ DATA_DIR: dir });
      try {
        expect(second.output()).toMatch(/1 unfinished job/);
        const done = await waitFor(second.url, job.jobId, ['done', 'failed']);
        expect(done.status).toBe('done');
      } finally {
        await second.stop();
      }
    } finally {
      await first?.stop('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('a form signed before a restart still uploads after it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dawstamps-restart2-'));
    const first = await startServerProcess({ DATA_DIR: dir });
    const job = await create(first.url, 'automation.als');
    await first.stop();
    const second = await startServerProcess({ DATA_DIR: dir });
    try {
      const url = `${second.url}/v1/uploads`;
      expect((await postUpload(url, job.upload.fields, fixture('ableton/automation.als'), 'automation.als')).status).toBe(204);
      expect((await waitFor(second.url, job.jobId, ['done', 'failed'])).status).toBe('done');
    } finally {
      await second.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
