/** The in-process queue of the local mode: SQS semantics (batches, retries, a dead-letter end) in memory. */
import { randomUUID } from 'node:crypto';
import { sqsRecord } from './sqs-message';
import type { BatchHandler, QueueConsumer } from './types';

export interface LocalQueueOptions {
  handler: BatchHandler;
  /** Deliveries before a message is given up (SQS maxReceiveCount). */
  maxReceiveCount?: number;
  /** Wait before a failed message is delivered again (SQS visibility timeout). */
  retryDelayMs?: number;
  batchSize?: number;
  /** Called with a message given up after maxReceiveCount deliveries (the dead-letter queue); awaited. */
  onDeadLetter?: (body: string) => void | Promise<void>;
}

export interface LocalQueue extends QueueConsumer {
  send(body: string): void;
  /** Resolves when no message is waiting or in hand. */
  idle(): Promise<void>;
}

interface Message { id: string; body: string; receives: number; sentAt: number; visibleAt: number }

/** Creates the queue; it delivers once start() is called. */
export function createLocalQueue(options: LocalQueueOptions): LocalQueue {
  const maxReceives = options.maxReceiveCount ?? 3;
  const retryDelay = options.retryDelayMs ?? 1000;
  const batchSize = options.batchSize ?? 5;
  const messages: Message[] = [];
  let running = false;
  let current: Promise<void> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let idleWaiters: Array<() => void> = [];

  const wake = (): void => {
    if (!running || current) return;
    if (timer) clearTimeout(timer);
    timer = null;
    const now = Date.now();
    const ready = messages.filter((m) => m.visibleAt <= now).slice(0, batchSize);
    if (ready.length === 0) {
      if (messages.length === 0) {
        for (const w of idleWaiters) w();
        idleWaiters = [];
        return;
      }
      const next = Math.min(...messages.map((m) => m.visibleAt));
      timer = setTimeout(wake, Math.max(0, next - now));
      return;
    }
    current = deliver(ready).finally(() => {
      current = null;
      wake();
    });
  };

  const deliver = async (batch: Message[]): Promise<void> => {
    for (const m of batch) m.receives += 1;
    const records = batch.map((m) => sqsRecord({
      messageId: m.id, receiptHandle: `${m.id}#${m.receives}`, body: m.body, receiveCount: m.receives, sentAt: m.sentAt, queueArn: 'arn:aws:sqs:local:000000000000:uploads',
    }));
    let failed: Set<string>;
    try {
      const out = await options.handler({ Records: records });
      failed = new Set(out.batchItemFailures.map((f) => f.itemIdentifier));
    } catch {
      failed = new Set(batch.map((m) => m.id));
    }
    for (const m of batch) {
      const at = messages.indexOf(m);
      if (!failed.has(m.id)) messages.splice(at, 1);
      else if (m.receives >= maxReceives) {
        messages.splice(at, 1);
        try {
          await options.onDeadLetter?.(m.body);
        } catch { /* the dead-letter hook reports its own faults */ }
      } else m.visibleAt = Date.now() + retryDelay;
    }
  };

  return {
    send(body) {
      const now = Date.now();
      messages.push({ id: randomUUID(), body, receives: 0, sentAt: now, visibleAt: now });
      queueMicrotask(wake);
    },
    start() {
      running = true;
      wake();
    },
    async stop() {
      running = false;
      if (timer) clearTimeout(timer);
      timer = null;
      await current;
    },
    idle() {
      if (messages.length === 0 && !current) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
  };
}
