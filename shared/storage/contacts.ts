import * as z from 'zod';
import { keys, normalizeEmail, type Audience } from './keys.ts';
import { listPage } from './list-index.ts';
import { isConditionFailure, setEveryField, type Table } from './table-client.ts';

export const ZContact = z.object({
  email: z.email().transform(normalizeEmail),
  name: z.string().trim().min(1).max(200),
  language: z.string().min(2).max(10).default('en'),
  /** ISO time of the latest interaction (a visit, an order) with the business. */
  lastInteractionAt: z.iso.datetime().optional(),
  staffEmail: z.email().transform(normalizeEmail).optional(),
  departmentId: z.string().min(1).optional(),
  lastInvitedAt: z.iso.datetime().optional(),
  unsubscribedAt: z.iso.datetime().optional(),
});
export type TContact = z.output<typeof ZContact>;

/** Who a questionnaire goes to, customer or staff member, as planning sees them. */
export type TRecipient = Pick<TContact, 'email' | 'name' | 'language' | 'lastInteractionAt' | 'lastInvitedAt' | 'unsubscribedAt' | 'staffEmail' | 'departmentId'>;

const ZRecipient = z.looseObject({
  email: z.string(),
  staffEmail: z.string().optional(),
  departmentId: z.string().optional(),
  name: z.string(),
  language: z.string().default('en'),
  lastInteractionAt: z.string().optional(),
  lastInvitedAt: z.string().optional(),
  unsubscribedAt: z.string().optional(),
});

/**
 * Creates or updates a contact's profile, keeping its send history and opt-out. The latest
 * interaction only ever moves forward: re-importing an older file cannot move it back.
 */
export async function saveContact(table: Table, contact: TContact): Promise<void> {
  const { lastInvitedAt: _sent, unsubscribedAt: _optOut, lastInteractionAt, ...profile } = contact;
  await table.db.update({
    TableName: table.name,
    Key: keys.contact(contact.email),
    ...setEveryField({ ...profile, ...keys.contactListing(contact.email), kind: 'contact' }),
  });
  if (lastInteractionAt) await recordInteractionTime(table, contact.email, lastInteractionAt);
}

async function recordInteractionTime(table: Table, email: string, at: string): Promise<void> {
  try {
    await table.db.update({
      TableName: table.name,
      Key: keys.contact(email),
      UpdateExpression: 'SET lastInteractionAt = :at',
      ConditionExpression: 'attribute_not_exists(lastInteractionAt) OR lastInteractionAt < :at',
      ExpressionAttributeValues: { ':at': at },
    });
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
}

export async function getContact(table: Table, email: string): Promise<TContact | undefined> {
  const { Item } = await table.db.get({ TableName: table.name, Key: keys.contact(email), ConsistentRead: true });
  return Item ? ZContact.parse(Item) : undefined;
}

export async function getRecipient(table: Table, audience: Audience, email: string): Promise<TRecipient | undefined> {
  const { Item } = await table.db.get({ TableName: table.name, Key: keys.recipient(audience, email), ConsistentRead: true });
  return Item ? ZRecipient.parse(Item) : undefined;
}

/** One page of one shard of an audience's list; pass the returned cursor to continue. */
export async function listRecipientsPage(
  table: Table,
  audience: Audience,
  shard: number,
  cursor?: Record<string, unknown>,
  pageSize = 100,
): Promise<{ recipients: TRecipient[]; cursor?: Record<string, unknown> }> {
  const page = await listPage(table, keys.recipientShard(audience, shard).gsi1pk, { ...(cursor ? { cursor } : {}), limit: pageSize });
  return { recipients: page.items.map((item) => ZRecipient.parse(item)), ...(page.cursor ? { cursor: page.cursor } : {}) };
}

/** Records that the recipient was sent a questionnaire at `at`. */
export async function markInvited(table: Table, audience: Audience, email: string, at: string): Promise<void> {
  await table.db.update({
    TableName: table.name,
    Key: keys.recipient(audience, email),
    UpdateExpression: 'SET lastInvitedAt = :at',
    ConditionExpression: 'attribute_exists(pk)',
    ExpressionAttributeValues: { ':at': at },
  });
}

/** Opts a recipient out; a second call keeps the first time. Unknown addresses are ignored. */
export async function markUnsubscribed(table: Table, audience: Audience, email: string, at: string): Promise<void> {
  await table.db
    .update({
      TableName: table.name,
      Key: keys.recipient(audience, email),
      UpdateExpression: 'SET unsubscribedAt = if_not_exists(unsubscribedAt, :at)',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':at': at },
    })
    .catch((error: unknown) => {
      if (!isConditionFailure(error)) throw error;
    });
}
