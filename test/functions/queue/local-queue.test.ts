import { describe, expect, it } from 'vitest';
import type { SQSEvent } from 'aws-lambda';
import { createLocalQueue } from '../../../functions/queue/local-queue';

describe('the in-process queue', () => {
  it('delivers SQS-shaped batches and deletes what succeeded', async () => {
    const seen: SQSEvent[] = [];
    const q = createLocalQueue({ handler: async (e) => { seen.push(e); return { batchItemFailures: [] }; } });
    q.start();
    q.send('a');
    q.send('b');
    await q.idle();
    const records = seen.flatMap((e) => e.Records);
    expect(records.map((r) => r.body).sort()).toEqual(['a', 'b']);
    expect(records[0]).toMatchObject({ eventSource: 'aws:sqs', attributes: { ApproximateReceiveCount: '1' } });
    await q.stop();
  });

  it('redelivers failed items with a growing receive count, then dead-letters them after 3', async () => {
    const counts: string[] = [];
    const dead: string[] = [];
    const q = createLocalQueue({
      retryDelayMs: 5,
      onDeadLetter: (b) => { dead.push(b); },
      handler: async (e) => ({
        batchItemFailures: e.Records.filter((r) => {
          if (r.body === 'poison') counts.push(r.attributes.ApproximateReceiveCount);
          return r.body === 'poison';
        }).map((r) => ({ itemIdentifier: r.messageId })),
      }),
    });
    q.start();
    q.send('poison');
    q.send('fine');
    await q.idle();
    expect(counts).toEqual(['1', '2', '3']);
    expect(dead).toEqual(['poison']);
    await q.stop();
  });

  it('treats a handler that throws as a failure of the whole batch', async () => {
    let calls = 0;
    const q = createLocalQueue({ retryDelayMs: 5, handler: async () => { calls += 1; if (calls === 1) throw new Error('boom'); return { batchItemFailures: [] }; } });
    q.start();
    q.send('x');
    await q.idle();
    expect(calls).toBe(2);
    await q.stop();
  });

  it('holds messages until started (restart recovery queues before serving)', async () => {
    let calls = 0;
    const q = createLocalQueue({ handler: async () => { calls += 1; return { batchItemFailures: [] }; } });
    q.send('early');
    await new Promise((r) => setTimeout(r, 20));
    expect(calls).toBe(0);
    q.start();
    await q.idle();
    expect(calls).toBe(1);
    await q.stop();
  });
});
