import type { TQuestionnaire } from '../questionnaires/questionnaire-schema.ts';
import { composeEmail, type LinkContext, type MailContext } from '../platform/mail/mail-context.ts';
import { isUnknownSendOutcome } from '../platform/mail/mailer.ts';
import { claimNotification, completeNotification, getComplaint, releaseNotification, type TComplaint, type TNotification } from './complaint-store.ts';
import { grantOf, type LinkHolder } from './complaint-actions.ts';
import { signLink } from '../platform/tokens/link-token.ts';
import { ROUTES, routeUrl } from '../platform/web/routes.ts';
import { loadComplaintContext, type ComplaintContext } from './complaint-context.ts';
import { renderAcknowledgementEmail, renderEscalationEmail } from './complaint-emails.tsx';
import type { TComplaintMessage } from './complaint-messages.ts';
import type { ComplaintHandling } from './open-complaint.ts';
import { dashboardUrl, type DashboardScope } from '../dashboard/dashboard-scope.ts';

export interface NotifyDependencies extends MailContext, LinkContext {
  readonly questionnaires: readonly TQuestionnaire[];
  readonly handling: ComplaintHandling;
}

export type NotifyOutcome = 'sent' | 'already-sent' | 'not-needed' | 'outcome-unknown';

/** Manager action links stay valid this long: a complaint may take a while to resolve. */
const ACTION_LINK_DAYS = 90;

/**
 * Sends one complaint notification at most once: it is claimed on the complaint record
 * first (a duplicate delivery loses the race and sends nothing), then sent, then marked
 * sent. A failed send gives the claim back and throws, so the queue retries it.
 */
export async function notifyComplaint(deps: NotifyDependencies, message: TComplaintMessage): Promise<NotifyOutcome> {
  const complaint = await getComplaint(deps.table, message.complaintId);
  if (!complaint) throw new Error('no such complaint');
  const entry = complaint.notified[message.key];
  if (entry?.state === 'sent') return 'already-sent';

  const recipient = recipientFor(deps, complaint, message.key, entry);
  if (!recipient) return 'not-needed';
  if (!(await claimNotification(deps.table, complaint.id, message.key, entry, deps.now()))) return 'already-sent';

  try {
    const context = await loadComplaintContext(deps.table, deps.questionnaires, complaint);
    const email =
      message.key === 'customer-acknowledged'
        ? renderAcknowledgementEmail({ customerName: complaint.customer!.name, handlerName: context.ownerName ?? complaint.ownerEmail, businessName: deps.businessName, language: complaint.customer!.language, brand: deps.brand })
        : renderEscalationEmail({
            context,
            businessName: deps.businessName,
            brand: deps.brand,
            timeZone: deps.handling.calendar.timeZone,
            occasion: message.key === 'opened' ? 'opened' : message.key === 'escalated' ? 'escalated' : 'reassigned',
            actionUrl: await actionUrls(deps, complaint.id, recipient.holder!),
            dashboardUrl: await dashboardFor(deps, context, recipient),
          });
    // Only the customer's acknowledgement invites a reply, so only it carries the business's Reply-To.
    await deps.mailer.sendRaw(await composeEmail(deps, email, recipient.address, message.key === 'customer-acknowledged' ? { replyTo: deps.replyTo } : {}));
    await completeNotification(deps.table, complaint.id, message.key, entry, deps.now().toISOString());
    return 'sent';
  } catch (error) {
    // SES may have taken a message whose answer was lost. Sending it again could mail the
    // manager twice, so it is recorded as sent: at most once, as for invitations. If it never
    // arrived, the complaint still escalates to the head of service when its deadline passes.
    if (isUnknownSendOutcome(error)) {
      await completeNotification(deps.table, complaint.id, message.key, entry, deps.now().toISOString());
      return 'outcome-unknown';
    }
    await releaseNotification(deps.table, complaint.id, message.key, entry, deps.now().toISOString());
    throw error;
  }
}

/**
 * Where a notification goes, and whom its action links act for: the manager recorded with
 * the change that implied it (older records: the owner), the head of service for an
 * escalation, the customer for an acknowledgement. A manager's email about a complaint
 * resolved since is not needed.
 */
function recipientFor(deps: NotifyDependencies, complaint: TComplaint, key: string, entry: TNotification | undefined): { address: string; holder?: LinkHolder } | undefined {
  if (key === 'customer-acknowledged') return deps.handling.notifyCustomerOnAcknowledge && complaint.customer ? { address: complaint.customer.email } : undefined;
  if (complaint.state === 'resolved') return undefined;
  if (key === 'escalated') return { address: entry?.to ?? deps.handling.headOfServiceEmail, holder: { headOfService: true } };
  return { address: entry?.to ?? complaint.ownerEmail, holder: { assignment: entry?.assignment ?? complaint.assignment ?? 0 } };
}

/** The recipient's own dashboard: the company's for the head of service, their department's for its manager; none for anyone else. */
async function dashboardFor(deps: NotifyDependencies, context: ComplaintContext, recipient: { address: string; holder?: LinkHolder }): Promise<string | undefined> {
  const { departmentId } = context.complaint;
  let scope: DashboardScope | undefined;
  if (recipient.address === deps.handling.headOfServiceEmail) scope = { kind: 'company' };
  else if (departmentId && context.departmentManagerEmail === recipient.address) scope = { kind: 'department', id: departmentId };
  return scope && dashboardUrl(deps, scope, deps.now());
}

async function actionUrls(deps: NotifyDependencies, complaintId: string, holder: LinkHolder) {
  const expiresAt = Math.floor(deps.now().getTime() / 1000) + ACTION_LINK_DAYS * 86_400;
  const token = signLink({ purpose: 'complaint', linkId: complaintId, expiresAt, grant: grantOf(holder) }, await deps.linkSecret());
  return (action: string) => routeUrl(deps.publicBaseUrl, ROUTES.complaintPage, { token }, { action });
}
