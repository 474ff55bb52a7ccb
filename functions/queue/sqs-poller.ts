/** Feeds SQS messages to the worker exactly as Lambda's SQS event source does: delete on success, leave failures. */
import { DeleteMessageBatchCommand, ReceiveMessageCommand, type Message, type SQSClient } from '@aws-sdk/client-sqs';
import { sqsRecord } from './sqs-message';
import type { BatchHandler, QueueConsumer } from './types';

export interface SqsPollerOptions {
  client: SQSClient;
  queueUrl: string;
  handler: BatchHandler;
  batchSize?: number;
  /** Long-poll wait (seconds); short keeps stop() quick. */
  waitTimeSeconds?: number;
  /** Called with every fault of the poll loop itself (the loop backs off and carries on). */
  onError?: (e: unknown) => void;
}

function arnOf(queueUrl: string): string {
  const url = new URL(queueUrl);
  const [account = '000000000000', name = 'queue'] = url.pathname.split('/').filter(Boolean);
  return `arn:aws:sqs:us-east-1:${account}:${name}`;
}

function toRecord(m: Message, queueArn: string) {
  const attrs = m.Attributes ?? {};
  return sqsRecord({
    messageId: m.MessageId ?? '',
    receiptHandle: m.ReceiptHandle ?? '',
    body: m.Body ?? '',
    receiveCount: Number(attrs.ApproximateReceiveCount ?? 1),
    sentAt: Number(attrs.SentTimestamp ?? Date.now()),
    queueArn,
    md5: m.MD5OfBody ?? '',
  });
}

/** Creates the poller; start() begins the loop. */
export function createSqsPoller(options: SqsPollerOptions): QueueConsumer {
  const queueArn = arnOf(options.queueUrl);
  let running = false;
  let loop: Promise<void> | null = null;
  let abort = new AbortController();

  const pollOnce = async (): Promise<void> => {
    const out = await options.client.send(new ReceiveMessageCommand({
      QueueUrl: options.queueUrl,
      MaxNumberOfMessages: options.batchSize ?? 10,
      WaitTimeSeconds: options.waitTimeSeconds ?? 1,
      MessageSystemAttributeNames: ['All'],
    }), { abortSignal: abort.signal });
    const messages = out.Messages ?? [];
    if (messages.length === 0) return;
    const records = messages.map((m) => toRecord(m, queueArn));
    const { batchItemFailures } = await options.handler({ Records: records });
    const failed = new Set(batchItemFailures.map((f) => f.itemIdentifier));
    const done = records.filter((r) => !failed.has(r.messageId));
    if (done.length === 0) return;
    await options.client.send(new DeleteMessageBatchCommand({
      QueueUrl: options.queueUrl,
      Entries: done.map((r, i) => ({ Id: String(i), ReceiptHandle: r.receiptHandle })),
    }));
  };

  const run = async (): Promise<void> => {
    while (running) {
      try {
        await pollOnce();
      } catch (e) {
        if (!running) return;
        options.onError?.(e);
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  };

  return {
    start() {
      if (running) return;
      running = true;
      abort = new AbortController();
      loop = run();
    },
    async stop() {
      running = false;
      abort.abort();
      await loop;
    },
  };
}
