import * as z from '../../shared/platform/validation/zod.ts';
import type { SNSEvent } from 'aws-lambda';
import type { Table } from '../../shared/platform/table/table-client.ts';
import type { Logger } from '../../shared/platform/observability/logger.ts';
import { ZSesNotification, suppressionsFrom } from '../../shared/people/ses-notification.ts';
import { suppressAddress } from '../../shared/people/suppression-store.ts';
import { recordMetric } from '../../shared/platform/observability/metrics.ts';

const ZSnsEvent = z.object({
  Records: z.array(z.looseObject({ Sns: z.looseObject({ Message: z.string(), MessageId: z.optional(z.string()) }) })),
});

/**
 * SES bounce and complaint notifications (configuration set → SNS → here) add addresses to
 * the suppression list. A message that is not JSON or not an SES notification is logged and
 * dropped: SNS retries would not make it parse.
 */
export function createMailEventsHandler(deps: { table: Table; now: () => Date; log: Logger }) {
  return async (event: SNSEvent): Promise<{ suppressed: number }> => {
    let suppressed = 0;
    for (const record of ZSnsEvent.parse(event).Records) {
      const log = deps.log.child({ snsMessageId: record.Sns.MessageId });
      let notification: z.output<typeof ZSesNotification>;
      try {
        notification = ZSesNotification.parse(JSON.parse(record.Sns.Message));
      } catch (error) {
        log.warn('not an SES notification; dropped', { errorName: (error as Error).name });
        continue;
      }
      for (const request of suppressionsFrom(notification)) {
        const added = await suppressAddress(deps.table, { ...request, at: deps.now().toISOString() });
        if (added) {
          suppressed++;
          recordMetric(request.reason === 'bounce' ? 'Bounces' : 'Complaints');
        }
        log.info('suppression', { reason: request.reason, added });
      }
    }
    return { suppressed };
  };
}
