/** Creates the AWS-shaped resources on an S3/SQS endpoint (moto): bucket, queue, DLQ, notification. */
import { CreateBucketCommand, PutBucketCorsCommand, PutBucketNotificationConfigurationCommand, type S3Client } from '@aws-sdk/client-s3';
import { CreateQueueCommand, GetQueueAttributesCommand, type SQSClient } from '@aws-sdk/client-sqs';

export interface AwsSetup {
  bucket: string;
  queueName: string;
  uploadPrefix: string;
  /** Seconds a received message stays hidden (the stack uses 6 × the worker timeout). */
  visibilityTimeout: number;
  maxReceiveCount: number;
}

/** Ensures the resources exist (idempotent) and returns the queue URLs. */
export async function ensureAwsResources(s3: S3Client, sqs: SQSClient, setup: AwsSetup): Promise<{ queueUrl: string; deadLetterUrl: string }> {
  try {
    await s3.send(new CreateBucketCommand({ Bucket: setup.bucket }));
  } catch (e) {
    if (!['BucketAlreadyOwnedByYou', 'BucketAlreadyExists'].includes((e as Error).name)) throw e;
  }
  await s3.send(new PutBucketCorsCommand({
    Bucket: setup.bucket,
    CORSConfiguration: { CORSRules: [{ AllowedMethods: ['GET', 'POST'], AllowedOrigins: ['*'], AllowedHeaders: ['*'], MaxAgeSeconds: 3000 }] },
  }));
  const dlq = await sqs.send(new CreateQueueCommand({ QueueName: `${setup.queueName}-dlq` }));
  const dlqArn = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: dlq.QueueUrl!, AttributeNames: ['QueueArn'] }))).Attributes!.QueueArn!;
  const queue = await sqs.send(new CreateQueueCommand({
    QueueName: setup.queueName,
    Attributes: {
      VisibilityTimeout: String(setup.visibilityTimeout),
      RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount: setup.maxReceiveCount }),
    },
  }));
  const queueArn = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: queue.QueueUrl!, AttributeNames: ['QueueArn'] }))).Attributes!.QueueArn!;
  await s3.send(new PutBucketNotificationConfigurationCommand({
    Bucket: setup.bucket,
    NotificationConfiguration: {
      QueueConfigurations: [{
        QueueArn: queueArn,
        Events: ['s3:ObjectCreated:*'],
        Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: setup.uploadPrefix }] } },
      }],
    },
  }));
  return { queueUrl: queue.QueueUrl!, deadLetterUrl: dlq.QueueUrl! };
}
