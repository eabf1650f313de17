import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import type { Table } from './table-client.ts';

type Key = { pk: string; sk: string };

/** DynamoDB takes at most 100 keys per BatchGetItem. */
const BATCH_LIMIT = 100;
const MAX_ROUNDS = 8;

/**
 * Reads many items by key in as few calls as DynamoDB allows, retrying what it leaves
 * unprocessed. Returns the items found, by `pk|sk`.
 */
export async function batchGet(table: Table, keys: readonly Key[], options: { consistent?: boolean } = {}): Promise<Map<string, Record<string, unknown>>> {
  const found = new Map<string, Record<string, unknown>>();
  const unique = [...new Map(keys.map((k) => [keyId(k), k])).values()];
  for (let start = 0; start < unique.length; start += BATCH_LIMIT) {
    let pending: Key[] = unique.slice(start, start + BATCH_LIMIT);
    for (let round = 0; pending.length > 0; round++) {
      if (round >= MAX_ROUNDS) throw new Error(`DynamoDB left ${pending.length} keys unprocessed`);
      if (round > 0) await new Promise((resolve) => setTimeout(resolve, 25 * 2 ** round * Math.random()));
      const { Responses, UnprocessedKeys } = await table.db.send(new BatchGetCommand({ RequestItems: { [table.name]: { Keys: pending, ConsistentRead: options.consistent ?? false } } }));
      for (const item of Responses?.[table.name] ?? []) found.set(keyId({ pk: String(item['pk']), sk: String(item['sk']) }), item);
      pending = (UnprocessedKeys?.[table.name]?.Keys ?? []) as Key[];
    }
  }
  return found;
}

export const keyId = (key: Key) => `${key.pk}|${key.sk}`;
