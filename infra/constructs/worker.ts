import { Duration } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { LAMBDA_ENTRIES } from './bundle-options';
import { DawstampsFunction } from './dawstamps-function';
import { JOB_PREFIX, RESULT_PREFIX, UPLOAD_PREFIX } from './storage';

/** Longest one batch may run; the queue's visibility timeout is derived from it. */
export const WORKER_TIMEOUT = Duration.seconds(60);
/** AWS's advice for SQS-triggered Lambdas: visibility timeout at least 6 × the function timeout. */
export const VISIBILITY_FACTOR = 6;
/** Deliveries before a message is parked in the dead-letter queue. */
export const MAX_RECEIVE_COUNT = 3;
/** The queue's visibility timeout. */
export const VISIBILITY_TIMEOUT = Duration.seconds(WORKER_TIMEOUT.toSeconds() * VISIBILITY_FACTOR);
/**
 * After this long without a result, the queue has given up on an upload (every delivery timed out
 * or failed: it is in the dead-letter queue), so the API reports the job `failed`. A fallback:
 * a delivery that fails for the last time writes the failure itself (functions/worker/give-up.ts);
 * only a message whose every delivery died (a crash, a timeout) leaves it to this rule.
 */
export const PROCESSING_TIMEOUT = Duration.seconds(VISIBILITY_TIMEOUT.toSeconds() * MAX_RECEIVE_COUNT + 120);

export interface WorkerProps {
  readonly bucket: IBucket;
  readonly environment: Record<string, string>;
}

/** The upload queue, its dead-letter queue, and the worker Lambda that drains it. */
export class Worker extends Construct {
  readonly queue: Queue;
  readonly deadLetterQueue: Queue;
  readonly function: DawstampsFunction;

  constructor(scope: Construct, id: string, props: WorkerProps) {
    super(scope, id);
    this.deadLetterQueue = new Queue(this, 'DeadLetters', {
      retentionPeriod: Duration.days(14),
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });
    this.queue = new Queue(this, 'Uploads', {
      visibilityTimeout: VISIBILITY_TIMEOUT,
      retentionPeriod: Duration.days(1),
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: MAX_RECEIVE_COUNT },
    });
    this.function = new DawstampsFunction(this, 'Function', {
      entry: LAMBDA_ENTRIES.worker,
      description: 'dawstamps worker: converts an uploaded project and stores the result',
      timeout: WORKER_TIMEOUT,
      // CPU-bound: 1,024 MB buys ~0.6 vCPU; the converter itself stays far below this in memory.
      memorySize: 1024,
      environment: props.environment,
    });
    this.function.addEventSource(new SqsEventSource(this.queue, {
      batchSize: 5,
      reportBatchItemFailures: true,
      maxConcurrency: 5,
    }));
    // The upload itself, its job record for the options the job was created with, and whether the
    // job has its outcome already (a second upload changes nothing).
    this.function.addToRolePolicy(new PolicyStatement({
      actions: ['s3:GetObject'],
      resources: [props.bucket.arnForObjects(`${UPLOAD_PREFIX}*`), props.bucket.arnForObjects(`${JOB_PREFIX}*`), props.bucket.arnForObjects(`${RESULT_PREFIX}*`)],
    }));
    // The outcome and the stored project (the outcome with If-None-Match: the first upload wins).
    this.function.addToRolePolicy(new PolicyStatement({
      actions: ['s3:PutObject'],
      resources: [props.bucket.arnForObjects(`${RESULT_PREFIX}*`)],
    }));
    // The upload is deleted as soon as it has been read; a losing upload's project too.
    this.function.addToRolePolicy(new PolicyStatement({
      actions: ['s3:DeleteObject'],
      resources: [props.bucket.arnForObjects(`${UPLOAD_PREFIX}*`), props.bucket.arnForObjects(`${RESULT_PREFIX}*`)],
    }));
  }
}
