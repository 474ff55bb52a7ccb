/** The batch handler: records → processUpload, failures → batchItemFailures (one never fails its neighbours). */
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { giveUp } from './give-up';
import { processUpload, type WorkerDeps } from './process-upload';

/** The part of Lambda's context the handler reads. */
export interface InvocationClock {
  getRemainingTimeInMillis(): number;
}

/** Builds the SQS batch handler used by Lambda and by the local queues alike. */
export function createWorkerHandler(deps: WorkerDeps): (event: SQSEvent, context?: InvocationClock) => Promise<SQSBatchResponse> {
  return async (event, context) => {
    const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
    for (const record of event.Records ?? []) {
      // Too little time left for one more conversion: leave the record for the next delivery
      // instead of being cut off by the Lambda timeout mid-batch.
      if (context && deps.minRemainingMs && context.getRemainingTimeInMillis() < deps.minRemainingMs) {
        batchItemFailures.push({ itemIdentifier: record.messageId });
        continue;
      }
      try {
        await processUpload(record, deps);
      } catch (e) {
        const receives = Number(record.attributes?.ApproximateReceiveCount ?? 1);
        const last = deps.maxReceiveCount !== undefined && receives >= deps.maxReceiveCount;
        deps.log?.(last ? 'record failed for the last time; the job is failed' : 'record failed; it will be retried', {
          messageId: record.messageId,
          receiveCount: record.attributes?.ApproximateReceiveCount,
          error: e instanceof Error ? `${e.name}: ${e.message}` : String(e),
        });
        // The queue dead-letters it next, and nothing reads the dead-letter queue: the job's
        // failure is written now (when storage lets it; else the API's age rule is the fallback).
        if (last) await giveUp(record.body, deps, receives).catch((g: unknown) => deps.log?.('the failure could not be recorded', { messageId: record.messageId, error: String(g) }));
        batchItemFailures.push({ itemIdentifier: record.messageId });
      }
    }
    return { batchItemFailures };
  };
}
