import type { Table } from '../platform/table/table-client.ts';
import { normalizeEmail } from '../platform/table/keys.ts';
import { deleteInvitation, invitationsOf, type TInvitation } from '../invitations/invitation-store.ts';
import { deleteContact, getContact, type TContact } from './contact-store.ts';
import { forgetResponse, getResponse, hasResponse, type TResponse } from '../answering/response-store.ts';
import { deleteStaffMember, getStaffMember, type TStaffMember } from './directory-store.ts';
import { anonymousRecord, splitByAnonymity, type AnonymousInvitationRecord } from './anonymous-invitations.ts';
import { forgetComplaintCustomer, getComplaint, type TComplaint } from '../complaints/complaint-store.ts';
import { isSuppressed, suppressAddress } from './suppression-store.ts';
import { readRollups, setRollupComments } from '../digest/digest-store.ts';

export interface PersonExport {
  email: string;
  exportedAt: string;
  contact: TContact | null;
  /** Their staff directory entry, if they are staff. */
  staff: TStaffMember | null;
  invitations: TInvitation[];
  /** Anonymous questionnaires (staff ones always): only that they were invited and whether they answered. */
  anonymousQuestionnaires: AnonymousInvitationRecord[];
  responses: TResponse[];
  complaints: TComplaint[];
  suppressed: boolean;
}

/**
 * Everything held about one person — customer, staff member or both — for a subject access
 * request. For anonymous questionnaires nothing links their answers to them, so the export
 * says only that they were invited and whether they answered.
 */
export async function exportPerson(table: Table, email: string, now: Date): Promise<PersonExport> {
  const address = normalizeEmail(email);
  const { named: invitations, anonymous } = splitByAnonymity(await invitationsOf(table, address));
  const responses = (await Promise.all(invitations.map((i) => getResponse(table, i)))).filter((r): r is TResponse => r !== undefined);
  const complaints = (await Promise.all(invitations.map((i) => getComplaint(table, i.linkId)))).filter((c): c is TComplaint => c !== undefined);
  return {
    email: address,
    exportedAt: now.toISOString(),
    contact: (await getContact(table, address)) ?? null,
    staff: (await getStaffMember(table, address)) ?? null,
    invitations,
    // Answered before response ids existed, a response was keyed by the link: that still says "answered".
    anonymousQuestionnaires: await Promise.all(anonymous.map(async (i) => anonymousRecord(i, await hasResponse(table, i)))),
    responses,
    complaints,
    suppressed: await isSuppressed(table, address),
  };
}

export interface ForgetSummary {
  email: string;
  contactDeleted: boolean;
  staffProfileDeleted: boolean;
  invitationsDeleted: number;
  responsesAnonymised: number;
  complaintsAnonymised: number;
  rollupCommentsRemoved: number;
}

/**
 * Removes a customer's personal data: the contact, their invitations (which hold name and
 * address and link each response to them), the free text on each response, their identity on each complaint, and their comments
 * quoted in rollups. Scores stay, unattributed, so aggregates do not change; the person's old
 * links show the neutral page and store nothing (each response is marked forgotten). The address is
 * kept on the suppression list only, so they are never mailed again. Safe to run twice.
 */
export async function forgetPerson(table: Table, email: string, now: Date): Promise<ForgetSummary> {
  const address = normalizeEmail(email);
  const invitations = await invitationsOf(table, address);
  const summary: ForgetSummary = { email: address, contactDeleted: false, staffProfileDeleted: false, invitationsDeleted: 0, responsesAnonymised: 0, complaintsAnonymised: 0, rollupCommentsRemoved: 0 };
  // A wave's rollups quote comments: the person's are removed from them too.
  const comments = new Map<TInvitation, Set<string>>();

  for (const invitation of invitations) {
    const response = await getResponse(table, invitation);
    if (response) {
      const texts = [response.answers?.comment, ...Object.values(response.answers?.probes ?? {})].filter((t): t is string => !!t);
      if (texts.length) comments.set(invitation, new Set(texts));
      summary.responsesAnonymised++;
    }
    // Also for an unanswered invitation: its links must not take an answer after this.
    await forgetResponse(table, invitation, now.toISOString());
    if (await getComplaint(table, invitation.linkId)) {
      await forgetComplaintCustomer(table, invitation.linkId);
      summary.complaintsAnonymised++;
    }
    await deleteInvitation(table, { ...invitation, email: address });
    summary.invitationsDeleted++;
  }

  for (const [{ questionnaireId, waveId }, texts] of comments) {
    for (const rollup of await readRollups(table, questionnaireId, waveId)) {
      const kept = rollup.comments.filter((c) => !texts.has(c.text) && ![...texts].some((t) => c.text === `${t.slice(0, 1000)}…`));
      if (kept.length === rollup.comments.length) continue;
      summary.rollupCommentsRemoved += rollup.comments.length - kept.length;
      await setRollupComments(table, questionnaireId, waveId, rollup.segment, kept);
    }
  }

  summary.contactDeleted = await deleteContact(table, address);
  // Staff are forgotten as customers are: their directory entry goes too (their anonymous answers were never theirs to find).
  summary.staffProfileDeleted = await deleteStaffMember(table, address);
  await suppressAddress(table, { email: address, reason: 'manual', detail: 'forgotten on request', at: now.toISOString() });
  return summary;
}

