import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { processBatch } from '../../shared/platform/queue/sqs-batch.ts';
import { ZSendRequest } from '../../shared/invitations/invitation-store.ts';
import { deliverInvitation, type DeliveryContext } from '../../shared/invitations/deliver-invitation.ts';
import { createPacer } from '../../shared/invitations/pacer.ts';
import { recordMetric } from '../../shared/platform/observability/metrics.ts';
import type { Logger } from '../../shared/platform/observability/logger.ts';

export interface SenderDependencies extends DeliveryContext {
  /** This consumer's share of the SES send rate, in messages per second. */
  readonly sendsPerSecond: number;
  readonly log: Logger;
}

/**
 * Consumes send requests from the queue. The pacing sits right in front of the SES call
 * (not before the database work that precedes it), so the calls themselves stay under the
 * send rate whatever the latency before them.
 */
export function createSenderHandler(deps: SenderDependencies) {
  const pacer = createPacer(deps.sendsPerSecond);
  const paced = { ...deps, mailer: { sendRaw: async (raw: Buffer) => (await pacer.take(), deps.mailer.sendRaw(raw)) } };
  return (event: SQSEvent): Promise<SQSBatchResponse> =>
    processBatch(
      event,
      ZSendRequest,
      async (request) => {
        const outcome = await deliverInvitation(paced, request);
        if (outcome === 'sent') recordMetric('InvitationsSent');
        if (outcome === 'rejected' || outcome === 'interrupted') recordMetric('SendFailures');
        return outcome;
      },
      deps.log,
    );
}
