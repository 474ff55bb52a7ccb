// The server failing while a file is uploaded, in real Chromium: the job not made, the upload
// refused (JSON from the API, HTML from a proxy), the result not readable; and the upload stopped
// by "keep my project on this computer". The tracklist made in this browser stays, the status says
// what happened in a sentence, and the page takes the next file.
import { readdirSync } from 'node:fs';
import type { Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { convert } from '../../lib/index';
import { dropFile, expectClear, expectTimes, fixtureBytes, openPage, previewOf, tableRows, waitForFailure, waitForServer, waitForTable, usePageRig } from './page-kit';

const FIXTURE = 'ableton/example-120.als';
const INTERNAL = { error: { code: 'internal-error', message: 'Something went wrong on our side; please try again.' } };
const BAD_GATEWAY = '<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>';

const rig = usePageRig();

const json500 = (route: Route) => route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify(INTERNAL) });
const html502 = (route: Route) => route.fulfill({ status: 502, contentType: 'text/html', body: BAD_GATEWAY });
const origin = (page: Page): Promise<string | undefined> => page.evaluate(() => document.getElementById('result')?.dataset.origin);

interface Case {
  what: string;
  /** The requests that fail, and how. */
  url: string | RegExp;
  method: string;
  answer: (route: Route) => Promise<void>;
  title: string;
  code: string;
  message: string;
  origin: string;
}

const CASES: Case[] = [
  { what: 'POST /v1/jobs answers 500', url: '**/v1/jobs', method: 'POST', answer: json500, title: 'Not uploaded', code: 'internal-error', message: INTERNAL.error.message, origin: 'not-uploaded' },
  { what: 'the upload answers 500 with JSON', url: '**/v1/uploads', method: 'POST', answer: json500, title: 'Not uploaded', code: 'internal-error', message: INTERNAL.error.message, origin: 'not-uploaded' },
  { what: 'the upload answers 502 with an HTML page', url: '**/v1/uploads', method: 'POST', answer: html502, title: 'Not uploaded', code: 'upload-failed', message: 'The upload failed (502). Please try again.', origin: 'not-uploaded' },
  { what: 'asking for the result answers 500', url: /\/v1\/jobs\/[0-9a-f]{32}$/, method: 'GET', answer: json500, title: 'Not checked by the server', code: 'internal-error', message: INTERNAL.error.message, origin: 'unchecked' },
];

describe('the server failing during an upload', () => {
  for (const c of CASES) {
    it(`${c.what}: the tracklist made in this browser stays, with a sentence on what happened`, async () => {
      const { page, uncaught, close } = await openPage(rig.browser, rig.server.url);
      const failing = (route: Route) => (route.request().method() === c.method ? c.answer(route) : route.continue());
      await page.route(c.url, failing);
      await dropFile(page, 'example-120.als', fixtureBytes(FIXTURE));
      const failure = await waitForFailure(page, c.code);
      expectClear(failure);
      expect(failure.title).toBe(c.title);
      expect(failure.message).toBe(c.message);
      expect(failure.text).toMatch(/The tracklist below was made in this browser and works as it is/);
      expect(await origin(page)).toBe(c.origin);
      expect(await page.isVisible('#share')).toBe(false);
      expect(new URL(page.url()).search).toBe('');
      expectTimes(await tableRows(page), (await convert(fixtureBytes(FIXTURE))).markers);
      await page.selectOption('#format', 'youtube');
      await previewOf(page, 'youtube', '1:05:04 sd');
      // the server back: the next file goes through
      await page.unroute(c.url, failing);
      await page.click('#again');
      await dropFile(page, 'example-120.als', fixtureBytes(FIXTURE));
      expect(await waitForServer(page)).toBe('server');
      expect(await page.isVisible('#status')).toBe(false);
      expect(uncaught).toEqual([]);
      await close();
    });
  }
});

/** Every job id the page made, from POST /v1/jobs's answers. */
function jobsMade(page: Page): string[] {
  const ids: string[] = [];
  page.on('response', async (res) => {
    if (res.request().method() === 'POST' && new URL(res.url()).pathname === '/v1/jobs' && res.status() === 201) ids.push(((await res.json()) as { jobId: string }).jobId);
  });
  return ids;
}

/** The files the server stored for a job's upload (its data directory's uploads/). */
function storedUploads(jobId: string): string[] {
  return readdirSync(rig.server.dataDir, { recursive: true }).map(String).filter((p) => p.includes('uploads') && p.includes(jobId));
}

describe('"Keep my project on this computer" turned on during the upload', () => {
  it('stops the upload, says the server keeps nothing of it, and leaves the job to expire', async () => {
    const { page, uncaught, close } = await openPage(rig.browser, rig.server.url);
    const jobs = jobsMade(page);
    const held: Route[] = [];
    await page.route('**/v1/uploads', (route) => void held.push(route));
    await dropFile(page, 'example-120.als', fixtureBytes(FIXTURE));
    await waitForTable(page);
    await page.waitForFunction(() => document.getElementById('status-title')?.textContent === 'Uploading');
    await expect.poll(() => held.length).toBe(1);
    await page.getByRole('switch', { name: 'Keep my project on this computer' }).check();
    await page.waitForFunction(() => document.getElementById('result')?.dataset.origin === 'stopped');
    expect(await page.textContent('#origin')).toBe('Made in this browser — the upload was stopped; the server keeps nothing of it');
    expect(await page.isVisible('#status')).toBe(false);
    expect(await page.isVisible('#share')).toBe(false);
    expectTimes(await tableRows(page), (await convert(fixtureBytes(FIXTURE))).markers);
    // the job never got its file: it waits for one, then expires (nothing deletes it early)
    expect(jobs).toHaveLength(1);
    const job = (await (await fetch(`${rig.server.url}/v1/jobs/${jobs[0]}`)).json()) as { status: string };
    expect(job.status).toBe('waiting-upload');
    expect(storedUploads(jobs[0]!)).toEqual([]);
    await Promise.all(held.map((r) => r.abort().catch(() => {})));
    expect(uncaught).toEqual([]);
    await close();
  });

  it('turned on while the job is being made, sends no upload at all', async () => {
    const { page, close } = await openPage(rig.browser, rig.server.url);
    const uploads: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname === '/v1/uploads') uploads.push(r.method());
    });
    let release: () => void = () => {};
    const released = new Promise<void>((r) => (release = r));
    await page.route('**/v1/jobs', async (route) => {
      await released;
      await route.continue();
    });
    await dropFile(page, 'example-120.als', fixtureBytes(FIXTURE));
    await waitForTable(page);
    await page.getByRole('switch', { name: 'Keep my project on this computer' }).check();
    release();
    await page.waitForFunction(() => document.getElementById('result')?.dataset.origin === 'stopped');
    await page.waitForTimeout(500);
    expect(uploads).toEqual([]);
    await close();
  });
});
