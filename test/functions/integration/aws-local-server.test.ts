/** `npm run start:aws-local` (node dist/server.js --aws --setup) against moto, through real HTTP. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectedMarkers, fixture, markersMatch } from '../../helpers/fixtures';
import { postUpload } from '../../helpers/functions/form';
import { startServerProcess, type ServerProcess } from '../../helpers/functions/server-process';
import { startMoto, type Moto } from '../../helpers/moto';

let moto: Moto;
let server: ServerProcess;

beforeAll(async () => {
  moto = await startMoto();
  server = await startServerProcess({
    AWS_ENDPOINT_URL: moto.endpoint, AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', BUCKET_NAME: 'dawstamps-aws-local',
  }, ['--aws', '--setup']);
}, 120_000);

afterAll(async () => {
  await server?.stop();
  await moto?.stop();
});

describe('npm run start:aws-local', () => {
  it('creates the resources, signs S3 forms, polls SQS and serves the result', async () => {
    expect(server.output()).toContain('bucket dawstamps-aws-local');
    const res = await fetch(`${server.url}/v1/jobs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ filename: 'example 140.als' }) });
    const job = (await res.json()) as { jobId: string; upload: { url: string; fields: Record<string, string> } };
    expect(job.upload.url.startsWith(moto.endpoint)).toBe(true);
    expect(job.upload.fields['X-Amz-Signature']).toMatch(/^[0-9a-f]{64}$/);
    expect((await postUpload(job.upload.url, job.upload.fields, fixture('ableton/example-140.als'), 'example 140.als')).status).toBeLessThan(300);
    const deadline = Date.now() + 20_000;
    let body: any;
    do {
      await new Promise((r) => setTimeout(r, 200));
      body = await (await fetch(`${server.url}/v1/jobs/${job.jobId}`)).json();
    } while (!['done', 'failed'].includes(body.status) && Date.now() < deadline);
    expect(body.status).toBe('done');
    expect(markersMatch(body.result.markers, expectedMarkers('ableton/example-140.als'))).toBe(true);
  });
});
