/** The Lambda entry points called directly: a Function URL (payload v2) event and an SQS event. */
import { join } from 'node:path';
import type { APIGatewayProxyResultV2, Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO } from '../helpers/functions/server-process';
import { batch, record, testEventRecord } from '../helpers/functions/events';

// What Lambda's environment holds; the events below make no AWS call.
Object.assign(process.env, {
  AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test',
  BUCKET_NAME: 'dawstamps-test', UPLOAD_PREFIX: 'uploads/', RESULT_PREFIX: 'results/', JOB_PREFIX: 'jobs/',
  MAX_UPLOAD_BYTES: String(100 * 1024 * 1024), API_TOKEN: '', ALLOWED_ORIGINS: '', WEB_DIR: join(REPO, 'web'),
});

type Handler<E, R> = (event: E, context: Context) => Promise<R>;
let api: Handler<unknown, APIGatewayProxyResultV2 & { statusCode: number; headers: Record<string, string>; body: string; isBase64Encoded: boolean }>;
let worker: Handler<SQSEvent, SQSBatchResponse>;
const context = { getRemainingTimeInMillis: () => 30_000 } as Context;

beforeAll(async () => {
  api = (await import('../../functions/api/lambda')).handler as never;
  worker = (await import('../../functions/worker/lambda')).handler as never;
});

function urlEvent(method: string, rawPath: string, options: { query?: string; body?: string; base64?: boolean; headers?: Record<string, string> } = {}) {
  return {
    version: '2.0', routeKey: '$default', rawPath, rawQueryString: options.query ?? '',
    headers: { host: 'abc.lambda-url.us-east-1.on.aws', 'content-type': 'application/octet-stream', ...options.headers },
    queryStringParameters: options.query ? Object.fromEntries(new URLSearchParams(options.query)) : undefined,
    isBase64Encoded: options.base64 ?? false,
    body: options.body,
    requestContext: {
      accountId: 'anonymous', apiId: 'abc', domainName: 'abc.lambda-url.us-east-1.on.aws', domainPrefix: 'abc',
      http: { method, path: rawPath, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'vitest' },
      requestId: 'r1', routeKey: '$default', stage: '$default', time: '26/Nov/2026:17:00:00 +0000', timeEpoch: 0,
    },
  };
}

describe('functions/api/lambda.ts', () => {
  it('answers GET /healthz from a Function URL event', async () => {
    const res = await api(urlEvent('GET', '/healthz'), context);
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ ok: true });
  });

  it('serves the page from WEB_DIR with its CSP allowing uploads to the bucket', async () => {
    const res = await api(urlEvent('GET', '/'), context);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.headers['content-security-policy']).toMatch(/connect-src 'self' https:\/\/dawstamps-test\.s3\./);
  });

  it('converts a base64 body (POST /v1/convert) — the way Function URLs deliver binary', async () => {
    const { fixture } = await import('../helpers/fixtures');
    const body = Buffer.from(fixture('ableton/automation.als')).toString('base64');
    const res = await api(urlEvent('POST', '/v1/convert', { query: 'format=text', body, base64: true }), context);
    expect(res.statusCode).toBe(200);
    const text = res.isBase64Encoded ? Buffer.from(res.body, 'base64').toString() : res.body;
    expect(text).toMatch(/^00:00 A$/m);
  });

  it('answers bad requests with typed JSON errors', async () => {
    const res = await api(urlEvent('POST', '/v1/jobs', { body: '{nope', headers: { 'content-type': 'application/json' } }), context);
    expect(res.statusCode).toBe(400);
    expect(JSON.parse(res.body).error.code).toBe('invalid-json');
  });
});

describe('functions/worker/lambda.ts', () => {
  it('skips the s3:TestEvent and reports a bad message as the only failure', async () => {
    const bad = record('not json');
    const out = await worker(batch(testEventRecord(), bad), context);
    expect(out).toEqual({ batchItemFailures: [{ itemIdentifier: bad.messageId }] });
  });
});
