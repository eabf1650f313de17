import type { Table } from '../platform/table/table-client.ts';
import { newLinkId, signLink, type LinkClaims } from '../platform/tokens/link-token.ts';
import { claimAnswered, findInvitationByLinkId } from '../invitations/invitation-store.ts';
import type { TAnswers } from '../questionnaires/answer-schema.ts';
import type { ClickEvidence, HoldReason } from './one-click.ts';
import * as responses from './response-store.ts';

/**
 * Answers to anonymous questionnaires. Their link carries a random response id (signed, never
 * stored on the invitation), and the response is keyed by it, so no item joins a response to
 * an invitation or a person. The invitation learns one untimed fact, `answered`, for
 * reminders; and since the reminder's link carries another response id, that flag is also
 * the claim that lets only one link of an invitation give a counted answer.
 *
 * These wrap the response store's writes: a non-anonymous target passes straight through.
 */
type Target = responses.ResponseKeyParts;

export async function recordOneClick(
  table: Table,
  target: Target,
  click: { score: number; at: string; evidence?: ClickEvidence; holdReason?: HoldReason; retentionDays?: number },
): Promise<responses.OneClickOutcome> {
  if (!target.responseId) return responses.recordOneClick(table, target, click);
  // A held click counts for nothing, so it claims nothing.
  const verdict = await mayCount(table, target, { claim: click.holdReason === undefined });
  if (verdict === 'forgotten') return { forgotten: true };
  // Another link of this invitation has answered: nothing is stored.
  if (!verdict.allowed) return { forgotten: false, hold: 'several-scores', replaced: false };
  return responses.recordOneClick(table, { ...target, attribution: verdict.attribution }, click);
}

/**
 * @returns `stored`; `dropped` when another link of the invitation answered first (nothing is
 * stored); `forgotten` when the person was forgotten (nothing is stored, the link is dead).
 */
export async function recordSubmission(table: Table, target: Target, answers: TAnswers, options: { at: string; retentionDays?: number }): Promise<'stored' | 'dropped' | 'forgotten'> {
  if (!target.responseId) return (await responses.recordSubmission(table, target, answers, options)) ? 'stored' : 'forgotten';
  const verdict = await mayCount(table, target, { claim: true });
  if (verdict === 'forgotten') return 'forgotten';
  if (!verdict.allowed) return 'dropped';
  return (await responses.recordSubmission(table, { ...target, attribution: verdict.attribution }, answers, options)) ? 'stored' : 'forgotten';
}

/**
 * Whether this link may store a counted answer, and what the response is attributed to
 * (department; for customers, who served them), read from the invitation in memory and
 * stored on the response, never the other way round. A link that has stored a response
 * before may always change it; a new one needs the invitation's claim.
 */
async function mayCount(table: Table, target: Target, options: { claim: boolean }) {
  const [existing, invitation] = await Promise.all([responses.getResponse(table, target), findInvitationByLinkId(table, target.linkId)]);
  // No invitation: the person was forgotten (`forget` deletes them), and their links do nothing.
  if (!invitation) return 'forgotten' as const;
  const attribution = { departmentId: invitation.departmentId, staffEmail: invitation.audience === 'customers' ? invitation.staffEmail : undefined };
  if (!options.claim) return { allowed: true, attribution };
  if (invitation.answered) return { allowed: existing !== undefined, attribution };
  const claimed = await claimAnswered(table, invitation);
  return { allowed: claimed || existing !== undefined, attribution };
}

/**
 * An anonymous questionnaire's link signed before links carried a response id: the same link
 * with a fresh one (same expiry). Opening such a link redirects to its upgraded form, so the
 * page and its form keep one response id; the claim above keeps one counted answer per
 * invitation however often the old link is opened.
 */
export async function upgradedAnswerLink(
  linkSecret: () => Promise<string>,
  claims: LinkClaims,
  scope: { questionnaireId: string; waveId: string; language: string },
): Promise<{ token: string; responseId: string }> {
  const { questionnaireId, waveId, language } = scope;
  const responseId = newLinkId();
  const shown = claims.scope?.shown;
  return { token: signLink({ purpose: 'answer', linkId: claims.linkId, expiresAt: claims.expiresAt, scope: { questionnaireId, waveId, language, responseId, ...(shown !== undefined ? { shown } : {}) } }, await linkSecret()), responseId };
}
