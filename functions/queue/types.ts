/** What drives the worker: anything that hands it SQS-shaped batches and honours its answer. */
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';

/** The worker as Lambda sees it: a batch in, the failed message ids out. */
export type BatchHandler = (event: SQSEvent) => Promise<SQSBatchResponse>;

/** A running feed of messages into a BatchHandler (an SQS poller, the in-process queue). */
export interface QueueConsumer {
  start(): void;
  /** Stops taking messages and waits for the batch in hand. */
  stop(): Promise<void>;
}
