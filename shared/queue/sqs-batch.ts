import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import type * as z from '../validation/zod.ts';
import type { Logger } from '../observability/logger.ts';

/**
 * Runs `handle` for each record of an SQS batch and reports the failures individually
 * (partial batch response), so one bad recipient never fails or re-sends the others.
 * A body that does not parse is a failure too: after the queue's receive limit it lands in
 * the dead-letter queue, where it can be inspected.
 */
export async function processBatch<S extends z.ZodMiniType>(
  event: SQSEvent,
  schema: S,
  handle: (message: z.output<S>) => Promise<string>,
  log: Logger,
): Promise<SQSBatchResponse> {
  const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
  for (const record of event.Records) {
    const messageLog = log.child({ messageId: record.messageId, receiveCount: record.attributes?.ApproximateReceiveCount });
    try {
      const message = schema.parse(JSON.parse(record.body));
      const outcome = await handle(message);
      messageLog.info('message processed', { outcome });
    } catch (error) {
      messageLog.error('message failed', error);
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
}
