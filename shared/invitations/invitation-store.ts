import { DeleteCommand, GetCommand, QueryCommand, UpdateCommand, type UpdateCommandInput } from '@aws-sdk/lib-dynamodb';
import * as z from '../platform/validation/zod.ts';
import { keys, normalizeEmail, parseInvitationKey } from '../platform/table/keys.ts';
import { TABLE_DESIGN } from '../platform/table/table-design.ts';
import { listAll, listPage, partitionItems } from '../platform/table/list-index.ts';
import { batchGet, keyId } from '../platform/table/batch-get.ts';
import { writeIf, type Table } from '../platform/table/table-client.ts';

export const ZInvitation = z.object({
  audience: z._default(z.enum(['customers', 'staff']), 'customers'),
  questionnaireId: z.string(),
  waveId: z.string(),
  email: z.string(),
  name: z.string(),
  language: z.string(),
  linkId: z.string(),
  /** Who served the customer and where: kept on the response for attribution, even when anonymous. */
  staffEmail: z.optional(z.string()),
  departmentId: z.optional(z.string()),
  /** `sending` is claimed just before the SES call, so a crash during it is never retried into a second email. */
  status: z.enum(['queued', 'sending', 'sent', 'failed']),
  createdAt: z.string(),
  sentAt: z.optional(z.string()),
  sesMessageId: z.optional(z.string()),
  failure: z.optional(z.string()),
  reminderSentAt: z.optional(z.string()),
  /** The questionnaire was anonymous when planned: no response is ever keyed by, or points at, this invitation. */
  anonymous: z.optional(z.boolean()),
  /**
   * Anonymous questionnaires only: that someone answered through one of its links, for
   * reminders. Deliberately untimed — a timestamp could be matched with the response's.
   */
  answered: z.optional(z.boolean()),
});
export type TInvitation = z.output<typeof ZInvitation>;

/**
 * A stored invitation. Questionnaire and wave are read from the sort key
 * (`INVITATION#<questionnaire>#<wave>`) rather than stored twice: the digest reads every
 * invitation of a period, and each byte costs read units there.
 */
export function invitationFromItem(item: Record<string, unknown>): TInvitation {
  return ZInvitation.parse({ ...parseInvitationKey(item), ...item });
}

/** The queue message that asks the sender to deliver one invitation. */
export const ZSendRequest = z.object({
  /** The first email of a wave, or the one reminder after it. */
  kind: z._default(z.enum(['invitation', 'reminder']), 'invitation'),
  questionnaireId: z.string().check(z.minLength(1)),
  waveId: z.string().check(z.minLength(1)),
  email: z.email(),
  /**
   * The values this email asks about, chosen by the planner's rotation (value-rotation.ts).
   * Carried by the message and then the signed link only, never stored on the invitation:
   * for anonymous questionnaires the set a person was asked would narrow down whose response is whose.
   */
  valueIds: z.optional(z.array(z.string()).check(z.maxLength(15))),
});
export type TSendRequest = z.input<typeof ZSendRequest>;

function withoutKeyFields(invitation: TInvitation): Omit<TInvitation, 'questionnaireId' | 'waveId'> {
  const { questionnaireId: _q, waveId: _w, ...rest } = invitation;
  return rest;
}

/**
 * Writes the invitation unless one already exists for (questionnaire, wave, contact).
 * @returns false when it existed: a repeated or retried plan must not queue it again.
 */
export async function createInvitation(table: Table, invitation: TInvitation): Promise<boolean> {
  return writeIf(table, {
    TableName: table.name,
    Item: {
      ...keys.invitation(invitation.questionnaireId, invitation.waveId, invitation.email),
      ...keys.invitationByLinkId(invitation.linkId),
      ...keys.invitationListing(invitation.questionnaireId, invitation.waveId, invitation.email),
      kind: 'invitation',
      ...withoutKeyFields(invitation),
    },
    ConditionExpression: 'attribute_not_exists(pk)',
  });
}

export async function getInvitation(table: Table, request: TSendRequest): Promise<TInvitation | undefined> {
  const { Item } = await table.db.send(new GetCommand({
    TableName: table.name,
    Key: keys.invitation(request.questionnaireId, request.waveId, request.email),
    ConsistentRead: true,
  }));
  return Item ? invitationFromItem(Item) : undefined;
}

/** The invitation a signed link points at, found by the link's random id. */
export async function findInvitationByLinkId(table: Table, linkId: string): Promise<TInvitation | undefined> {
  const index = TABLE_DESIGN.indexes.byLinkId;
  const { Items = [] } = await table.db.send(new QueryCommand({
    TableName: table.name,
    IndexName: 'byLinkId',
    KeyConditionExpression: '#pk = :pk',
    ExpressionAttributeNames: { '#pk': index.partitionKey },
    ExpressionAttributeValues: { ':pk': keys.invitationByLinkId(linkId).gsi2pk },
    Limit: 1,
  }));
  return Items[0] ? invitationFromItem(Items[0]) : undefined;
}

/** One page of one shard of a wave's invitations. */
export async function listInvitationsPage(
  table: Table,
  questionnaireId: string,
  waveId: string,
  shard: number,
  cursor?: Record<string, unknown>,
): Promise<{ invitations: TInvitation[]; cursor?: Record<string, unknown> }> {
  const page = await listPage(table, keys.invitationShard(questionnaireId, waveId, shard).gsi1pk, { ...(cursor ? { cursor } : {}), limit: 100 });
  return { invitations: page.items.map((item) => invitationFromItem(item)), ...(page.cursor ? { cursor: page.cursor } : {}) };
}

/**
 * Claims the invitation (or its reminder) for sending, immediately before the SES call.
 * @returns false when another delivery claimed it first, or a crashed one left its claim.
 */
export async function claimSend(table: Table, request: TSendRequest, at: string): Promise<boolean> {
  const key = keys.invitation(request.questionnaireId, request.waveId, request.email);
  return writeIf(
    table,
    request.kind === 'reminder'
      ? {
          TableName: table.name,
          Key: key,
          UpdateExpression: 'SET reminderClaimedAt = :at',
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(reminderClaimedAt)',
          ExpressionAttributeValues: { ':at': at },
        }
      : {
          TableName: table.name,
          Key: key,
          UpdateExpression: 'SET #status = :sending, sendingAt = :at',
          ConditionExpression: '#status = :queued',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':sending': 'sending', ':queued': 'queued', ':at': at },
        },
  );
}

/** Gives the claim back after SES refused the call (it did not take the message), so the retry can send. */
export async function releaseSend(table: Table, request: TSendRequest): Promise<void> {
  const key = keys.invitation(request.questionnaireId, request.waveId, request.email);
  // Conditional both ways: an invitation deleted meanwhile (forget) must not come back as a bare key.
  await writeIf(
    table,
    request.kind === 'reminder'
      ? { TableName: table.name, Key: key, UpdateExpression: 'REMOVE reminderClaimedAt', ConditionExpression: 'attribute_exists(pk)' }
      : {
          TableName: table.name,
          Key: key,
          UpdateExpression: 'SET #status = :queued REMOVE sendingAt',
          ConditionExpression: '#status = :sending',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':queued': 'queued', ':sending': 'sending' },
        },
  );
}

/** Anonymous questionnaires' invitations keep no SES message id (see deliver-invitation.ts). */
type SendOutcome = { status: 'sent'; at: string; sesMessageId?: string } | { status: 'failed'; at: string; failure: string };

/**
 * Records the send outcome. Marking `sent` is conditional on not being sent yet, so a
 * redelivered queue message that races a successful send cannot record it twice.
 * @returns false when the invitation was already sent.
 */
export async function recordSendOutcome(table: Table, request: TSendRequest, outcome: SendOutcome): Promise<boolean> {
  const key = keys.invitation(request.questionnaireId, request.waveId, request.email);
  const command =
    request.kind === 'reminder'
      ? reminderUpdate(table, key, outcome)
      : outcome.status === 'sent'
        ? {
            TableName: table.name,
            Key: key,
            UpdateExpression: `SET #status = :sent, sentAt = :at${outcome.sesMessageId ? ', sesMessageId = :id' : ''} REMOVE failure, sendingAt`,
            ConditionExpression: 'attribute_exists(pk) AND #status <> :sent',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':sent': 'sent', ':at': outcome.at, ...(outcome.sesMessageId ? { ':id': outcome.sesMessageId } : {}) },
          }
        : {
            TableName: table.name,
            Key: key,
            UpdateExpression: 'SET #status = :failed, failure = :failure, failedAt = :at',
            ConditionExpression: 'attribute_exists(pk) AND #status <> :sent',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':failed': 'failed', ':sent': 'sent', ':at': outcome.at, ':failure': outcome.failure },
          };
  return writeIf(table, command);
}

/** A reminder is recorded once: `reminderSentAt` is written only if absent. */
function reminderUpdate(table: Table, key: { pk: string; sk: string }, outcome: SendOutcome): UpdateCommandInput & { ConditionExpression: string } {
  return outcome.status === 'sent'
    ? {
        TableName: table.name,
        Key: key,
        UpdateExpression: `SET reminderSentAt = :at${outcome.sesMessageId ? ', reminderMessageId = :id' : ''}`,
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(reminderSentAt)',
        ExpressionAttributeValues: { ':at': outcome.at, ...(outcome.sesMessageId ? { ':id': outcome.sesMessageId } : {}) },
      }
    : {
        TableName: table.name,
        Key: key,
        UpdateExpression: 'SET reminderFailure = :failure',
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(reminderSentAt)',
        ExpressionAttributeValues: { ':failure': outcome.failure },
      };
}

/** What aggregation needs of an invitation: whom its response is attributed to, and whether it went out. */
export interface InvitationAttribution {
  readonly linkId: string;
  readonly sent: boolean;
  readonly staffEmail?: string;
  readonly departmentId?: string;
}

/**
 * One shard of a wave's invitations, as attribution only; `usage` receives the read units.
 * Read straight from the items, not through the invitation schema: a digest reads every
 * invitation of its period, and a full parse costs about 20 µs each (20 s of CPU per million).
 */
export async function* waveAttributions(table: Table, questionnaireId: string, waveId: string, shard: number, usage?: { readUnits: number }): AsyncGenerator<InvitationAttribution> {
  for await (const item of listAll(table, keys.invitationShard(questionnaireId, waveId, shard).gsi1pk, usage)) {
    const { staffEmail, departmentId } = item as { staffEmail?: string; departmentId?: string };
    yield { linkId: String(item['linkId']), sent: item['status'] === 'sent', ...(staffEmail ? { staffEmail } : {}), ...(departmentId ? { departmentId } : {}) };
  }
}

/** Whether an invitation is for an anonymous questionnaire; staff questionnaires always are (older invitations carry no flag). */
export function isAnonymousInvitation(invitation: Pick<TInvitation, 'anonymous' | 'audience'>): boolean {
  return invitation.anonymous === true || invitation.audience === 'staff';
}

/**
 * Marks an anonymous questionnaire's invitation answered, once: the first link of it to give
 * a counted answer takes this claim, so an answer through the reminder's link (another
 * response id) is not counted a second time. Only the flag is written — no time, no id.
 * @returns false when another link of the invitation already answered.
 */
export async function claimAnswered(table: Table, invitation: Pick<TInvitation, 'questionnaireId' | 'waveId' | 'email'>): Promise<boolean> {
  return writeIf(table, {
    TableName: table.name,
    Key: keys.invitation(invitation.questionnaireId, invitation.waveId, invitation.email),
    UpdateExpression: 'SET answered = :yes',
    ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(answered)',
    ExpressionAttributeValues: { ':yes': true },
  });
}

/** Every invitation a person has had. */
export async function invitationsOf(table: Table, email: string): Promise<TInvitation[]> {
  const invitations: TInvitation[] = [];
  for await (const item of partitionItems(table, keys.invitationsOf(email), { consistent: true })) invitations.push(invitationFromItem(item));
  return invitations;
}

/** Deletes one invitation (the privacy `forget`). */
export async function deleteInvitation(table: Table, invitation: Pick<TInvitation, 'questionnaireId' | 'waveId' | 'email'>): Promise<void> {
  await table.db.send(new DeleteCommand({ TableName: table.name, Key: keys.invitation(invitation.questionnaireId, invitation.waveId, invitation.email) }));
}

/** Of these addresses, those already invited to the wave, by normalised address: one batched read per 100. */
export async function existingInvitations(table: Table, questionnaireId: string, waveId: string, emails: readonly string[]): Promise<Map<string, TInvitation>> {
  const found = await batchGet(table, emails.map((email) => keys.invitation(questionnaireId, waveId, email)), { consistent: true });
  const invited = new Map<string, TInvitation>();
  for (const email of emails) {
    const item = found.get(keyId(keys.invitation(questionnaireId, waveId, email)));
    if (item) invited.set(normalizeEmail(email), invitationFromItem(item));
  }
  return invited;
}
