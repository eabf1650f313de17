import { z } from 'zod';
import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { keys, normalizeEmail } from './keys.ts';
import { TABLE_DESIGN } from './table-design.ts';
import { isConditionFailure, type Table } from './table-client.ts';

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

/** Creates or replaces a contact's profile, keeping its send history and opt-out. */
export async function saveContact(table: Table, contact: TContact): Promise<void> {
  const { lastInvitedAt: _sent, unsubscribedAt: _optOut, ...profile } = contact;
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const sets = Object.entries({ ...profile, ...keys.contactListing(contact.email), kind: 'contact' }).map(([field, value]) => {
    names[`#${field}`] = field;
    values[`:${field}`] = value;
    return `#${field} = :${field}`;
  });
  await table.db.send(
    new UpdateCommand({
      TableName: table.name,
      Key: keys.contact(contact.email),
      UpdateExpression: `SET ${sets.join(', ')}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    }),
  );
}

export async function getContact(table: Table, email: string): Promise<TContact | undefined> {
  const { Item } = await table.db.send(new GetCommand({ TableName: table.name, Key: keys.contact(email) }));
  return Item ? ZContact.parse(Item) : undefined;
}

/** One page of one shard of the contact list; pass the returned cursor to continue. */
export async function listContactsPage(
  table: Table,
  shard: number,
  cursor?: Record<string, unknown>,
  pageSize = 100,
): Promise<{ contacts: TContact[]; cursor?: Record<string, unknown> }> {
  const index = TABLE_DESIGN.indexes.byList;
  const { Items = [], LastEvaluatedKey } = await table.db.send(
    new QueryCommand({
      TableName: table.name,
      IndexName: 'byList',
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': index.partitionKey },
      ExpressionAttributeValues: { ':pk': keys.contactShard(shard).gsi1pk },
      ExclusiveStartKey: cursor,
      Limit: pageSize,
    }),
  );
  return { contacts: Items.map((item) => ZContact.parse(item)), cursor: LastEvaluatedKey };
}

/** Records that the contact was sent a questionnaire at `at`. */
export async function markInvited(table: Table, email: string, at: string): Promise<void> {
  await table.db.send(
    new UpdateCommand({
      TableName: table.name,
      Key: keys.contact(email),
      UpdateExpression: 'SET lastInvitedAt = :at',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':at': at },
    }),
  );
}

/** Opts a contact out; a second call keeps the first time. Unknown addresses are ignored. */
export async function markUnsubscribed(table: Table, email: string, at: string): Promise<void> {
  await table.db.send(
    new UpdateCommand({
      TableName: table.name,
      Key: keys.contact(email),
      UpdateExpression: 'SET unsubscribedAt = if_not_exists(unsubscribedAt, :at)',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':at': at },
    }),
  ).catch((error: unknown) => {
    if (!isConditionFailure(error)) throw error;
  });
}

