/** SQS events carrying S3 notifications, shaped as Lambda delivers them. */
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { objectCreatedBody } from '../../../functions/queue/s3-event';
import { sqsRecord } from '../../../functions/queue/sqs-message';

let counter = 0;

/** One SQS record with `body`. */
export function record(body: string, receiveCount = 1): SQSRecord {
  counter += 1;
  return sqsRecord({ messageId: `m-${counter}`, receiptHandle: `r-${counter}`, body, receiveCount, sentAt: Date.now(), queueArn: 'arn:aws:sqs:us-east-1:000000000000:uploads' });
}

/** A record notifying the creation of `key` (encoded as S3 encodes it). */
export function createdRecord(key: string, size = 1): SQSRecord {
  return record(objectCreatedBody('dawstamps-test', key, size));
}

/** The s3:TestEvent S3 sends when a notification is configured. */
export function testEventRecord(): SQSRecord {
  return record(JSON.stringify({ Service: 'Amazon S3', Event: 's3:TestEvent', Time: new Date().toISOString(), Bucket: 'dawstamps-test', RequestId: 'R', HostId: 'H' }));
}

export const batch = (...records: SQSRecord[]): SQSEvent => ({ Records: records });
