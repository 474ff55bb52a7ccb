import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allPolicies, grantsOf, renderArn } from '../helpers/infra/iam';
import { resourceOf, synthesize, type Synthesized } from '../helpers/infra/synth';

let s: Synthesized;
let bucket: string;
beforeAll(() => {
  s = synthesize();
  bucket = `<${resourceOf(s, 'AWS::S3::Bucket', 'StorageBucket')[0]}.Arn>`;
});
afterAll(() => s.dispose());

const role = (name: string): string => resourceOf(s, 'AWS::IAM::Role', name)[0];
const logGroup = (name: string): string => `<${resourceOf(s, 'AWS::Logs::LogGroup', `${name}FunctionLogs`)[0]}.Arn>`;
const allowStatements = () => allPolicies(s.json).flatMap((p) =>
  p.statements.filter((st) => st.Effect === 'Allow').map((st) => ({ ...st, source: p.source })));

describe('least privilege', () => {
  it('the API may sign uploads, write and read job records, read results and uploads, and write its own logs — nothing else', () => {
    expect(grantsOf(s.json, role('ApiFunctionRole'))).toEqual({
      'logs:CreateLogStream': [logGroup('Api')],
      'logs:PutLogEvents': [logGroup('Api')],
      's3:PutObject': [`${bucket}/jobs/*`, `${bucket}/uploads/*`],
      's3:GetObject': [`${bucket}/jobs/*`, `${bucket}/results/*`, `${bucket}/uploads/*`],
    });
  });

  it('the worker may read uploads, job records and results, write results, delete uploads (once read) and losing projects, consume its queue and write its own logs — nothing else', () => {
    const queue = `<${resourceOf(s, 'AWS::SQS::Queue', 'WorkerUploads')[0]}.Arn>`;
    expect(grantsOf(s.json, role('WorkerFunctionRole'))).toEqual({
      'logs:CreateLogStream': [logGroup('Worker')],
      'logs:PutLogEvents': [logGroup('Worker')],
      's3:GetObject': [`${bucket}/jobs/*`, `${bucket}/results/*`, `${bucket}/uploads/*`],
      's3:PutObject': [`${bucket}/results/*`],
      's3:DeleteObject': [`${bucket}/results/*`, `${bucket}/uploads/*`],
      'sqs:ReceiveMessage': [queue],
      'sqs:DeleteMessage': [queue],
      'sqs:ChangeMessageVisibility': [queue],
      'sqs:GetQueueAttributes': [queue],
      'sqs:GetQueueUrl': [queue],
    });
  });

  it('our function roles carry no managed policies (no AWSLambdaBasicExecutionRole on every log group)', () => {
    for (const name of ['ApiFunctionRole', 'WorkerFunctionRole']) {
      expect(resourceOf(s, 'AWS::IAM::Role', name)[1].Properties.ManagedPolicyArns).toBeUndefined();
    }
  });

  it('only CDK\'s own bucket-notification handler uses a managed policy, and only basic logging', () => {
    const withManaged = Object.entries(s.template.findResources('AWS::IAM::Role'))
      .filter(([, r]) => r.Properties.ManagedPolicyArns);
    expect(withManaged.map(([id]) => id.replace(/[0-9A-F]{8}$/, ''))).toEqual([
      'BucketNotificationsHandler050a0587b7544547bf325f094a3db834Role',
    ]);
    expect(renderArn(withManaged[0]![1].Properties.ManagedPolicyArns[0]))
      .toBe('arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole');
  });

  it('no Allow statement anywhere uses a wildcard action', () => {
    const statements = allowStatements();
    expect(statements.length).toBeGreaterThan(5);
    for (const st of statements) {
      for (const action of [st.Action].flat()) expect(action, st.source).not.toContain('*');
    }
  });

  it('no Allow statement anywhere has Resource "*"', () => {
    for (const st of allowStatements()) {
      expect(st.Resource, st.source).toBeDefined();
      for (const r of [st.Resource].flat()) expect(renderArn(r), st.source).not.toBe('*');
    }
  });

  it('object grants are scoped to a prefix, never to the whole bucket', () => {
    const s3Resources = allowStatements()
      .filter((st) => [st.Action].flat().some((a) => a.startsWith('s3:') && a.includes('Object')))
      .flatMap((st) => [st.Resource].flat().map(renderArn));
    expect(s3Resources.length).toBeGreaterThan(0);
    for (const r of s3Resources) expect(r).toMatch(/\/(uploads|results|jobs)\/\*$/);
  });

  it('only Deny statements (TLS enforcement) use a service-wide action', () => {
    const wide = allPolicies(s.json).flatMap((p) => p.statements)
      .filter((st) => [st.Action].flat().some((a) => a === '*' || a.endsWith(':*')));
    expect(wide.length).toBe(3);
    for (const st of wide) {
      expect(st).toMatchObject({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } });
    }
  });
});
