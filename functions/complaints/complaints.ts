import * as z from '../../shared/platform/validation/zod.ts';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import type { MessageQueue } from '../../shared/platform/queue/message-queue.ts';
import type { Logger } from '../../shared/platform/observability/logger.ts';
import { processBatch } from '../../shared/platform/queue/sqs-batch.ts';
import { ZComplaintMessage, type TComplaintMessage } from '../../shared/complaints/complaint-messages.ts';
import { notifyComplaint, type NotifyDependencies } from '../../shared/complaints/notify-complaint.ts';
import { sweepComplaints, type SweepSummary } from '../../shared/complaints/sweep-complaints.ts';
import { recordMetric } from '../../shared/platform/observability/metrics.ts';

export interface ComplaintsDependencies extends NotifyDependencies {
  readonly queue: MessageQueue<TComplaintMessage>;
  readonly log: Logger;
}

const ZSweepRequest = z.looseObject({ job: z.literal('sweepComplaints'), at: z.optional(z.iso.datetime()) });
const isSqsEvent = (event: unknown): event is SQSEvent => typeof event === 'object' && event !== null && 'Records' in event;

/**
 * One function for complaints: it sends their notifications from the queue (escalations,
 * reassignments, the customer's acknowledgement) and runs the scheduled sweep.
 */
export function createComplaintsHandler(deps: ComplaintsDependencies) {
  return async (event: unknown): Promise<SQSBatchResponse | SweepSummary> => {
    if (isSqsEvent(event)) return processBatch(event, ZComplaintMessage, (message) => notifyAndCount(deps, message), deps.log);
    const request = ZSweepRequest.parse(event);
    const summary = await sweepComplaints({ table: deps.table, queue: deps.queue, headOfServiceEmail: deps.handling.headOfServiceEmail, now: request.at ? new Date(request.at) : deps.now() });
    deps.log.info('complaints swept', { ...summary });
    return summary;
  };
}

async function notifyAndCount(deps: ComplaintsDependencies, message: TComplaintMessage): Promise<string> {
  const outcome = await notifyComplaint(deps, message);
  if (outcome === 'outcome-unknown') recordMetric('SendFailures');
  return outcome;
}
