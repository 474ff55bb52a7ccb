/**
 * Access over real HTTP against `node dist/server.js`: unguessable ids, nothing that lists jobs,
 * ids checked before they reach the data directory (raw, unnormalised paths), safe download names.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newJobId } from '../../functions/jobs/ids';
import { fixture } from '../helpers/fixtures';
import { postUpload } from '../helpers/functions/form';
import { startServerProcess, type ServerProcess } from '../helpers/functions/server-process';

const CANARY = 'canary-7f3e-do-not-serve';
let root: string;
let server: ServerProcess;
let jobId: string;

/** GET with the path sent byte for byte (fetch would normalise `..`). */
function rawGet(base: string, path: string): Promise<{ status: number; body: string }> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    request({ host: url.hostname, port: url.port, path, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (d) => { body += String(d); });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    }).on('error', reject).end();
  });
}

async function createJob(filename: string): Promise<{ jobId: string; upload: { url: string; fields: Record<string, string> } }> {
  const res = await fetch(`${server.url}/v1/jobs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ filename }) });
  expect(res.status).toBe(201);
  return (await res.json()) as any;
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'dawstamps-access-'));
  // Files beside and above DATA_DIR shaped like what the API reads: none may ever be served.
  for (const dir of ['results', 'jobs', 'data-results']) mkdirSync(join(root, dir), { recursive: true });
  const canaryJob = JSON.stringify({ jobId: 'x', status: 'done', fileName: CANARY, result: { markers: [{ name: CANARY }] } });
  for (const file of ['results/canary.json', 'jobs/canary.json', 'canary.json']) writeFileSync(join(root, file), canaryJob);
  server = await startServerProcess({ DATA_DIR: join(root, 'data') });
  const job = await createJob('"evil\r\nSet-Cookie: a=1; x=<script>.als');
  jobId = job.jobId;
  expect((await postUpload(job.upload.url, job.upload.fields, fixture('ableton/automation.als'), 'evil.als')).status).toBe(204);
}, 120_000);

afterAll(async () => {
  await server?.stop();
  rmSync(root, { recursive: true, force: true });
});

describe('job ids', () => {
  it('carry 128 random bits: 32 hex digits, every bit position varies with frequency ≈ ½', () => {
    const ids = Array.from({ length: 4096 }, newJobId);
    expect(new Set(ids).size).toBe(ids.length);
    const ones = new Array<number>(128).fill(0);
    for (const id of ids) {
      expect(id).toMatch(/^[0-9a-f]{32}$/);
      const bits = BigInt(`0x${id}`);
      for (let i = 0; i < 128; i++) if ((bits >> BigInt(i)) & 1n) ones[i]! += 1;
    }
    // Binomial(4096, ½): σ ≈ 32, so 0.44…0.56 is about ±7.7σ — no fixed (UUID version) bits, no bias.
    for (const n of ones) {
      expect(n / ids.length).toBeGreaterThan(0.44);
      expect(n / ids.length).toBeLessThan(0.56);
    }
  });

  it('the API hands out ids of that form, never the same twice', async () => {
    const seen = await Promise.all(Array.from({ length: 20 }, async () => (await createJob('a.als')).jobId));
    for (const id of seen) expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set([...seen, jobId]).size).toBe(21);
  });
});

describe('nothing lists jobs', () => {
  it('collection and storage paths answer 404/405 and reveal no id', async () => {
    for (const path of ['/v1/jobs', '/v1/jobs/', '/v1/uploads', '/v1/uploads/', '/v1/results', '/results/', '/uploads/', '/jobs/', '/.data/', '/v1/jobs?list=1', `/uploads/${jobId}/`]) {
      const res = await rawGet(server.url, path);
      expect([404, 405], path).toContain(res.status);
      // A 404 may echo the path it was asked for; beyond that no id appears.
      expect(res.body.replaceAll(path, ''), path).not.toContain(jobId);
    }
  });
});

describe('ids are validated before storage', () => {
  it('traversal in the id or the format answers 400/404 and never reads outside DATA_DIR', async () => {
    const attacks = [
      '/v1/jobs/..%2F..%2Fetc%2Fpasswd', '/v1/jobs/..%2Fcanary', '/v1/jobs/..%2F..%2Fcanary', '/v1/jobs/%2e%2e%2f%2e%2e%2fresults%2fcanary',
      '/v1/jobs/..%5C..%5Ccanary', `/v1/jobs/${jobId}%2F..%2F..%2F..%2Fcanary`, `/v1/jobs/${jobId}/export/..%2F..%2F..%2Fcanary`,
      '/v1/jobs/../../canary', '/v1/jobs/../results/canary', `/v1/jobs/${jobId}/../../../canary`, '/v1/jobs/%00', '/v1/jobs/canary',
      `/v1/jobs/${'0'.repeat(32)}%00`, `/v1/jobs/${jobId.toUpperCase()}`, '/v1/jobs/data-results%2Fcanary',
    ];
    for (const path of attacks) {
      const res = await rawGet(server.url, path);
      expect([400, 404], path).toContain(res.status);
      expect(res.body, path).not.toContain(CANARY);
      expect(res.body, path).not.toMatch(/root:|at .*\.js:\d+/);
    }
  });
});

describe('download names', () => {
  it('a hostile upload name becomes a header-safe Content-Disposition, with no injected header', async () => {
    const deadline = Date.now() + 20_000;
    while (((await (await fetch(`${server.url}/v1/jobs/${jobId}`)).json()) as any).status !== 'done') {
      if (Date.now() > deadline) throw new Error('not done');
      await new Promise((r) => setTimeout(r, 100));
    }
    const res = await fetch(`${server.url}/v1/jobs/${jobId}/export/csv`);
    expect(res.status).toBe(200);
    const disposition = res.headers.get('content-disposition')!;
    // one quoted ASCII name without quotes, backslashes or separators, then the full name in UTF-8
    expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+\.csv"; filename\*=UTF-8''[A-Za-z0-9%._~!-]+$/);
    const ascii = /filename="([^"]*)"/.exec(disposition)![1]!;
    expect(ascii).not.toMatch(/[";,\\<>]/);
    expect(disposition.split(';')).toHaveLength(3);
    expect(disposition).not.toMatch(/[\r\n<>]/);
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('the page is served with a strict CSP and nosniff over HTTP', async () => {
    const page = await fetch(`${server.url}/`);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/default-src 'none'|default-src 'self'/);
    expect(csp).not.toContain("'unsafe-eval'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
