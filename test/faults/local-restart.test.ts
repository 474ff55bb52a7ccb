/**
 * `npm start` killed with SIGKILL while jobs are in flight: on the next start every upload that
 * was accepted (204) is still there and is converted; nothing stays `processing`.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectedMarkers, fixture, markersMatch } from '../helpers/fixtures';
import { postUpload } from '../helpers/functions/form';
import { startServerProcess, type ServerProcess } from '../helpers/functions/server-process';

const LARGE = 'large/michelle-live12.3.als';
const JOBS = 6;
const dir = mkdtempSync(join(tmpdir(), 'dawstamps-kill9-'));
const servers: ServerProcess[] = [];
afterAll(async () => {
  // stop() also returns at once for a process that is already gone (killed below)
  for (const s of servers.splice(0)) await s.stop('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

interface Created { jobId: string; upload: { url: string; fields: Record<string, string> } }

async function waitDone(base: string, jobId: string): Promise<any> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const body = (await (await fetch(`${base}/v1/jobs/${jobId}`)).json()) as any;
    if (body.status === 'done' || body.status === 'failed') return body;
    if (Date.now() > deadline) throw new Error(`job ${jobId} stayed ${body.status}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('local mode: kill -9 with jobs in flight', () => {
  it('picks the unfinished jobs up again on start and converts every accepted upload', async () => {
    const first = await startServerProcess({ DATA_DIR: dir });
    servers.push(first);
    const bytes = fixture(LARGE);
    const jobs: Created[] = [];
    for (let i = 0; i < JOBS; i++) {
      const res = await fetch(`${first.url}/v1/jobs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ filename: `set-${i}.als` }) });
      jobs.push((await res.json()) as Created);
    }
    // All uploads at once; the moment the last one is accepted, the process dies without warning.
    const accepted = await Promise.all(jobs.map((j, i) => postUpload(j.upload.url, j.upload.fields, bytes, `set-${i}.als`)));
    expect(await first.stop('SIGKILL')).toBeNull();
    expect(accepted.map((r) => r.status)).toEqual(jobs.map(() => 204));
    const unfinished = jobs.filter((j) => !existsSync(join(dir, 'results', `${j.jobId}.json`)));
    // The kill landed while work was queued (otherwise this test would prove nothing).
    expect(unfinished.length).toBeGreaterThan(0);
    for (const j of jobs) expect(existsSync(join(dir, 'uploads', j.jobId, `set-${jobs.indexOf(j)}.als`)), 'upload kept').toBe(true);

    const second = await startServerProcess({ DATA_DIR: dir });
    servers.push(second);
    expect(second.output()).toContain(`${unfinished.length} unfinished job(s)`);
    for (const j of jobs) {
      const done = await waitDone(second.url, j.jobId);
      expect(done.status, JSON.stringify(done.error)).toBe('done');
      expect(markersMatch(done.result.markers, expectedMarkers(LARGE))).toBe(true);
    }
  }, 120_000);
});
