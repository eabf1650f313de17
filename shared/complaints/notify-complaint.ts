import type { Table } from '../storage/table-client.ts';
import type { TQuestionnaire } from '../questionnaire/questionnaire-schema.ts';
import type { Mailer } from '../mail/mailer.ts';
import { buildMime } from '../mail/mime.ts';
import { claimNotification, completeNotification, getComplaint, releaseNotification } from '../storage/complaints.ts';
import { signLink } from '../tokens/link-token.ts';
import { ROUTES, routeUrl } from '../http/routes.ts';
import { loadComplaintContext } from './complaint-context.ts';
import { renderAcknowledgementEmail, renderEscalationEmail } from './complaint-emails.tsx';
import type { TComplaintMessage } from './complaint-messages.ts';
import type { ComplaintHandling } from './open-complaint.ts';

export interface NotifyDependencies {
  readonly table: Table;
  readonly mailer: Mailer;
  readonly questionnaires: readonly TQuestionnaire[];
  readonly handling: ComplaintHandling;
  readonly businessName: string;
  readonly senderAddress: string;
  readonly publicBaseUrl: string;
  readonly linkSecret: () => Promise<string>;
  readonly now: () => Date;
}

export type NotifyOutcome = 'sent' | 'already-sent' | 'not-needed';

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
  if (complaint.notified[message.key]?.state === 'sent') return 'already-sent';

  const recipient = recipientFor(deps, complaint, message.key);
  if (!recipient) return 'not-needed';
  if ((await claimNotification(deps.table, complaint.id, message.key, deps.now())) === 'unchanged') return 'already-sent';

  try {
    const context = await loadComplaintContext(deps.table, deps.questionnaires, complaint);
    const email =
      message.key === 'customer-acknowledged'
        ? renderAcknowledgementEmail({ customerName: complaint.customer!.name, handlerName: context.ownerName ?? complaint.ownerEmail, businessName: deps.businessName })
        : renderEscalationEmail({
            context,
            businessName: deps.businessName,
            timeZone: deps.handling.calendar.timeZone,
            occasion: message.key === 'opened' ? 'opened' : message.key === 'escalated' ? 'escalated' : 'reassigned',
            actionUrl: await actionUrls(deps, complaint.id),
          });
    const raw = await buildMime({ ...email, from: `${deps.businessName} <${deps.senderAddress}>`, to: recipient });
    await deps.mailer.sendRaw(raw);
    await completeNotification(deps.table, complaint.id, message.key, deps.now().toISOString());
    return 'sent';
  } catch (error) {
    await releaseNotification(deps.table, complaint.id, message.key);
    throw error;
  }
}

function recipientFor(deps: NotifyDependencies, complaint: NonNullable<Awaited<ReturnType<typeof getComplaint>>>, key: string): string | undefined {
  if (key === 'customer-acknowledged') return deps.handling.notifyCustomerOnAcknowledge && complaint.customer ? complaint.customer.email : undefined;
  if (key === 'escalated') return deps.handling.headOfServiceEmail;
  return complaint.ownerEmail;
}

async function actionUrls(deps: NotifyDependencies, complaintId: string) {
  const expiresAt = Math.floor(deps.now().getTime() / 1000) + ACTION_LINK_DAYS * 86_400;
  const token = signLink({ purpose: 'complaint', linkId: complaintId, expiresAt }, await deps.linkSecret());
  return (action: string) => routeUrl(deps.publicBaseUrl, ROUTES.complaintPage, { token }, { action });
}
