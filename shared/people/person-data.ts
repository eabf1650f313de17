import { DeleteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { partitionItems } from '../platform/table/list-index.ts';
import type { Table } from '../platform/table/table-client.ts';
import { keys, normalizeEmail } from '../platform/table/keys.ts';
import { invitationFromItem, type TInvitation } from '../invitations/invitation-store.ts';
import { getContact, type TContact } from './contact-store.ts';
import { getResponse, type TResponse } from '../answering/response-store.ts';
import { getComplaint, type TComplaint } from '../complaints/complaint-store.ts';
import { isSuppressed, suppressAddress } from './suppression-store.ts';
import { readRollups } from '../digest/aggregate-period.ts';

export interface PersonExport {
  email: string;
  exportedAt: string;
  contact: TContact | null;
  invitations: TInvitation[];
  responses: TResponse[];
  complaints: TComplaint[];
  suppressed: boolean;
}

async function invitationsOf(table: Table, email: string): Promise<TInvitation[]> {
  const invitations: TInvitation[] = [];
  for await (const item of partitionItems(table, keys.invitationsOf(email), { consistent: true })) invitations.push(invitationFromItem(item));
  return invitations;
}

/** Everything held about one customer, for a subject access request. */
export async function exportPerson(table: Table, email: string, now: Date): Promise<PersonExport> {
  const address = normalizeEmail(email);
  const invitations = await invitationsOf(table, address);
  const responses = (await Promise.all(invitations.map((i) => getResponse(table, i)))).filter((r): r is TResponse => r !== undefined);
  const complaints = (await Promise.all(invitations.map((i) => getComplaint(table, i.linkId)))).filter((c): c is TComplaint => c !== undefined);
  return {
    email: address,
    exportedAt: now.toISOString(),
    contact: (await getContact(table, address)) ?? null,
    invitations,
    responses,
    complaints,
    suppressed: await isSuppressed(table, address),
  };
}

export interface ForgetSummary {
  email: string;
  contactDeleted: boolean;
  invitationsDeleted: number;
  responsesAnonymised: number;
  complaintsAnonymised: number;
  rollupCommentsRemoved: number;
}

/**
 * Removes a customer's personal data: the contact, their invitations (which hold name and
 * address and link each response to them), the free text on each response, their identity on each complaint, and their comments
 * quoted in rollups. Scores stay, unattributed, so aggregates do not change. The address is
 * kept on the suppression list only, so they are never mailed again. Safe to run twice.
 */
export async function forgetPerson(table: Table, email: string, now: Date): Promise<ForgetSummary> {
  const address = normalizeEmail(email);
  const invitations = await invitationsOf(table, address);
  const summary: ForgetSummary = { email: address, contactDeleted: false, invitationsDeleted: 0, responsesAnonymised: 0, complaintsAnonymised: 0, rollupCommentsRemoved: 0 };
  const comments = new Map<string, Set<string>>();

  for (const invitation of invitations) {
    const response = await getResponse(table, invitation);
    if (response) {
      const texts = [response.answers?.comment, ...Object.values(response.answers?.probes ?? {})].filter((t): t is string => !!t);
      const period = `${invitation.questionnaireId}#${invitation.waveId}`;
      if (texts.length) comments.set(period, new Set([...(comments.get(period) ?? []), ...texts]));
      await table.db.send(new UpdateCommand({
        TableName: table.name,
        Key: keys.response(invitation.questionnaireId, invitation.waveId, invitation.linkId),
        UpdateExpression: 'SET forgottenAt = :forgotten, answers.probes = :none REMOVE answers.#comment',
        ConditionExpression: 'attribute_exists(answers)',
        ExpressionAttributeNames: { '#comment': 'comment' },
        ExpressionAttributeValues: { ':forgotten': now.toISOString(), ':none': {} },
      })).catch(async (error: unknown) => {
        // A one-click response has no answers map: only the respondent goes.
        if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
        await table.db.send(new UpdateCommand({
          TableName: table.name,
          Key: keys.response(invitation.questionnaireId, invitation.waveId, invitation.linkId),
          UpdateExpression: 'SET forgottenAt = :forgotten',
          ExpressionAttributeValues: { ':forgotten': now.toISOString() },
        }));
      });
      summary.responsesAnonymised++;
    }
    if (await getComplaint(table, invitation.linkId)) {
      await table.db.send(new UpdateCommand({ TableName: table.name, Key: keys.complaint(invitation.linkId), UpdateExpression: 'SET customer = :none REMOVE resolutionNote', ExpressionAttributeValues: { ':none': null } }));
      summary.complaintsAnonymised++;
    }
    await table.db.send(new DeleteCommand({ TableName: table.name, Key: keys.invitation(invitation.questionnaireId, invitation.waveId, address) }));
    summary.invitationsDeleted++;
  }

  for (const [period, texts] of comments) {
    const [questionnaireId, waveId] = period.split('#') as [string, string];
    for (const rollup of await readRollups(table, questionnaireId, waveId)) {
      const kept = rollup.comments.filter((c) => !texts.has(c.text) && ![...texts].some((t) => c.text === `${t.slice(0, 1000)}…`));
      if (kept.length === rollup.comments.length) continue;
      summary.rollupCommentsRemoved += rollup.comments.length - kept.length;
      await table.db.send(new UpdateCommand({ TableName: table.name, Key: keys.rollup(questionnaireId, waveId, rollup.segment), UpdateExpression: 'SET #rollup.comments = :kept', ExpressionAttributeNames: { '#rollup': 'rollup' }, ExpressionAttributeValues: { ':kept': kept } }));
    }
  }

  const { Attributes } = await table.db.send(new DeleteCommand({ TableName: table.name, Key: keys.contact(address), ReturnValues: 'ALL_OLD' }));
  summary.contactDeleted = Attributes !== undefined;
  await suppressAddress(table, { email: address, reason: 'manual', detail: 'forgotten on request', at: now.toISOString() });
  return summary;
}

