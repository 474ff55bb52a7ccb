import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Match } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORM_OVERHEAD } from '../../functions/body-limit';
import { FUNCTION_URL_PAYLOAD_BYTES, LAMBDA_S3_CHUNK, REPO_ROOT } from '../../infra/constructs';
import { invoke } from '../helpers/infra/bundle';
import { functionUrlEvent, s3TestEventBatch } from '../helpers/infra/events';
import { resourceOf, synthesize, type Synthesized } from '../helpers/infra/synth';

let s: Synthesized;
beforeAll(() => { s = synthesize(); });
afterAll(() => s.dispose());

const fn = (name: 'Api' | 'Worker'): [string, { Properties: Record<string, any> }] =>
  resourceOf(s, 'AWS::Lambda::Function', `${name}Function`);
/** The staged asset directory holding a function's bundle. */
const assetDir = (name: 'Api' | 'Worker'): string =>
  join(s.assemblyDir, `asset.${String(fn(name)[1].Properties.Code.S3Key).replace(/\.zip$/, '')}`);
const bucketRef = (): { Ref: string } => ({ Ref: resourceOf(s, 'AWS::S3::Bucket', 'StorageBucket')[0] });

describe('the queues', () => {
  it('hide a message for at least 6 × the worker timeout', () => {
    const timeout = fn('Worker')[1].Properties.Timeout as number;
    const visibility = resourceOf(s, 'AWS::SQS::Queue', 'WorkerUploads')[1].Properties.VisibilityTimeout as number;
    expect(timeout).toBeGreaterThan(0);
    expect(visibility).toBeGreaterThanOrEqual(6 * timeout);
  });

  it('park a message in the dead-letter queue after 3 receives', () => {
    const [dlqId] = resourceOf(s, 'AWS::SQS::Queue', 'WorkerDeadLetters');
    s.template.hasResourceProperties('AWS::SQS::Queue', {
      RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [dlqId, 'Arn'] }, maxReceiveCount: 3 },
    });
  });

  it('are encrypted and refuse requests without TLS', () => {
    for (const id of ['WorkerUploads', 'WorkerDeadLetters']) {
      const [queueId, queue] = resourceOf(s, 'AWS::SQS::Queue', id);
      expect(queue.Properties.SqsManagedSseEnabled).toBe(true);
      s.template.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [{ Ref: queueId }],
        PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({
          Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        })]) },
      });
    }
  });
});

describe('the functions', () => {
  it.each(['Api', 'Worker'] as const)('%s runs Node.js 22 on arm64 from a bundled ESM handler', (name) => {
    expect(fn(name)[1].Properties).toMatchObject({
      Runtime: 'nodejs22.x', Architectures: ['arm64'], Handler: 'index.handler',
    });
  });

  it.each(['Api', 'Worker'] as const)('%s logs to its own log group kept for two weeks', (name) => {
    const [logsId, logs] = resourceOf(s, 'AWS::Logs::LogGroup', `${name}FunctionLogs`);
    expect(logs.Properties.RetentionInDays).toBe(14);
    expect(fn(name)[1].Properties.LoggingConfig).toEqual({ LogGroup: { Ref: logsId } });
  });

  it('the worker gets the storage contract in its environment, and the queue\'s receive count', () => {
    expect(fn('Worker')[1].Properties.Environment.Variables).toEqual({
      BUCKET_NAME: bucketRef(), UPLOAD_PREFIX: 'uploads/', RESULT_PREFIX: 'results/', JOB_PREFIX: 'jobs/',
      MAX_UPLOAD_BYTES: { Ref: 'MaxUploadBytes' }, MAX_RECEIVE_COUNT: expect.stringMatching(/^\d+$/),
    });
  });

  it('the worker knows which delivery is the last (it records the job\'s failure then: nothing reads the DLQ)', () => {
    const receives = resourceOf(s, 'AWS::SQS::Queue', 'WorkerUploads')[1].Properties.RedrivePolicy.maxReceiveCount as number;
    expect(Number(fn('Worker')[1].Properties.Environment.Variables.MAX_RECEIVE_COUNT)).toBe(receives);
  });

  it('the API also gets the optional token, the allowed origins, the processing timeout and its body limits', () => {
    expect(fn('Api')[1].Properties.Environment.Variables).toEqual({
      BUCKET_NAME: bucketRef(), UPLOAD_PREFIX: 'uploads/', RESULT_PREFIX: 'results/', JOB_PREFIX: 'jobs/',
      MAX_UPLOAD_BYTES: { Ref: 'MaxUploadBytes' },
      API_TOKEN: { Ref: 'ApiToken' }, ALLOWED_ORIGINS: { Ref: 'AllowedOrigins' },
      PROCESSING_TIMEOUT_SECONDS: expect.stringMatching(/^\d+$/),
      CONVERT_MAX_BYTES: expect.stringMatching(/^\d+$/), MAX_RESPONSE_BYTES: expect.stringMatching(/^\d+$/),
    });
  });

  it('the API takes and sends only bodies a Function URL can carry (6 MB, binary bodies base64-encoded)', () => {
    const env = fn('Api')[1].Properties.Environment.Variables;
    const base64 = (bytes: number): number => Math.ceil(bytes / 3) * 4;
    // a multipart file at the limit, base64-encoded, with 64 KB for the event's headers and fields
    const request = base64(Number(env.CONVERT_MAX_BYTES) + FORM_OVERHEAD) + 64 * 1024;
    expect(request).toBeLessThanOrEqual(FUNCTION_URL_PAYLOAD_BYTES);
    expect(Number(env.CONVERT_MAX_BYTES)).toBeGreaterThanOrEqual(4 * 1024 * 1024);
    // a response body at the limit, compressed or not (gzip can grow incompressible data a little)
    expect(base64(Number(env.MAX_RESPONSE_BYTES) * 1.01) + 64 * 1024).toBeLessThanOrEqual(FUNCTION_URL_PAYLOAD_BYTES);
  });

  it('the API calls a job failed only after every delivery could have timed out', () => {
    const visibility = resourceOf(s, 'AWS::SQS::Queue', 'WorkerUploads')[1].Properties.VisibilityTimeout as number;
    const receives = resourceOf(s, 'AWS::SQS::Queue', 'WorkerUploads')[1].Properties.RedrivePolicy.maxReceiveCount as number;
    const timeout = Number(fn('Api')[1].Properties.Environment.Variables.PROCESSING_TIMEOUT_SECONDS);
    expect(timeout).toBeGreaterThan(visibility * receives);
  });

  it('the worker drains the upload queue in bounded batches, reporting partial failures', () => {
    const [queueId] = resourceOf(s, 'AWS::SQS::Queue', 'WorkerUploads');
    const mapping = resourceOf(s, 'AWS::Lambda::EventSourceMapping', 'WorkerFunction')[1].Properties;
    expect(mapping).toMatchObject({
      EventSourceArn: { 'Fn::GetAtt': [queueId, 'Arn'] },
      FunctionName: { Ref: fn('Worker')[0] },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
    expect(mapping.BatchSize).toBeLessThanOrEqual(10);
    expect(mapping.ScalingConfig.MaximumConcurrency).toBeGreaterThanOrEqual(2);
    expect(mapping.ScalingConfig.MaximumConcurrency).toBeLessThanOrEqual(10);
  });

  it.each(['Api', 'Worker'] as const)('%s ships a minified ESM bundle and its S3 chunk, under 1 MB together', (name) => {
    const index = statSync(join(assetDir(name), 'index.mjs')).size;
    const chunk = statSync(join(assetDir(name), LAMBDA_S3_CHUNK.file)).size;
    expect(chunk).toBeGreaterThan(100 * 1024); // the AWS SDK, built by the afterBundling step
    // The SDK is not in index.mjs too (the build defines DAWSTAMPS_S3_CHUNK): before the split it was 797 / 528 KB.
    // zip.js (the DAWproject reader, ~67 KB minified) is in both: 500 / 200 KB before it
    expect(index).toBeLessThan(name === 'Api' ? 580 * 1024 : 280 * 1024);
    expect(index + chunk).toBeLessThan(1024 * 1024);
  });

  it.each([['Api', 'GET /', 'api'], ['Worker', 'an s3:TestEvent', 'worker']] as const)(
    'the staged %s asset runs as deployed (%s)', async (name, _what, kind) => {
      const dir = assetDir(name);
      const b = { dir, file: join(dir, 'index.mjs'), bytes: 0 };
      if (kind === 'api') {
        // The page's CSP needs the bucket's upload origin: the first storage call, through the chunk.
        const res = await invoke(b, functionUrlEvent('GET', '/')) as { statusCode: number; headers: Record<string, string> };
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-security-policy']).toMatch(/https:\/\/dawstamps-test\.s3\./);
      } else {
        expect(await invoke(b, s3TestEventBatch())).toEqual({ batchItemFailures: [] });
      }
    },
  );

  it('the API bundle carries the page as web/, next to index.mjs, with lib built for the browser', () => {
    const repoWeb = readdirSync(join(REPO_ROOT, 'web'), { recursive: true }).map(String);
    expect(repoWeb.length).toBeGreaterThan(0);
    expect(readdirSync(join(assetDir('Api'), 'web'), { recursive: true }).map(String).sort()).toEqual([...repoWeb, 'dawstamps.js'].sort());
    expect(existsSync(join(assetDir('Worker'), 'web'))).toBe(false);
  });

  it('the API answers on a public Function URL (authentication is the app\'s optional token)', () => {
    s.template.hasResourceProperties('AWS::Lambda::Url', {
      AuthType: 'NONE', TargetFunctionArn: { 'Fn::GetAtt': [fn('Api')[0], 'Arn'] },
    });
  });

  it('anyone may invoke the API, but only through its Function URL; no other function is public', () => {
    const apiArn = { 'Fn::GetAtt': [fn('Api')[0], 'Arn'] };
    const publicGrants = Object.values(s.template.findResources('AWS::Lambda::Permission'))
      .map((p) => p.Properties).filter((p) => p.Principal === '*');
    expect(publicGrants).toEqual(expect.arrayContaining([
      { Action: 'lambda:InvokeFunctionUrl', FunctionName: apiArn, FunctionUrlAuthType: 'NONE', Principal: '*' },
      { Action: 'lambda:InvokeFunction', FunctionName: apiArn, InvokedViaFunctionUrl: true, Principal: '*' },
    ]));
    expect(publicGrants).toHaveLength(2);
  });

  it('nothing in the stack bills while idle: no API Gateway, no NAT, no provisioned concurrency', () => {
    const types = new Set(Object.values(s.json.Resources as Record<string, { Type: string }>).map((r) => r.Type));
    for (const t of types) expect(t).not.toMatch(/ApiGateway|EC2::NatGateway|EC2::Instance|RDS|ElastiCache|KMS::Key/);
    for (const f of Object.values(s.template.findResources('AWS::Lambda::Function'))) {
      expect(f.Properties.ProvisionedConcurrencyConfig).toBeUndefined();
    }
  });
});

describe('the parameters and outputs', () => {
  it('the API token is a NoEcho parameter that defaults to empty (open API)', () => {
    expect(s.json.Parameters.ApiToken).toMatchObject({ Type: 'String', NoEcho: true, Default: '' });
  });

  it('the upload cap defaults to 100 MB', () => {
    expect(s.json.Parameters.MaxUploadBytes).toMatchObject({ Type: 'Number', Default: 104857600 });
  });

  it('outputs the API URL', () => {
    s.template.hasOutput('ApiUrl', { Value: { 'Fn::GetAtt': [resourceOf(s, 'AWS::Lambda::Url', 'ApiFunction')[0], 'FunctionUrl'] } });
  });
});
