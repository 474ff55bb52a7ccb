import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FORM_OVERHEAD } from '../../../functions/body-limit';
import { signPolicy } from '../../../functions/storage/local-policy';
import { postUpload } from '../../helpers/functions/form';
import { createJob, localHarness, type LocalHarness } from '../../helpers/functions/local-app';

let h: LocalHarness;
beforeEach(async () => { h = await localHarness({ MAX_UPLOAD_BYTES: '1000' }); });
afterEach(async () => { await h.close(); });

async function form(): Promise<{ jobId: string; url: string; fields: Record<string, string> }> {
  const res = await createJob(h, { filename: 'set.als' });
  const job = (await res.json()) as any;
  return { jobId: job.jobId, url: job.upload.url, fields: job.upload.fields };
}
const send = (url: string, fields: Record<string, string>, bytes: Uint8Array) =>
  postUpload(url, fields, bytes, 'set.als', (u, init) => h.request(String(u), init));
const error = async (res: Response): Promise<string> => ((await res.json()) as any).error.code;

describe('the local upload endpoint (the presigned POST contract of S3)', () => {
  it('stores the file under the signed key and answers 204', async () => {
    const f = await form();
    const res = await send(f.url, f.fields, new Uint8Array(500).fill(1));
    expect(res.status).toBe(204);
    expect((await h.storage.head(f.fields.key!))?.size).toBe(500);
  });

  it('refuses a file over the signed range with 400 (as S3: EntityTooLarge) and stores nothing', async () => {
    const f = await form();
    const res = await send(f.url, f.fields, new Uint8Array(1001));
    expect(res.status).toBe(400);
    expect(await error(res)).toBe('file-too-large');
    expect(await h.storage.head(f.fields.key!)).toBeNull();
  });

  it('refuses a body far over the cap with 413 before reading it', async () => {
    const f = await form();
    const res = await send(f.url, f.fields, new Uint8Array(200_000));
    expect(res.status).toBe(413);
  });

  it('gives the form FORM_OVERHEAD bytes around its file, as POST /v1/convert does, and no more', async () => {
    const f = await form();
    const padded = await send(f.url, { ...f.fields, 'x-amz-meta-note': 'x'.repeat(FORM_OVERHEAD) }, new Uint8Array(1000).fill(1));
    expect(padded.status).toBe(413);
    expect(await error(padded)).toBe('file-too-large');
    expect(await h.storage.head(f.fields.key!)).toBeNull();
    expect((await send(f.url, { ...f.fields, 'x-amz-meta-note': 'x'.repeat(FORM_OVERHEAD - 2048) }, new Uint8Array(1000).fill(1))).status).toBe(204);
  });

  it('refuses an empty file (the range starts at 1 byte)', async () => {
    const f = await form();
    const res = await send(f.url, f.fields, new Uint8Array(0));
    expect(res.status).toBe(400);
    expect(await error(res)).toBe('file-too-small');
  });

  it('refuses another key with the same policy (403): no one can write into another job', async () => {
    const f = await form();
    const other = await form();
    const res = await send(f.url, { ...f.fields, key: other.fields.key! }, new Uint8Array(10));
    expect(res.status).toBe(403);
    expect(await h.storage.head(other.fields.key!)).toBeNull();
  });

  it('refuses a policy edited by the client (403: the HMAC no longer matches)', async () => {
    const f = await form();
    const policy = JSON.parse(Buffer.from(f.fields.Policy!, 'base64').toString());
    policy.conditions = policy.conditions.map((c: unknown) => (Array.isArray(c) ? ['content-length-range', 1, 10 ** 9] : c));
    const forged = Buffer.from(JSON.stringify(policy)).toString('base64');
    const res = await send(f.url, { ...f.fields, Policy: forged }, new Uint8Array(10));
    expect(res.status).toBe(403);
    expect(await error(res)).toBe('access-denied');
  });

  it('checks the form\'s expiry when the upload begins, as S3 does: a slow upload begun in time is stored', async () => {
    const slow = await localHarness({ MAX_UPLOAD_BYTES: '1000', UPLOAD_EXPIRY_SECONDS: '1' });
    try {
      const job = (await (await createJob(slow, { filename: 'set.als' })).json()) as any;
      const form = new FormData();
      for (const [k, v] of Object.entries(job.upload.fields as Record<string, string>)) form.append(k, v);
      form.append('file', new Blob([new Uint8Array(500).fill(1)]), 'set.als');
      const encoded = new Response(form);
      const type = encoded.headers.get('content-type')!;
      const bytes = new Uint8Array(await encoded.arrayBuffer());
      const half = bytes.length >> 1;
      // half the body now, the rest after the form has expired
      const body = new ReadableStream<Uint8Array>({
        start(c) { c.enqueue(bytes.subarray(0, half)); },
        async pull(c) { await new Promise((r) => setTimeout(r, 1500)); c.enqueue(bytes.subarray(half)); c.close(); },
      });
      const res = await slow.request(job.upload.url, { method: 'POST', headers: { 'content-type': type }, body, duplex: 'half' } as RequestInit);
      expect(res.status).toBe(204);
      expect(Date.now()).toBeGreaterThan(Date.parse(job.expiresAt));
      expect((await slow.storage.head(job.upload.fields.key))?.size).toBe(500);
    } finally {
      await slow.close();
    }
  });

  it('refuses an expired form (403) and a wrong content type (403)', async () => {
    const f = await form();
    const expired = signPolicy({ expiration: new Date(Date.now() - 1000).toISOString(), conditions: [{ key: f.fields.key! }] }, h.storage.secret);
    const late = await send(f.url, { ...f.fields, Policy: expired.policy, 'X-Amz-Signature': expired.signature }, new Uint8Array(10));
    expect(late.status).toBe(403);
    expect(((await late.json()) as any).error.message).toMatch(/expired/i);
    const wrongType = await send(f.url, { ...f.fields, 'Content-Type': 'text/html' }, new Uint8Array(10));
    expect(wrongType.status).toBe(403);
  });

  it('refuses a form without a file or that is not multipart (400)', async () => {
    const f = await form();
    const fd = new FormData();
    for (const [k, v] of Object.entries(f.fields)) fd.append(k, v);
    expect((await h.request('/v1/uploads', { method: 'POST', body: fd })).status).toBe(400);
    expect((await h.request('/v1/uploads', { method: 'POST', body: 'hello', headers: { 'content-type': 'text/plain' } })).status).toBe(400);
  });
});
