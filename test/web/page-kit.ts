/**
 * Shared steps of the page tests: the server and browser, fixtures, opening the page, dropping a
 * file, reading the table, reading a failure, and a job made through the API.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { launchBrowser } from '../helpers/browser';
import { expectedFiles, fixturePath, type ExpectedMarker } from '../helpers/fixtures';
import { postUpload } from '../helpers/functions/form';
import { startServerProcess } from '../helpers/functions/server-process';

/** `npm start`'s server (dist/server.js) on a free port with its own temporary DATA_DIR. */
export interface PageServer {
  url: string;
  dataDir: string;
  /** Everything the server printed (for failure messages). */
  output(): string;
  stop(): Promise<void>;
}

/** Starts the page's server; `env` adds variables (API_TOKEN, UPLOAD_EXPIRY_SECONDS…). */
export async function startPageServer(env: Record<string, string> = {}): Promise<PageServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'dawstamps-web-'));
  const server = await startServerProcess({ HOST: '127.0.0.1', DATA_DIR: dataDir, API_TOKEN: '', ...env });
  return {
    url: server.url,
    dataDir,
    output: server.output,
    async stop() {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The page server and the Chromium a test file shares. */
export interface PageRig {
  server: PageServer;
  browser: Browser;
}

/**
 * Starts the page server (with `env` added to its environment) and Chromium before a file's tests
 * and stops both after them:  `const rig = usePageRig();` then `openPage(rig.browser, rig.server.url)`.
 */
export function usePageRig(env: Record<string, string> = {}): PageRig {
  const rig = {} as PageRig;
  beforeAll(async () => {
    rig.server = await startPageServer(env);
    rig.browser = await launchBrowser();
  }, 300_000);
  afterAll(async () => {
    await rig.browser?.close();
    await rig.server?.stop();
  });
  return rig;
}

/** The expected marker times of a fixture (test/fixtures/expected.json). */
export function expectedMarkers(path: string): ExpectedMarker[] {
  const entry = expectedFiles()[path];
  if (!entry?.markers) throw new Error(`${path} is not in expected.json`);
  return entry.markers;
}

/** A fixture's bytes. */
export function fixtureBytes(path: string): Buffer {
  return readFileSync(fixturePath(path));
}

/** A page plus what went wrong in it: uncaught errors, console errors, dialogs (alert…). */
export interface OpenedPage {
  page: Page;
  /** Uncaught errors and console errors (a failed request's "Failed to load resource" too). */
  errors: string[];
  /** Uncaught errors alone. */
  uncaught: string[];
  dialogs: string[];
  close(): Promise<void>;
}

/** What openPage does before and after it loads the page. */
export interface OpenSteps {
  /** Run before the page loads (routes that fail a request). */
  before?: (page: Page) => Promise<unknown>;
  /** Wait until the page is ready (default true; false for a page whose scripts may not load). */
  ready?: boolean;
}

/** Opens the page in a fresh context and records errors and dialogs. */
export async function openPage(browser: Browser, url: string, options: BrowserContextOptions = {}, steps: OpenSteps = {}): Promise<OpenedPage> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  const uncaught: string[] = [];
  const dialogs: string[] = [];
  page.on('pageerror', (e) => {
    errors.push(e.message);
    uncaught.push(e.message);
  });
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  await steps.before?.(page);
  await page.goto(url);
  if (steps.ready !== false) await page.waitForFunction(() => document.documentElement.classList.contains('ready'));
  return { page, errors, uncaught, dialogs, close: () => context.close() };
}

/** Drops a file on the drop zone with a real DataTransfer (as a person dragging from the desktop does). */
export async function dropFile(page: Page, name: string, bytes: Uint8Array): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    ({ name, base64 }) => {
      const raw = atob(base64);
      const data = new Uint8Array(raw.length);
      for (let i = 0; i < raw.length; i++) data[i] = raw.charCodeAt(i);
      const dt = new DataTransfer();
      dt.items.add(new File([data], name));
      return dt;
    },
    { name, base64: Buffer.from(bytes).toString('base64') },
  );
  await page.dispatchEvent('#drop', 'dragenter', { dataTransfer });
  await page.dispatchEvent('#drop', 'drop', { dataTransfer });
}

/** Waits until the server's result has confirmed (or replaced) the page's preview: `server` or `adopted`. */
export async function waitForServer(page: Page, timeout = 20_000): Promise<string> {
  const origin = await page.waitForFunction(() => {
    const o = document.getElementById('result')?.dataset.origin;
    return o === 'server' || o === 'adopted' ? o : null;
  }, undefined, { timeout });
  return (await origin.jsonValue()) as string;
}

/** Waits until the result view shows a filled table. */
export async function waitForTable(page: Page): Promise<void> {
  await page.locator('#result').waitFor({ state: 'visible', timeout: 20_000 });
  await page.locator('#markers tbody tr').first().waitFor({ timeout: 5_000 });
}

export interface Row {
  seconds: number;
  time: string;
  /** The marker's name (data attribute); `shownName` is the cell's text. */
  name: string;
  shownName: string;
  bar: string;
}

/** The table's rows: exact seconds (data attribute) and the shown cells. */
export async function tableRows(page: Page): Promise<Row[]> {
  return page.$$eval('#markers tbody tr', (trs) => trs.map((tr) => ({
    seconds: Number((tr as HTMLElement).dataset.seconds),
    time: tr.querySelector('.time')?.textContent ?? '',
    name: (tr as HTMLElement).dataset.name ?? '',
    shownName: tr.querySelector('.name')?.textContent ?? '',
    bar: tr.querySelector('.bar')?.textContent ?? '',
  })));
}

/** Expects the rows to carry these names and times (within 1 ms). */
export function expectTimes(rows: Row[], expected: Array<{ name: string; seconds: number }>): void {
  expect(rows.map((r) => r.name)).toEqual(expected.map((m) => m.name));
  rows.forEach((row, i) => expect(Math.abs(row.seconds - expected[i]!.seconds), `${row.name}`).toBeLessThan(0.001));
}

/** Waits until the export preview shows text for `format` (after a change of format or options). */
export async function previewOf(page: Page, format: string, contains: string): Promise<string> {
  await page.waitForFunction(
    ({ format, contains }) => {
      const p = document.getElementById('preview') as HTMLTextAreaElement;
      return p.dataset.format === format && p.value.includes(contains);
    },
    { format, contains },
    { timeout: 10_000 },
  );
  return page.inputValue('#preview');
}

/** The status box's failure as shown: heading, sentence, message, what to try, code. */
export interface Failure {
  title: string;
  text: string;
  message: string;
  hint: string;
  code: string;
}

/** Waits until the status box shows a failure (with `code`, when given) and reads it. */
export async function waitForFailure(page: Page, code?: string, timeout = 20_000): Promise<Failure> {
  await page.waitForFunction(
    (code) => {
      const failure = document.getElementById('failure');
      return failure !== null && !failure.hidden && (!code || document.getElementById('failure-code')?.textContent === code);
    },
    code,
    { timeout },
  );
  return page.evaluate(() => {
    const text = (id: string): string => document.getElementById(id)?.textContent ?? '';
    return { title: text('status-title'), text: text('status-text'), message: text('failure-message'), hint: text('failure-hint'), code: text('failure-code') };
  });
}

/** A failure a person can read: a sentence and what to try, no stack, no programmer's words. */
export function expectClear(failure: Failure): void {
  expect(failure.message, failure.code).toMatch(/^\S.*[.)]$/s);
  expect(failure.hint, failure.code).toMatch(/^What to try: \S.*\.$/s);
  for (const part of Object.values(failure)) expect(part, failure.code).not.toMatch(/\n\s*at |\bat \S+:\d+|Error:|TypeError|undefined|\bnull\b|\[object|NaN/);
}

/** The job's id from the page's address (/?job=ID), or null. */
export function linkedJob(page: Page): string | null {
  return new URL(page.url()).searchParams.get('job');
}

/** Makes a job through the API as the page does (POST /v1/jobs, the upload form) and waits for it to end; its id. */
export async function uploadedJob(serverUrl: string, name: string, bytes: Uint8Array): Promise<string> {
  const res = await fetch(`${serverUrl}/v1/jobs`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ filename: name, size: bytes.length }) });
  if (res.status !== 201) throw new Error(`POST /v1/jobs answered ${res.status}: ${await res.text()}`);
  const job = (await res.json()) as { jobId: string; upload: { url: string; fields: Record<string, string> } };
  const up = await postUpload(new URL(job.upload.url, serverUrl).href, job.upload.fields, bytes, name);
  if (!up.ok) throw new Error(`the upload answered ${up.status}: ${await up.text()}`);
  for (let i = 0; i < 200; i++) {
    const { status } = (await (await fetch(`${serverUrl}/v1/jobs/${job.jobId}`)).json()) as { status: string };
    if (['done', 'failed', 'expired'].includes(status)) return job.jobId;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`job ${job.jobId} did not end in 20 s`);
}
