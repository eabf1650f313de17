import { DeleteCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import { keys, normalizeEmail } from '../platform/table/keys.ts';
import { batchGet } from '../platform/table/batch-get.ts';
import { writeIf, type Table } from '../platform/table/table-client.ts';

export type SuppressionReason = 'bounce' | 'complaint' | 'manual';

/**
 * Adds an address to the suppression list. The first entry wins: SES may deliver a
 * notification twice or out of order, and a later duplicate must not rewrite history.
 * @returns whether this call added the address.
 */
export async function suppressAddress(
  table: Table,
  entry: { email: string; reason: SuppressionReason; detail: string; at: string },
): Promise<boolean> {
  return writeIf(table, {
    TableName: table.name,
    Item: { ...keys.suppression(entry.email), kind: 'suppression', ...entry, email: normalizeEmail(entry.email) },
    ConditionExpression: 'attribute_not_exists(pk)',
  });
}

export async function isSuppressed(table: Table, email: string): Promise<boolean> {
  const { Item } = await table.db.send(new GetCommand({ TableName: table.name, Key: keys.suppression(email), ProjectionExpression: 'pk' }));
  return Item !== undefined;
}

/** Of these addresses, the normalised ones on the suppression list: one batched read per 100. */
export async function suppressedAmong(table: Table, emails: readonly string[]): Promise<Set<string>> {
  const found = await batchGet(table, emails.map((email) => keys.suppression(email)), { consistent: true });
  return new Set([...found.values()].map((item) => String(item['email'])));
}

/** Takes an address off the list: only for the synthetic addresses `feedback check` suppressed itself. */
export async function removeSuppression(table: Table, email: string): Promise<boolean> {
  const { Attributes } = await table.db.send(new DeleteCommand({ TableName: table.name, Key: keys.suppression(email), ReturnValues: 'ALL_OLD' }));
  return Attributes !== undefined;
}
