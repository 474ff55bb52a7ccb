/** One SQS message as a Lambda SQS event record. */
import type { SQSRecord } from 'aws-lambda';

/** Builds the record Lambda's SQS event source would hand the worker. */
export function sqsRecord(message: {
  messageId: string; receiptHandle: string; body: string; receiveCount: number; sentAt: number; queueArn: string; md5?: string;
}): SQSRecord {
  return {
    messageId: message.messageId,
    receiptHandle: message.receiptHandle,
    body: message.body,
    attributes: {
      ApproximateReceiveCount: String(message.receiveCount),
      SentTimestamp: String(message.sentAt),
      SenderId: 'dawstamps',
      ApproximateFirstReceiveTimestamp: String(message.sentAt),
    },
    messageAttributes: {},
    md5OfBody: message.md5 ?? '',
    eventSource: 'aws:sqs',
    eventSourceARN: message.queueArn,
    awsRegion: 'us-east-1',
  };
}
