import type { TQuestionnaire } from '../questionnaires/questionnaire-schema.ts';
import { getRecipient, type TRecipient } from '../people/contact-store.ts';
import { getStaffMember } from '../people/directory-store.ts';
import { formatDate } from '../platform/language/languages.ts';
import type { Table } from '../platform/table/table-client.ts';
import type { InteractionFacts } from './invitation-text.ts';
import { isSuppressed } from '../people/suppression-store.ts';
import { claimSend, getInvitation, recordSendOutcome, releaseSend, type TSendRequest } from './invitation-store.ts';
import { isAnswered } from './answered.ts';
import { newLinkId, signLink } from '../platform/tokens/link-token.ts';
import { ROUTES, routeUrl } from '../platform/web/routes.ts';
import { renderInvitationEmail } from './invitation-email.tsx';
import { composeEmail, type LinkContext, type MailContext } from '../platform/mail/mail-context.ts';
import { isPermanentSendError, isUnknownSendOutcome } from '../platform/mail/mailer.ts';
import { valueMask, valuesForLink } from '../questionnaires/value-rotation.ts';


/** An unsubscribe link outlives the questionnaire link by this long: people unsubscribe from old mail. */
export const UNSUBSCRIBE_LINK_EXTRA_DAYS = 365;
export interface DeliveryContext extends MailContext, LinkContext {
  readonly questionnaires: readonly TQuestionnaire[];
  readonly linkValidityDays: number;
  /** The business's zone, in which the interaction's date is given. */
  readonly timeZone: string;
}

/**
 * What the email can say about the service asked about: what it was, who served, and when.
 * Customers only: a staff questionnaire is about the workplace, not one visit.
 */
export async function interactionFacts(table: Table, recipient: TRecipient, audience: string, language: string, timeZone: string): Promise<InteractionFacts | undefined> {
  if (audience !== 'customers') return undefined;
  const staff = recipient.staffEmail ? await getStaffMember(table, recipient.staffEmail) : undefined;
  return {
    ...(recipient.service ? { service: recipient.service } : {}),
    ...(staff ? { staffName: staff.name } : {}),
    ...(recipient.lastInteractionAt ? { date: formatDate(recipient.lastInteractionAt, language, timeZone) } : {}),
  };
}

export type DeliveryOutcome = 'sent' | 'already-sent' | 'already-failed' | 'opted-out' | 'answered' | 'rejected' | 'interrupted';

/**
 * A message that can never succeed (its invitation was forgotten, or names a questionnaire no
 * longer deployed): it fails each delivery until the queue moves it to the dead-letter queue,
 * where it can be inspected, rather than vanishing.
 */
export class UndeliverableError extends Error {
  override name = 'UndeliverableError';
}

/**
 * Sends one planned invitation or its reminder, each at most once: one already recorded as
 * sent is skipped, and the opt-out, the suppression list (and, for a reminder, an answer)
 * are checked again at send time because they may have changed since planning. Transient
 * failures throw so the queue redelivers.
 */
export async function deliverInvitation(ctx: DeliveryContext, request: TSendRequest): Promise<DeliveryOutcome> {
  const invitation = await getInvitation(ctx.table, request);
  if (!invitation) throw new UndeliverableError('no such invitation');
  const reminder = request.kind === 'reminder';
  if (reminder ? invitation.reminderSentAt !== undefined : invitation.status === 'sent') return 'already-sent';
  if (!reminder && invitation.status === 'failed') return 'already-failed';
  const questionnaire = ctx.questionnaires.find((q) => q.id === invitation.questionnaireId);
  if (reminder && (invitation.status !== 'sent' || (await isAnswered(ctx.table, invitation, questionnaire)))) return 'answered';
  if (!questionnaire) throw new UndeliverableError('the invitation names a questionnaire that is not deployed');

  const [recipient, suppressed] = await Promise.all([getRecipient(ctx.table, invitation.audience, invitation.email), isSuppressed(ctx.table, invitation.email)]);
  // Anonymous questionnaires: the invitation records its send times to the day, and no SES
  // message id (which begins with a timestamp), since a send time to the second could be
  // matched with the answer and click times a response keeps.
  const at = questionnaire.anonymous ? `${ctx.now().toISOString().slice(0, 10)}T00:00:00.000Z` : ctx.now().toISOString();
  if (!recipient || recipient.unsubscribedAt || suppressed) {
    await recordSendOutcome(ctx.table, request, { status: 'failed', at, failure: 'opted-out-before-send' });
    return 'opted-out';
  }

  const secret = await ctx.linkSecret();
  const expiresAt = Math.floor(ctx.now().getTime() / 1000) + ctx.linkValidityDays * 86_400;
  // Anonymous: the link carries a fresh response id that is stored nowhere (the reminder's is another one).
  const responseId = questionnaire.anonymous ? newLinkId() : undefined;
  const valueIds = request.valueIds ?? valuesForLink(questionnaire, { linkId: invitation.linkId, responseId });
  const shown = valueIds ? valueMask(questionnaire, valueIds) : 0;
  const scope = {
    questionnaireId: invitation.questionnaireId,
    waveId: invitation.waveId,
    language: invitation.language,
    ...(responseId ? { responseId } : {}),
    // The values this email asks about travel in the signed link (a mask naming none means all).
    ...(shown > 0 ? { shown } : {}),
  };
  const answerToken = signLink({ purpose: 'answer', linkId: invitation.linkId, expiresAt, scope }, secret);
  // Unsubscribing must keep working long after the questionnaire closes.
  const unsubscribeToken = signLink({ purpose: 'unsubscribe', linkId: invitation.linkId, expiresAt: expiresAt + UNSUBSCRIBE_LINK_EXTRA_DAYS * 86_400 }, secret);
  const unsubscribeUrl = routeUrl(ctx.publicBaseUrl, ROUTES.unsubscribe, { token: unsubscribeToken });
  const email = renderInvitationEmail({
    questionnaire,
    businessName: ctx.businessName,
    recipientName: invitation.name,
    language: invitation.language,
    reminder,
    scoreUrl: (score) => routeUrl(ctx.publicBaseUrl, ROUTES.answerPage, { token: answerToken }, { score: String(score) }),
    unsubscribeUrl,
    brand: ctx.brand,
    interaction: await interactionFacts(ctx.table, recipient, invitation.audience, invitation.language, ctx.timeZone),
  });
  const raw = await composeEmail(ctx, email, invitation.email, { unsubscribeUrl, replyTo: ctx.replyTo });

  // At most once: the claim comes right before the SES call (which has no idempotency key).
  // A delivery that finds a claim it did not make cannot know whether SES took the message,
  // so it records the invitation as interrupted, visibly, rather than risk a second email.
  if (!(await claimSend(ctx.table, request, at))) {
    await recordSendOutcome(ctx.table, request, { status: 'failed', at, failure: 'interrupted-during-send' });
    return 'interrupted';
  }
  let messageId: string;
  try {
    ({ messageId } = await ctx.mailer.sendRaw(raw));
  } catch (error) {
    if (isUnknownSendOutcome(error)) {
      // The request may have reached SES: the claim stays, and the invitation is recorded as
      // failed with an unknown outcome rather than risk a second email.
      await recordSendOutcome(ctx.table, request, { status: 'failed', at, failure: 'outcome-unknown' });
      return 'interrupted';
    }
    if (!isPermanentSendError(error)) {
      // SES answered with an error (or was never reached), so it did not take the message: the retry may send.
      await releaseSend(ctx.table, request);
      throw error;
    }
    await recordSendOutcome(ctx.table, request, { status: 'failed', at, failure: (error as Error).name });
    return 'rejected';
  }
  // Outside the try: SES took the message, so a failure to record it must not release the claim.
  await recordSendOutcome(ctx.table, request, { status: 'sent', at, ...(questionnaire.anonymous ? {} : { sesMessageId: messageId }) });
  return 'sent';
}
