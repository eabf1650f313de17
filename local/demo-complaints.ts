import { openComplaint, updateComplaint } from '../shared/complaints/complaint-store.ts';
import { decideAction } from '../shared/complaints/complaint-actions.ts';
import type { TInvitation } from '../shared/invitations/invitation-store.ts';
import type { Table } from '../shared/platform/table/table-client.ts';

const HOUR_MS = 3_600_000;

/** What a demo customer who asked to be contacted wrote, week by week. */
export const DEMO_COMPLAINT_COMMENTS = [
  'The engineer did not turn up on the booked day, and nobody called to say so.',
  'I was charged for a part that was never fitted.',
  'Third visit for the same leak. Please send someone who can fix it.',
  'The boiler stopped again two days after the repair.',
  'Nobody answered my emails for a week.',
] as const;

/**
 * A demo customer's complaint in the history, as its owner handled it: acknowledged within
 * hours and resolved a day later, except the most recent, which is still being worked on
 * (acknowledged, due tomorrow), so the dashboard has open and resolved complaints to show.
 * Written straight to the store with no notification pending, so the demo mails nobody.
 */
export async function seedDemoComplaint(
  table: Table,
  invitation: TInvitation,
  owner: string,
  answeredAt: Date,
  options: { stillOpen: boolean; now: Date; headOfServiceEmail: string },
): Promise<void> {
  const at = (hours: number) => new Date(answeredAt.getTime() + hours * HOUR_MS).toISOString();
  await openComplaint(table, {
    id: invitation.linkId,
    questionnaireId: invitation.questionnaireId,
    waveId: invitation.waveId,
    reasons: ['requested', 'low-headline'],
    customer: { email: invitation.email, name: invitation.name, language: invitation.language },
    staffEmail: invitation.staffEmail ?? null,
    departmentId: invitation.departmentId ?? null,
    ownerEmail: owner,
    createdAt: answeredAt.toISOString(),
    acknowledgeBy: at(4),
    resolveBy: options.stillOpen ? new Date(options.now.getTime() + 24 * HOUR_MS).toISOString() : at(48),
  });
  const handling = { headOfServiceEmail: options.headOfServiceEmail, notifyCustomerOnAcknowledge: false };
  await updateComplaint(table, invitation.linkId, (complaint) => decideAction(complaint, { assignment: 0 }, { action: 'acknowledge' }, handling, at(2)));
  if (options.stillOpen) return;
  const note = 'Called the customer, apologised and booked a return visit at no charge.';
  await updateComplaint(table, invitation.linkId, (complaint) => decideAction(complaint, { assignment: 0 }, { action: 'resolve', note }, handling, at(26)));
}
