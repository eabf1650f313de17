import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { processBatch } from '../../shared/platform/queue/sqs-batch.ts';
import { ZSendRequest } from '../../shared/invitations/invitation-store.ts';
import { deliverInvitation, type DeliveryContext } from '../../shared/invitations/deliver-invitation.ts';
import { createPacer } from '../../shared/invitations/pacer.ts';
import { recordMetric } from '../../shared/platform/observability/metrics.ts';
import { isSendingBlocked } from '../../shared/platform/mail/mailer.ts';
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
  return async (event: SQSEvent): Promise<SQSBatchResponse> => {
    // Once SES refuses the sender or the account, the rest of the batch would be refused alike:
    // it goes back to the queue untouched, to be sent when the cause is fixed.
    let blocked: Error | undefined;
    return processBatch(
      event,
      ZSendRequest,
      async (request) => {
        if (blocked) throw blocked;
        const outcome = await deliverInvitation(paced, request).catch((error: unknown) => {
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
