import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type * as z from '../validation/zod.ts';
import type { Logger } from '../observability/logger.ts';

/**
 * Runs `handle` for each record of an SQS batch with Powertools' batch processor, which
 * reports the failures individually (partial batch response), so one bad recipient never
 * fails or re-sends the others. A body that does not parse is a failure too: after the
 * queue's receive limit it lands in the dead-letter queue, where it can be inspected.
 * Records are handled one after another, as the sender's pacing expects.
 */
export async function processBatch<S extends z.ZodMiniType>(
  event: SQSEvent,
  schema: S,
  handle: (message: z.output<S>) => Promise<string>,
  log: Logger,
): Promise<SQSBatchResponse> {
  const processor = new BatchProcessor(EventType.SQS);
  return processPartialResponse(
    event,
    async (record: SQSRecord) => {
      const messageLog = log.child({ messageId: record.messageId, receiveCount: record.attributes?.ApproximateReceiveCount });
      try {
        const outcome = await handle(schema.parse(JSON.parse(record.body)));
        messageLog.info('message processed', { outcome });
      } catch (error) {
        messageLog.error('message failed', error);
        throw error;
      }
    },
    processor,
    // A batch that fails whole is reported like any other, not thrown: the queue redelivers it all the same.
    { processInParallel: false, throwOnFullBatchFailure: false },
  );
}
