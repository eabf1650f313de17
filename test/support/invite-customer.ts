import { saveContact, type TContact } from '../../shared/people/contact-store.ts';
import { getInvitation, type TInvitation } from '../../shared/invitations/invitation-store.ts';
import { aContact, customerQuestionnaire } from './factories.ts';
import { answerPathIn, complaintPathIn, inboxEmails, linkPath, postForm, type InboxEmail, type TestPipeline } from './local-services.ts';
import { importStaff } from '../../shared/people/import-file.ts';
import { fieldNames } from '../../shared/questionnaires/answer-schema.ts';
import { shownValues } from '../../shared/questionnaires/value-rotation.ts';

/** A customer who has been sent this week's invitation, and what they received. */
export interface InvitedCustomer {
  readonly contact: TContact;
  /** The invitation as stored once it was sent. */
  readonly invitation: TInvitation;
  readonly linkId: string;
  /** The invitation email as it reached the inbox. */
  readonly invitationEmail: InboxEmail;
  /** The answer page's path, without the one-click score. */
  readonly answerPath: string;
  /** The answer page's full URL, as the customer clicks it. */
  readonly answerUrl: string;
  readonly unsubscribePath: string;
  /** The value ids the answer link asks about (the planner's rotation), in the questionnaire's order. */
  readonly askedValues: string[];
}

/** The values an answer path asks, read from the signed mask in its token (`~s<hex>`). */
export function askedValuesOf(answerPath: string): string[] {
  const mask = /~s([0-9a-f]+)\./.exec(answerPath)?.[1];
  return shownValues(customerQuestionnaire, mask === undefined ? undefined : parseInt(mask, 16)).map((v) => v.id);
}

/**
 * Saves the contacts, plans this week's wave and waits until it is sent; returns each
 * contact's invitation, read back from the table and the inbox.
 */
export async function inviteCustomers(pipeline: TestPipeline, contacts: readonly TContact[]): Promise<InvitedCustomer[]> {
  for (const contact of contacts) await saveContact(pipeline.table, contact);
  const { waves } = await pipeline.jobs.planWave();
  await pipeline.drained();
  const { waveId } = waves.find((wave) => wave.questionnaireId === customerQuestionnaire.id)!;
  const inbox = await inboxEmails(pipeline.inbox);
  const invited: InvitedCustomer[] = [];
  for (const contact of contacts) {
    const invitationEmail = inbox.find((email) => email.destination.to.includes(contact.email));
    if (!invitationEmail) throw new Error(`no invitation reached ${contact.email}`);
    const invitation = (await getInvitation(pipeline.table, { questionnaireId: customerQuestionnaire.id, waveId, email: contact.email }))!;
    const answerPath = answerPathIn(invitationEmail, pipeline.publicBaseUrl);
    invited.push({
      contact,
      invitation,
      linkId: invitation.linkId,
      invitationEmail,
      answerPath,
      answerUrl: `${pipeline.publicBaseUrl}${answerPath}`,
      unsubscribePath: linkPath(invitationEmail.body.text!, '/unsubscribe/', pipeline.publicBaseUrl),
      askedValues: askedValuesOf(answerPath),
    });
  }
  return invited;
}

/** One customer (by default a new one) invited in this week's wave. */
export async function inviteCustomer(pipeline: TestPipeline, contact: TContact = aContact()): Promise<InvitedCustomer> {
  const [invited] = await inviteCustomers(pipeline, [contact]);
  return invited!;
}

/**
 * The staff directory imported, then a customer of Repairs served by Jo Kim invited, who
 * answered 1 and asked to be contacted: the links they got, and the complaint link from the
 * manager's email.
 */
export async function customerWithComplaint(pipeline: TestPipeline, now: Date): Promise<{ answerPath: string; unsubscribePath: string; complaintPath: string }> {
  await importStaff(pipeline.table, 'examples/staff.csv', { now });
  const { answerPath, unsubscribePath } = await inviteCustomer(pipeline, aContact({ departmentId: 'repairs', staffEmail: 'jo.kim@acme.example' }));
  await postForm(pipeline, answerPath, { score: '1', [fieldNames.complaint]: 'yes' });
  await pipeline.drained();
  const complaintPath = complaintPathIn((await inboxEmails(pipeline.inbox)).find((e) => e.subject.startsWith('Complaint'))!);
  return { answerPath, unsubscribePath, complaintPath };
}
