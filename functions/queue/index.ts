export type { BatchHandler, QueueConsumer } from './types';
export { decodeS3EventKey, encodeS3EventKey, objectCreatedBody } from './s3-event';
export { sqsRecord } from './sqs-message';
