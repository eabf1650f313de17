import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type { Logger } from '../../shared/platform/observability/logger.ts';
import { ZDeliveryMessage } from '../../shared/integrations/destinations.ts';
import { deliverEvent, DeliveryFailed, type DeliveryDependencies } from '../../shared/integrations/deliver-event.ts';
import { retryDelaySeconds } from '../../shared/integrations/retry-schedule.ts';

export interface WebhookDelivererDependencies extends DeliveryDependencies {
  /** Hides a failed message for `seconds` (SQS ChangeMessageVisibility): the backoff between attempts. */
  readonly retryLater: (record: SQSRecord, seconds: number) => Promise<void>;
  readonly log: Logger;
}

/**
 * Delivers a batch from the delivery queue, each message to its one destination, all at once:
 * a slow receiver holds up only its own message. A failed message is hidden for the
 * backoff of its attempt and reported as a batch item failure; after a day of failures the
 * queue moves it to the dead-letter queue.
 */
export function createWebhookDeliverer(deps: WebhookDelivererDependencies) {
  return async (event: SQSEvent): Promise<SQSBatchResponse> => {
    const processor = new BatchProcessor(EventType.SQS);
    return processPartialResponse(event, (record: SQSRecord) => deliverOne(deps, record), processor, { processInParallel: true, throwOnFullBatchFailure: false });
  };
}

async function deliverOne(deps: WebhookDelivererDependencies, record: SQSRecord): Promise<void> {
  const receiveCount = Number(record.attributes?.ApproximateReceiveCount ?? 1);
  const log = deps.log.child({ messageId: record.messageId, receiveCount });
  try {
    const message = ZDeliveryMessage.parse(JSON.parse(record.body));
    const outcome = await deliverEvent({ ...deps, log }, message);
    log.info('delivery done', { outcome, destination: message.destination, eventId: message.event.detail.eventId });
  } catch (error) {
    log.error('delivery failed', error);
    if (error instanceof DeliveryFailed) await deps.retryLater(record, retryDelaySeconds(receiveCount)).catch((e: unknown) => log.error('could not delay the retry', e));
    throw error;
  }
}
