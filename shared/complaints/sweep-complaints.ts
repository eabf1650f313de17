import type { Table } from '../platform/table/table-client.ts';
import type { MessageQueue } from '../platform/queue/message-queue.ts';
import { claimEscalation, listComplaints, type TComplaint } from './complaint-store.ts';
import type { TComplaintMessage } from './complaint-messages.ts';
import { recordMetric } from '../platform/observability/metrics.ts';

export interface SweepSummary {
  checked: number;
  /** Complaints raised to the head of service by this sweep. */
  escalated: number;
  /** Notifications queued again because they were never sent (a lost message or a dead sender). */
  resent: number;
}

/** The head of service: the second and last escalation level. */
const TOP_LEVEL = 2;
/** A notification still unsent this long after it should have gone is queued again. */
const RESEND_AFTER_MS = 2 * 60_000;

/**
 * The scheduled safety net: escalates each complaint past its acknowledge deadline (still
 * open) or its resolve deadline (acknowledged, unresolved) to the head of service, once —
 * `claimEscalation` is conditional on the level, so retries and overlapping sweeps cannot
 * escalate twice — and queues again any notification that was never sent.
 */
export async function sweepComplaints(deps: { table: Table; queue: MessageQueue<TComplaintMessage>; now: Date }): Promise<SweepSummary> {
  const summary: SweepSummary = { checked: 0, escalated: 0, resent: 0 };
  const messages: TComplaintMessage[] = [];
  for (const complaint of await listComplaints(deps.table)) {
    summary.checked++;
    if (isOverdue(complaint, deps.now) && complaint.level < TOP_LEVEL) {
      if ((await claimEscalation(deps.table, complaint.id, TOP_LEVEL, deps.now.toISOString())) === 'changed') {
        summary.escalated++;
        recordMetric('SlaBreaches');
        messages.push({ complaintId: complaint.id, key: 'escalated' });
      }
      continue;
    }
    for (const key of unsentNotifications(complaint, deps.now)) {
      summary.resent++;
      messages.push({ complaintId: complaint.id, key });
    }
  }
  await deps.queue.send(messages);
  return summary;
}

/** Past the deadline that applies to its state. */
export function isOverdue(complaint: Pick<TComplaint, 'state' | 'acknowledgeBy' | 'resolveBy'>, now: Date): boolean {
  if (complaint.state === 'open') return now.toISOString() > complaint.acknowledgeBy;
  if (complaint.state === 'acknowledged') return now.toISOString() > complaint.resolveBy;
  return false;
}

function unsentNotifications(complaint: TComplaint, now: Date): Array<TComplaintMessage['key']> {
  const due: Array<[TComplaintMessage['key'], string | undefined]> = [
    ['opened', complaint.createdAt],
    ...(complaint.level >= TOP_LEVEL ? [['escalated', complaint.escalatedAt] as [TComplaintMessage['key'], string | undefined]] : []),
  ];
  return due
    .filter(([key, since]) => since && complaint.notified[key]?.state !== 'sent' && now.getTime() - Date.parse(since) > RESEND_AFTER_MS)
    .map(([key]) => key);
}
