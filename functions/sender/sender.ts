import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { processBatch } from '../../shared/platform/queue/sqs-batch.ts';
import { ZSendRequest } from '../../shared/invitations/invitation-store.ts';
import { deliverInvitation, type DeliveryContext } from '../../shared/invitations/deliver-invitation.ts';
import { recordMetric } from '../../shared/platform/observability/metrics.ts';
import { isSendingBlocked } from '../../shared/platform/mail/mailer.ts';
import type { Logger } from '../../shared/platform/observability/logger.ts';

export interface SenderDependencies extends DeliveryContext {
  readonly log: Logger;
}

/**
 * Consumes send requests from the queue. Its mailer keeps to the sender's share of the SES
 * rate (the pacing is inside the SES client, in front of every attempt).
 */
export function createSenderHandler(deps: SenderDependencies) {
  return async (event: SQSEvent): Promise<SQSBatchResponse> => {
    // Once SES refuses the sender or the account, the rest of the batch would be refused alike:
    // it goes back to the queue untouched, to be sent when the cause is fixed.
    let blocked: Error | undefined;
    return processBatch(
      event,
      ZSendRequest,
      async (request) => {
        if (blocked) throw blocked;
        const outcome = await deliverInvitation(deps, request).catch((error: unknown) => {
          if (isSendingBlocked(error)) {
            blocked = error as Error;
            reportBlocked(deps, blocked);
          }
          throw error;
        });
        if (outcome === 'sent') recordMetric('InvitationsSent');
        if (outcome === 'rejected' || outcome === 'interrupted') recordMetric('SendFailures');
        return outcome;
      },
      deps.log,
    );
  };
}

function reportBlocked(deps: SenderDependencies, error: Error): void {
  recordMetric('SendingBlocked');
  deps.log.error('SES refuses to send for this sender or account (verify the identity, leave the sandbox, or resume sending): the invitations wait in the queue', error);
}
