import type { TInvitation } from '../invitations/invitation-store.ts';
import type { Table } from '../platform/table/table-client.ts';
import type { MessageQueue } from '../platform/queue/message-queue.ts';
import type { ComplaintReason } from './complaint-rules.ts';
import { openComplaint } from './complaint-store.ts';
import { getDepartment, listStaff } from '../people/directory-store.ts';
import { isAnonymousInvitation } from '../invitations/invitation-store.ts';
import { reportable } from '../digest/small-groups.ts';
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
 *
 * An anonymous response's complaint is keyed by its response id and names no one. One from
 * a staff questionnaire goes to the head of service — the respondent's own manager could
 * guess who wrote it — and names the department only if it is large enough to be reported.
 */
export async function raiseComplaint(
  deps: { table: Table; queue: MessageQueue<TComplaintMessage>; handling: ComplaintHandling },
  complaint: { invitation: TInvitation; responseId?: string | undefined; reasons: ComplaintReason[]; anonymous: boolean; minimumGroupSize?: number | undefined; at: Date },
): Promise<boolean> {
  const { invitation } = complaint;
  const anonymous = complaint.anonymous || isAnonymousInvitation(invitation);
  const fromStaff = invitation.audience === 'staff';
  const id = anonymous && complaint.responseId ? complaint.responseId : invitation.linkId;
  const departmentId = invitation.departmentId && (!fromStaff || (await departmentReportable(deps.table, invitation.departmentId, complaint.minimumGroupSize))) ? invitation.departmentId : undefined;
  const department = departmentId && !fromStaff ? await getDepartment(deps.table, departmentId) : undefined;
  const opened = await openComplaint(deps.table, {
    id,
    ...(id !== invitation.linkId ? { keyedByResponse: true } : {}),
    ...(fromStaff ? { audience: 'staff' as const } : {}),
    questionnaireId: invitation.questionnaireId,
    waveId: invitation.waveId,
    reasons: complaint.reasons,
    customer: anonymous ? null : { email: invitation.email, name: invitation.name, language: invitation.language },
    staffEmail: anonymous && fromStaff ? null : (invitation.staffEmail ?? null),
    departmentId: departmentId ?? null,
    ownerEmail: fromStaff ? deps.handling.headOfServiceEmail : (department?.managerEmail ?? deps.handling.fallbackManagerEmail),
    createdAt: complaint.at.toISOString(),
    ...complaintDeadlines(complaint.at, deps.handling, deps.handling.calendar),
  });
  if (opened) await deps.queue.send([{ complaintId: id, key: 'opened' }]);
  return opened;
}

/** A department is named on a staff complaint only if it has enough staff to be reported at all. */
async function departmentReportable(table: Table, departmentId: string, minimum: number | undefined): Promise<boolean> {
  return reportable((await listStaff(table)).filter((member) => member.departmentId === departmentId).length, minimum);
}
