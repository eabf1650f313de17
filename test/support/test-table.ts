import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { ensureTable } from '../../local/create-table.ts';
import { openTable, type Table } from '../../shared/platform/table/table-client.ts';

/** A fresh, empty table in the shared DynamoDB Local, built from the product's table design. */
export async function freshTable(): Promise<Table> {
  const endpoint = inject('dynamodbEndpoint');
  const name = `test-${randomUUID()}`;
  await ensureTable(endpoint, name);
  return openTable(name, { endpoint });
}
