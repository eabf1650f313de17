import { randomBytes } from 'node:crypto';
import type { Table } from '../../shared/platform/table/table-client.ts';
import type { TQuestionnaire } from '../../shared/questionnaires/questionnaire-schema.ts';
import { deleteContact, markInvited, saveContact } from '../../shared/people/contact-store.ts';
import { deleteDepartment, saveDepartment } from '../../shared/people/directory-store.ts';
import { removeSuppression } from '../../shared/people/suppression-store.ts';
import { createInvitation, deleteInvitation, invitationsOf, type TSendRequest } from '../../shared/invitations/invitation-store.ts';
import { deleteResponse } from '../../shared/answering/response-store.ts';
import { deleteComplaint } from '../../shared/complaints/complaint-store.ts';
import { newLinkId } from '../../shared/platform/tokens/link-token.ts';
import { MAILBOX_SIMULATOR_DOMAIN, SYNTHETIC_WAVE } from '../../shared/platform/schedule/wave-id.ts';

export { SYNTHETIC_WAVE };

/** Marks every synthetic record a person might come across (contact, department). */
export const SYNTHETIC_NAME = 'Feedback check (synthetic)';

const SIMULATOR_DOMAIN = MAILBOX_SIMULATOR_DOMAIN;

/** The SES mailbox simulator's addresses for one run: labelled, so runs never share an address. */
export interface SyntheticAddresses {
  /** Delivered, answered and complained about. */
  readonly customer: string;
  /** Owns the synthetic complaint: the synthetic department's manager. */
  readonly manager: string;
  readonly bounce: string;
  readonly complaint: string;
}

export interface SyntheticRun {
  readonly id: string;
  readonly departmentId: string;
  readonly questionnaire: TQuestionnaire;
  readonly addresses: SyntheticAddresses;
  /** Each synthetic invitation's link id, by address, once written. */
  readonly linkIds: Map<string, string>;
}

/** A new run's identities: every address is one of SES's mailbox simulator's, never a real person's. */
export function syntheticRun(questionnaire: TQuestionnaire): SyntheticRun {
  const id = randomBytes(4).toString('hex');
  const label = `feedback-check-${id}`;
  return {
    id,
    departmentId: label,
    questionnaire,
    addresses: {
      customer: `success+${label}@${SIMULATOR_DOMAIN}`,
      manager: `success+${label}-manager@${SIMULATOR_DOMAIN}`,
      bounce: `bounce+${label}@${SIMULATOR_DOMAIN}`,
      complaint: `complaint+${label}@${SIMULATOR_DOMAIN}`,
    },
    linkIds: new Map(),
  };
}

/** The addresses that get an invitation: the customer, and the two whose mail comes back as events. */
export function invitedAddresses(run: SyntheticRun): string[] {
  return [run.addresses.customer, run.addresses.bounce, run.addresses.complaint];
}

/**
 * Writes the synthetic department (managed by the simulator's address) and, for each invited
 * address, a contact and its invitation in the synthetic wave, ready to queue. Each contact
 * is marked invited at once, so a wave planned meanwhile skips it (frequency cap).
 */
export async function plantSyntheticInvitations(table: Table, run: SyntheticRun, now: Date): Promise<TSendRequest[]> {
  const at = now.toISOString();
  const language = run.questionnaire.languages[0] ?? 'en';
  await saveDepartment(table, { id: run.departmentId, name: SYNTHETIC_NAME, managerEmail: run.addresses.manager });
  const requests: TSendRequest[] = [];
  for (const email of invitedAddresses(run)) {
    await saveContact(table, { email, name: SYNTHETIC_NAME, language, departmentId: run.departmentId });
    await markInvited(table, run.questionnaire.audience, email, at);
    const linkId = newLinkId();
    run.linkIds.set(email, linkId);
    await createInvitation(table, {
      audience: run.questionnaire.audience,
      questionnaireId: run.questionnaire.id,
      waveId: SYNTHETIC_WAVE,
      email,
      name: SYNTHETIC_NAME,
      language,
      departmentId: run.departmentId,
      linkId,
      status: 'queued',
      createdAt: at,
    });
    requests.push({ kind: 'invitation', questionnaireId: run.questionnaire.id, waveId: SYNTHETIC_WAVE, email });
  }
  return requests;
}

/**
 * Removes everything the run wrote or caused: contacts, invitations, the response and the
 * complaint under each link, the suppressions of the simulator's addresses, the department.
 * Each removal is idempotent, so it is safe after a step failed halfway.
 * @returns how many items were removed.
 */
export async function removeSynthetic(table: Table, run: SyntheticRun): Promise<number> {
  let removed = 0;
  const count = (gone: boolean) => (removed += gone ? 1 : 0);
  for (const email of invitedAddresses(run)) {
    for (const invitation of await invitationsOf(table, email)) {
      const keyParts = { questionnaireId: invitation.questionnaireId, waveId: invitation.waveId, linkId: invitation.linkId };
      count(await deleteResponse(table, keyParts));
      count(await deleteComplaint(table, invitation.linkId));
      await deleteInvitation(table, invitation);
      removed++;
    }
    count(await deleteContact(table, email));
    count(await removeSuppression(table, email));
  }
  count(await removeSuppression(table, run.addresses.manager));
  count(await deleteDepartment(table, run.departmentId));
  return removed;
}
