import type { TInvitation } from '../invitations/invitation-store.ts';
import type { Table } from '../platform/table/table-client.ts';
import type { MessageQueue } from '../platform/queue/message-queue.ts';
import type { ComplaintReason } from './complaint-rules.ts';
import { openComplaint } from './complaint-store.ts';
import { getDepartment } from '../people/directory-store.ts';
import { complaintDeadlines, type BusinessCalendar } from './business-calendar.ts';
import type { TComplaintMessage } from './complaint-messages.ts';

export interface ComplaintHandling {
  readonly calendar: BusinessCalendar;
  readonly acknowledgeWithinBusinessHours: number;
  readonly resolveWithinBusinessDays: number;
  readonly headOfServiceEmail: string;
  readonly fallbackManagerEmail: string;
  readonly notifyCustomerOnAcknowledge: boolean;
}

/**
 * Turns a response into a complaint owned by its department's manager (the fallback address
 * when the department has none), with its deadlines, and queues the owner's email at once.
 * If the queue call fails after the write, the sweep finds the complaint un-notified and
 * sends it then.
 */
export async function raiseComplaint(
  deps: { table: Table; queue: MessageQueue<TComplaintMessage>; handling: ComplaintHandling },
  complaint: { invitation: TInvitation; reasons: ComplaintReason[]; anonymous: boolean; at: Date },
): Promise<boolean> {
  const { invitation } = complaint;
  const department = invitation.departmentId ? await getDepartment(deps.table, invitation.departmentId) : undefined;
  const opened = await openComplaint(deps.table, {
    id: invitation.linkId,
    questionnaireId: invitation.questionnaireId,
    waveId: invitation.waveId,
    reasons: complaint.reasons,
    customer: complaint.anonymous ? null : { email: invitation.email, name: invitation.name, language: invitation.language },
    staffEmail: complaint.anonymous && invitation.audience === 'staff' ? null : (invitation.staffEmail ?? null),
    departmentId: invitation.departmentId ?? null,
    ownerEmail: department?.managerEmail ?? deps.handling.fallbackManagerEmail,
    createdAt: complaint.at.toISOString(),
    ...complaintDeadlines(complaint.at, deps.handling, deps.handling.calendar),
  });
  if (opened) await deps.queue.send([{ complaintId: invitation.linkId, key: 'opened' }]);
  return opened;
}
