import { DeleteCommand, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import * as z from '../platform/validation/zod.ts';
import { keys, normalizeEmail, type Audience } from '../platform/table/keys.ts';
import { listPage } from '../platform/table/list-index.ts';
import { batchGet, keyId } from '../platform/table/batch-get.ts';
import { setEveryField, writeIf, type Table } from '../platform/table/table-client.ts';

export const ZContact = z.object({
  email: z.pipe(z.email(), z.transform(normalizeEmail)),
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  language: z._default(z.string().check(z.minLength(2), z.maxLength(10)), 'en'),
  /** ISO time of the latest interaction (a visit, an order) with the business. */
  lastInteractionAt: z.optional(z.iso.datetime()),
  staffEmail: z.optional(z.pipe(z.email(), z.transform(normalizeEmail))),
  departmentId: z.optional(z.string().check(z.minLength(1))),
  /** What the latest interaction was ("boiler service"), named in the invitation. */
  service: z.optional(z.string().check(z.maxLength(100))),
  lastInvitedAt: z.optional(z.iso.datetime()),
  unsubscribedAt: z.optional(z.iso.datetime()),
});
export type TContact = z.output<typeof ZContact>;

/** Who a questionnaire goes to, customer or staff member, as planning sees them. */
export type TRecipient = Pick<TContact, 'email' | 'name' | 'language' | 'lastInteractionAt' | 'lastInvitedAt' | 'unsubscribedAt' | 'staffEmail' | 'departmentId' | 'service'>;

const ZRecipient = z.looseObject({
  email: z.string(),
  staffEmail: z.optional(z.string()),
  departmentId: z.optional(z.string()),
  service: z.optional(z.string()),
  name: z.string(),
  language: z._default(z.string(), 'en'),
  lastInteractionAt: z.optional(z.string()),
  lastInvitedAt: z.optional(z.string()),
  unsubscribedAt: z.optional(z.string()),
});

/**
 * Creates or updates a contact's profile, keeping its send history and opt-out. The latest
 * interaction only ever moves forward: re-importing an older file cannot move it back.
 */
export async function saveContact(table: Table, contact: TContact): Promise<void> {
  const { lastInvitedAt: _sent, unsubscribedAt: _optOut, lastInteractionAt, ...profile } = contact;
  await table.db.send(new UpdateCommand({
    TableName: table.name,
    Key: keys.contact(contact.email),
    ...setEveryField({ ...profile, ...keys.contactListing(contact.email), kind: 'contact' }),
  }));
  if (lastInteractionAt) await recordInteractionTime(table, contact.email, lastInteractionAt);
}

async function recordInteractionTime(table: Table, email: string, at: string): Promise<void> {
  await writeIf(table, {
    TableName: table.name,
    Key: keys.contact(email),
    UpdateExpression: 'SET lastInteractionAt = :at',
    ConditionExpression: 'attribute_not_exists(lastInteractionAt) OR lastInteractionAt < :at',
    ExpressionAttributeValues: { ':at': at },
  });
}

export async function getContact(table: Table, email: string): Promise<TContact | undefined> {
  const { Item } = await table.db.send(new GetCommand({ TableName: table.name, Key: keys.contact(email), ConsistentRead: true }));
  return Item ? ZContact.parse(Item) : undefined;
}

export async function getRecipient(table: Table, audience: Audience, email: string): Promise<TRecipient | undefined> {
  const { Item } = await table.db.send(new GetCommand({ TableName: table.name, Key: keys.recipient(audience, email), ConsistentRead: true }));
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

/**
 * When each of these addresses was last sent a questionnaire as the *other* audience (a
 * customer who is also staff, or the reverse), by normalised address: one batched read per
 * 100. The frequency cap is per person, across audiences.
 */
export async function lastInvitedAsOther(table: Table, audience: Audience, emails: readonly string[]): Promise<Map<string, string>> {
  const other: Audience = audience === 'staff' ? 'customers' : 'staff';
  const found = await batchGet(table, emails.map((email) => keys.recipient(other, email)), { consistent: true });
  const invited = new Map<string, string>();
  for (const email of emails) {
    const at = found.get(keyId(keys.recipient(other, email)))?.['lastInvitedAt'];
    if (typeof at === 'string') invited.set(normalizeEmail(email), at);
  }
  return invited;
}

/** Records that the recipient was sent a questionnaire at `at`. */
export function markInvited(table: Table, audience: Audience, email: string, at: string): Promise<void> {
  return stampRecipient(table, audience, email, 'SET lastInvitedAt = :at', at);
}

/** Opts a recipient out; a second call keeps the first time. */
export function markUnsubscribed(table: Table, audience: Audience, email: string, at: string): Promise<void> {
  return stampRecipient(table, audience, email, 'SET unsubscribedAt = if_not_exists(unsubscribedAt, :at)', at);
}

/** Sets a time on an existing recipient; an address unknown, or deleted meanwhile (forget), is left alone. */
async function stampRecipient(table: Table, audience: Audience, email: string, update: string, at: string): Promise<void> {
  await writeIf(table, { TableName: table.name, Key: keys.recipient(audience, email), UpdateExpression: update, ConditionExpression: 'attribute_exists(pk)', ExpressionAttributeValues: { ':at': at } });
}

/** Deletes a contact; whether there was one. */
export async function deleteContact(table: Table, email: string): Promise<boolean> {
  const { Attributes } = await table.db.send(new DeleteCommand({ TableName: table.name, Key: keys.contact(email), ReturnValues: 'ALL_OLD' }));
  return Attributes !== undefined;
}
