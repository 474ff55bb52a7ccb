/** The batch handler: records → processUpload, failures → batchItemFailures (one never fails its neighbours). */
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { processUpload, type WorkerDeps } from './process-upload';

/** Builds the SQS batch handler used by Lambda and by the local queues alike. */
export function createWorkerHandler(deps: WorkerDeps): (event: SQSEvent) => Promise<SQSBatchResponse> {
  return async (event) => {
    const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
    for (const record of event.Records ?? []) {
      try {
        await processUpload(record, deps);
      } catch (e) {
        deps.log?.('record failed; it will be retried', {
          messageId: record.messageId,
          receiveCount: record.attributes?.ApproximateReceiveCount,
          error: e instanceof Error ? `${e.name}: ${e.message}` : String(e),
        });
        batchItemFailures.push({ itemIdentifier: record.messageId });
      }
    }
    return { batchItemFailures };
  };
}
