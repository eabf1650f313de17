import type { Table } from '../platform/table/table-client.ts';
import type { MessageQueue } from '../platform/queue/message-queue.ts';
import { listComplaints, STALE_CLAIM_MS, updateComplaint, type TComplaint } from './complaint-store.ts';
import { decideEscalation, TOP_LEVEL } from './complaint-actions.ts';
import type { TComplaintMessage } from './complaint-messages.ts';
import { recordMetric } from '../platform/observability/metrics.ts';

export interface SweepSummary {
  checked: number;
  /** Complaints raised to the head of service by this sweep. */
  escalated: number;
  /** Notifications queued again because they were never sent (a lost message or a dead sender). */
  resent: number;
}

/** A notification still unsent this long after the change that implies it is queued again. */
const RESEND_AFTER_MS = 2 * 60_000;

/**
 * The scheduled safety net: escalates each complaint past its acknowledge deadline (still
 * open) or its resolve deadline (acknowledged, unresolved) to the head of service, once —
 * the escalation is conditional on the version it read, so retries and overlapping sweeps
 * cannot escalate twice — and queues again every notification that was never sent,
 * whatever its kind.
 */
export async function sweepComplaints(deps: { table: Table; queue: MessageQueue<TComplaintMessage>; headOfServiceEmail: string; now: Date }): Promise<SweepSummary> {
  const summary: SweepSummary = { checked: 0, escalated: 0, resent: 0 };
  const messages: TComplaintMessage[] = [];
  const at = deps.now.toISOString();
  for (const listed of await listComplaints(deps.table)) {
    summary.checked++;
    if (isOverdue(listed, deps.now) && listed.level < TOP_LEVEL) {
      // The list is an index (eventually consistent): the decision is taken again on the complaint as it stands.
      const updated = await updateComplaint(deps.table, listed.id, (complaint) => decideEscalation(complaint, isOverdue(complaint, deps.now), deps.headOfServiceEmail, at));
      if (updated?.decision.change) {
        summary.escalated++;
        recordMetric('SlaBreaches');
        messages.push(...updated.decision.change.notify.map(({ key }) => ({ complaintId: listed.id, key })));
      }
    }
    for (const key of unsentNotifications(listed, deps.now)) {
      summary.resent++;
      messages.push({ complaintId: listed.id, key });
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

/**
 * The notifications to queue again: pending ones past a short grace (their message may
 * still be on its way), and claims whose sender died. Records written before notifications
 * were recorded with their change lack the entries for `opened` and `escalated`.
 */
export function unsentNotifications(complaint: TComplaint, now: Date): Array<TComplaintMessage['key']> {
  const olderThan = (since: string | undefined, ms: number) => since !== undefined && now.getTime() - Date.parse(since) > ms;
  const recorded = Object.entries(complaint.notified)
    .filter(([, entry]) => (entry.state === 'pending' && olderThan(entry.at, RESEND_AFTER_MS)) || (entry.state === 'claimed' && olderThan(entry.at, STALE_CLAIM_MS)))
    .map(([key]) => key);
  const unrecorded = [
    ...(!complaint.notified['opened'] && olderThan(complaint.createdAt, RESEND_AFTER_MS) ? ['opened'] : []),
    ...(complaint.level >= TOP_LEVEL && !complaint.notified['escalated'] && olderThan(complaint.escalatedAt, RESEND_AFTER_MS) ? ['escalated'] : []),
  ];
  return [...recorded, ...unrecorded];
}
