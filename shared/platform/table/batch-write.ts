import { BatchWriteCommand, type BatchWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Table } from './table-client.ts';

type WriteRequest = NonNullable<BatchWriteCommandInput['RequestItems']>[string][number];

/** DynamoDB takes at most 25 writes per BatchWriteItem. */
const BATCH_LIMIT = 25;
const MAX_ROUNDS = 8;

/**
 * Puts and deletes many items in as few calls as DynamoDB allows, writing again what it
 * leaves unprocessed (with a growing pause) until all are written.
 */
export async function batchWrite(table: Table, requests: readonly WriteRequest[]): Promise<void> {
  for (let start = 0; start < requests.length; start += BATCH_LIMIT) {
    let pending = requests.slice(start, start + BATCH_LIMIT);
    for (let round = 0; pending.length > 0; round++) {
      if (round >= MAX_ROUNDS) throw new Error(`DynamoDB left ${pending.length} writes unprocessed`);
      if (round > 0) await new Promise((resolve) => setTimeout(resolve, 25 * 2 ** round * Math.random()));
      const { UnprocessedItems } = await table.db.send(new BatchWriteCommand({ RequestItems: { [table.name]: pending } }));
      pending = UnprocessedItems?.[table.name] ?? [];
    }
  }
}
