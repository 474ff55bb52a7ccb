import { Match } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resourceOf, synthesize, type Synthesized } from '../helpers/infra/synth';

let s: Synthesized;
beforeAll(() => { s = synthesize(); });
afterAll(() => s.dispose());

const bucket = (): [string, { Properties: Record<string, any>; DeletionPolicy?: string }] =>
  resourceOf(s, 'AWS::S3::Bucket', 'StorageBucket');

describe('the bucket', () => {
  it('blocks every kind of public access', () => {
    s.template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true,
      },
    });
  });

  it('denies every request that does not use TLS', () => {
    const [bucketId] = bucket();
    s.template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: bucketId },
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({
          Effect: 'Deny',
          Action: 's3:*',
          Principal: { AWS: '*' },
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          Resource: Match.arrayWith([{ 'Fn::GetAtt': [bucketId, 'Arn'] }]),
        })]),
      },
    });
  });

  it('encrypts objects with S3-managed keys', () => {
    s.template.hasResourceProperties('AWS::S3::Bucket', {
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
    });
  });

  it('lets pages on this region\'s Function URLs POST uploads and follow a redirect to a stored project (GET), and nothing else by default', () => {
    const rules = bucket()[1].Properties.CorsConfiguration.CorsRules;
    expect(rules[0]).toEqual({
      AllowedMethods: ['GET', 'POST'],
      AllowedOrigins: [{ 'Fn::Join': ['', ['https://*.lambda-url.', { Ref: 'AWS::Region' }, '.on.aws']] }],
      AllowedHeaders: ['*'],
      MaxAge: 3000,
    });
    expect(rules).toHaveLength(2);
  });

  it('adds the AllowedOrigins parameter as a second CORS rule only when it is set', () => {
    const rule = bucket()[1].Properties.CorsConfiguration.CorsRules[1];
    const [condition, whenSet, otherwise] = rule['Fn::If'];
    expect(whenSet).toMatchObject({
      AllowedMethods: ['GET', 'POST'],
      AllowedOrigins: { 'Fn::Split': [',', { Ref: 'AllowedOrigins' }] },
    });
    expect(otherwise).toEqual({ Ref: 'AWS::NoValue' });
    expect(s.json.Conditions[condition]).toEqual({
      'Fn::Not': [{ 'Fn::Equals': [{ Ref: 'AllowedOrigins' }, ''] }],
    });
  });

  it('deletes uploads after 1 day', () => {
    s.template.hasResourceProperties('AWS::S3::Bucket', {
      LifecycleConfiguration: {
        Rules: Match.arrayWith([Match.objectLike({ Prefix: 'uploads/', ExpirationInDays: 1, Status: 'Enabled' })]),
      },
    });
  });

  it('deletes results after 7 days', () => {
    s.template.hasResourceProperties('AWS::S3::Bucket', {
      LifecycleConfiguration: {
        Rules: Match.arrayWith([Match.objectLike({ Prefix: 'results/', ExpirationInDays: 7, Status: 'Enabled' })]),
      },
    });
  });

  it('deletes job records after 7 days, as long as results', () => {
    s.template.hasResourceProperties('AWS::S3::Bucket', {
      LifecycleConfiguration: {
        Rules: Match.arrayWith([Match.objectLike({ Prefix: 'jobs/', ExpirationInDays: 7, Status: 'Enabled' })]),
      },
    });
    const rules = bucket()[1].Properties.LifecycleConfiguration.Rules as Array<{ Prefix: string }>;
    expect(rules.map((r) => r.Prefix).sort()).toEqual(['jobs/', 'results/', 'uploads/']);
  });

  it('is retained when the stack is deleted (lifecycle rules empty it)', () => {
    expect(bucket()[1].DeletionPolicy).toBe('Retain');
  });

  it('notifies the upload queue of objects created under uploads/ only (not jobs/ nor results/)', () => {
    const [queueId] = resourceOf(s, 'AWS::SQS::Queue', 'WorkerUploads');
    s.template.hasResourceProperties('Custom::S3BucketNotifications', {
      BucketName: { Ref: bucket()[0] },
      NotificationConfiguration: {
        QueueConfigurations: [{
          Events: ['s3:ObjectCreated:*'],
          Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'uploads/' }] } },
          QueueArn: { 'Fn::GetAtt': [queueId, 'Arn'] },
        }],
      },
    });
    const notifications = Object.values(s.template.findResources('Custom::S3BucketNotifications'));
    expect(notifications).toHaveLength(1);
    expect(JSON.stringify(notifications[0]!.Properties.NotificationConfiguration)).not.toMatch(/jobs\/|results\//);
  });

  it('lets only this bucket send to the upload queue', () => {
    const [queueId] = resourceOf(s, 'AWS::SQS::Queue', 'WorkerUploads');
    s.template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: queueId }],
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({
          Effect: 'Allow',
          Principal: { Service: 's3.amazonaws.com' },
          Action: Match.arrayWith(['sqs:SendMessage']),
          Condition: { ArnLike: { 'aws:SourceArn': { 'Fn::GetAtt': [bucket()[0], 'Arn'] } } },
        })]),
      },
    });
  });
});
