import { describe, expect, it } from 'vitest';
import { S3Client } from '@aws-sdk/client-s3';
import { createS3Storage } from '../../../functions/storage/s3-storage';
import { createJobService, jobKeys } from '../../../functions/jobs';

// Signing is local (no request is sent): fixed fake credentials are enough.
const client = new S3Client({ region: 'eu-west-1', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' } });
const storage = createS3Storage(client, 'dawstamps-bucket');

interface Policy { expiration: string; conditions: unknown[] }

async function createdJob(): Promise<{ jobId: string; url: string; fields: Record<string, string>; policy: Policy; at: number }> {
  const writes: string[] = [];
  const recording = { ...storage, put: async (key: string) => { writes.push(key); } };
  const jobs = createJobService({
    storage: recording, keys: jobKeys('uploads/', 'results/', 'jobs/'), maxUploadBytes: 100 * 1024 * 1024, uploadExpirySeconds: 600, uploadGraceSeconds: 900, processingTimeoutSeconds: 1200,
  });
  const at = Date.now();
  const job = await jobs.create({ filename: 'My Mix.als', options: {} }, 'https://api.example');
  expect(writes).toEqual([`jobs/${job.jobId}.json`]);
  const policy = JSON.parse(Buffer.from(job.upload.fields.Policy!, 'base64').toString('utf8')) as Policy;
  return { jobId: job.jobId, url: job.upload.url, fields: job.upload.fields, policy, at };
}

describe('the S3 presigned POST policy', () => {
  it('targets the bucket over HTTPS and is signed with SigV4', async () => {
    const { url, fields } = await createdJob();
    expect(new URL(url).protocol).toBe('https:');
    expect(url).toContain('dawstamps-bucket');
    expect(fields['X-Amz-Algorithm']).toBe('AWS4-HMAC-SHA256');
    expect(fields['X-Amz-Signature']).toMatch(/^[0-9a-f]{64}$/);
    expect(fields['X-Amz-Credential']).toMatch(/^AKIDEXAMPLE\/\d{8}\/eu-west-1\/s3\/aws4_request$/);
  });

  it('limits the size to 1 byte … 100 MB (content-length-range)', async () => {
    const { policy } = await createdJob();
    expect(policy.conditions).toContainEqual(['content-length-range', 1, 100 * 1024 * 1024]);
  });

  it('pins exactly one key: uploads/<jobId>/<sanitised name>', async () => {
    const { jobId, fields, policy } = await createdJob();
    expect(fields.key).toBe(`uploads/${jobId}/My Mix.als`);
    expect(policy.conditions).toContainEqual({ key: `uploads/${jobId}/My Mix.als` });
    // No starts-with condition on the key: nothing else can be written with this form.
    expect(JSON.stringify(policy.conditions)).not.toMatch(/starts-with[^\]]*\$key/);
  });

  it('names the bucket and fixes the content type', async () => {
    const { fields, policy } = await createdJob();
    expect(policy.conditions).toContainEqual({ bucket: 'dawstamps-bucket' });
    expect(policy.conditions).toContainEqual(['eq', '$Content-Type', 'application/octet-stream']);
    expect(fields['Content-Type']).toBe('application/octet-stream');
  });

  it('expires about 10 minutes after it was made', async () => {
    const { policy, at } = await createdJob();
    const ttl = Date.parse(policy.expiration) - at;
    expect(ttl).toBeGreaterThan(595_000);
    expect(ttl).toBeLessThanOrEqual(601_000);
  });

  it('gives the page its upload origin for the CSP', async () => {
    expect(await storage.uploadOrigin('https://api.example')).toMatch(/^https:\/\/dawstamps-bucket\.s3\.(eu-west-1\.)?amazonaws\.com$/);
  });
});
