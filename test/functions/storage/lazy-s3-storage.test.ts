import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lazyS3Storage } from '../../../functions/storage/lazy-s3-storage';
import { createS3Client, createS3Storage } from '../../../functions/storage/s3-storage';

// Signing is local (no request is sent): fake credentials in the environment, as Lambda provides them.
const saved = { ...process.env };
beforeAll(() => {
  Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'secret' });
  delete process.env.AWS_PROFILE;
});
afterAll(() => { process.env = saved; });

const request = { requestOrigin: 'https://api.example', key: 'uploads/0123456789abcdef0123456789abcdef/mix.als', minBytes: 1, maxBytes: 1000, contentType: 'application/octet-stream', expiresInSeconds: 600 };
/** The policy's conditions but the signing time (the two forms may be signed a second apart). */
const conditionsOf = (fields: Record<string, string>): unknown[] =>
  (JSON.parse(Buffer.from(fields.Policy!, 'base64').toString('utf8')) as { conditions: unknown[] }).conditions
    .filter((c) => !(c && typeof c === 'object' && !Array.isArray(c) && 'X-Amz-Date' in c));

describe('lazyS3Storage (the Lambda functions\' storage: the SDK loads on the first call)', () => {
  const options = { region: 'eu-west-1', bucket: 'dawstamps-bucket' };

  it('signs the same upload form as the S3 storage it loads', async () => {
    const lazy = await lazyS3Storage(options).createUpload(request);
    const eager = await createS3Storage(createS3Client({ region: options.region }), options.bucket).createUpload(request);
    expect(lazy.url).toBe(eager.url);
    expect(Object.keys(lazy.fields).sort()).toEqual(Object.keys(eager.fields).sort());
    expect(conditionsOf(lazy.fields)).toEqual(conditionsOf(eager.fields));
    expect(conditionsOf(lazy.fields)).toContainEqual(['content-length-range', 1, 1000]);
    expect(lazy.fields['X-Amz-Credential']).toMatch(/^AKIDEXAMPLE\/\d{8}\/eu-west-1\/s3\/aws4_request$/);
  });

  it('reports the bucket\'s upload origin, and an endpoint when one is configured', async () => {
    await expect(lazyS3Storage(options).uploadOrigin('https://api.example')).resolves.toMatch(/^https:\/\/dawstamps-bucket\.s3\.eu-west-1\.amazonaws\.com$/);
    await expect(lazyS3Storage({ ...options, endpoint: 'http://127.0.0.1:5999' }).uploadOrigin('https://api.example')).resolves.toBe('http://127.0.0.1:5999');
  });
});
