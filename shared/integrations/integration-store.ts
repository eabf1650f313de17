import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../platform/table/keys.ts';
import type { Table } from '../platform/table/table-client.ts';

/** Whether a destination was switched off (its receiver answered 410 Gone). */
export async function isDestinationDisabled(table: Table, id: string): Promise<boolean> {
  const { Item } = await table.db.send(new GetCommand({ TableName: table.name, Key: keys.disabledDestination(id), ProjectionExpression: 'pk' }));
  return Item !== undefined;
}

/**
 * Switches a destination off. A receiver that answers 410 has told us it is gone for good:
 * retrying it for a day would only fill the dead-letter queue. Delete the item (or give the
 * webhook a new id) to switch it on again.
 */
export async function disableDestination(table: Table, id: string, at: string, status: number): Promise<void> {
  await table.db.send(new PutCommand({ TableName: table.name, Item: { ...keys.disabledDestination(id), kind: 'disabled-destination', id, at, status } }));
}
