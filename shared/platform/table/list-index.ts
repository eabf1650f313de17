import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { TABLE_DESIGN } from './table-design.ts';
import type { Table } from './table-client.ts';

export type Cursor = Record<string, unknown>;

/** One page of a `byList` partition; pass the returned cursor to continue. */
export async function listPage(
  table: Table,
  partition: string,
  options: { cursor?: Cursor; limit?: number; usage?: { readUnits: number } } = {},
): Promise<{ items: Record<string, unknown>[]; cursor?: Cursor }> {
  const page = await table.db.send(new QueryCommand({
    TableName: table.name,
    IndexName: 'byList',
    KeyConditionExpression: '#pk = :pk',
    ExpressionAttributeNames: { '#pk': TABLE_DESIGN.indexes.byList.partitionKey },
    ExpressionAttributeValues: { ':pk': partition },
    ExclusiveStartKey: options.cursor,
    ...(options.limit ? { Limit: options.limit } : {}),
    ...(options.usage ? { ReturnConsumedCapacity: 'TOTAL' as const } : {}),
  }));
  if (options.usage) options.usage.readUnits += page.ConsumedCapacity?.CapacityUnits ?? 0;
  return { items: page.Items ?? [], ...(page.LastEvaluatedKey ? { cursor: page.LastEvaluatedKey } : {}) };
}

/** Every item of a `byList` partition, page by page: the caller never holds more than a page. */
export async function* listAll(table: Table, partition: string, usage?: { readUnits: number }): AsyncGenerator<Record<string, unknown>> {
  let cursor: Cursor | undefined;
  do {
    const page = await listPage(table, partition, { ...(cursor ? { cursor } : {}), ...(usage ? { usage } : {}) });
    yield* page.items;
    cursor = page.cursor;
  } while (cursor);
}

/**
 * Every item of one base-table partition, optionally only sort keys starting with
 * `skPrefix`, page by page.
 */
export async function* partitionItems(
  table: Table,
  partition: { pk: string; skPrefix?: string },
  options: { consistent?: boolean; usage?: { readUnits: number } } = {},
): AsyncGenerator<Record<string, unknown>> {
  let cursor: Cursor | undefined;
  do {
    const page = await table.db.send(new QueryCommand({
      TableName: table.name,
      KeyConditionExpression: partition.skPrefix ? 'pk = :pk AND begins_with(sk, :prefix)' : 'pk = :pk',
      ExpressionAttributeValues: { ':pk': partition.pk, ...(partition.skPrefix ? { ':prefix': partition.skPrefix } : {}) },
      ExclusiveStartKey: cursor,
      ConsistentRead: options.consistent ?? false,
      ...(options.usage ? { ReturnConsumedCapacity: 'TOTAL' as const } : {}),
    }));
    if (options.usage) options.usage.readUnits += page.ConsumedCapacity?.CapacityUnits ?? 0;
    yield* page.Items ?? [];
    cursor = page.LastEvaluatedKey;
  } while (cursor);
}
