import { keys, normalizeEmail } from './keys.ts';
import { isConditionFailure, type Table } from './table-client.ts';

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
  try {
    await table.db.put({
      TableName: table.name,
      Item: { ...keys.suppression(entry.email), kind: 'suppression', ...entry, email: normalizeEmail(entry.email) },
      ConditionExpression: 'attribute_not_exists(pk)',
    });
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

export async function isSuppressed(table: Table, email: string): Promise<boolean> {
  const { Item } = await table.db.get({ TableName: table.name, Key: keys.suppression(email), ProjectionExpression: 'pk' });
  return Item !== undefined;
}
