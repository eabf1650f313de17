import type { ConsumedCapacity } from '../../shared/storage/document-client.ts';
import type { Table } from '../../shared/storage/table-client.ts';

const READS = new Set(['GetItem', 'Query', 'Scan', 'BatchGetItem']);

/**
 * Counts DynamoDB capacity units on a table's client: every request asks for
 * `ReturnConsumedCapacity: INDEXES`, and the units reported (table and indexes) are added up
 * as reads or writes by operation.
 */
export function meterCapacity(table: Table) {
  const meter = { reads: 0, writes: 0, calls: 0, reset() { this.reads = 0; this.writes = 0; this.calls = 0; } };
  table.db.intercept((next) => async (operation, input, attempt) => {
    const response = await next(operation, { ...input, ReturnConsumedCapacity: 'INDEXES' }, attempt);
    if (response.status !== 200) return response;
    meter.calls++;
    const consumed = (JSON.parse(response.body) as { ConsumedCapacity?: ConsumedCapacity | ConsumedCapacity[] }).ConsumedCapacity;
    const units = (Array.isArray(consumed) ? consumed : consumed ? [consumed] : []).reduce((sum, c) => sum + (c.CapacityUnits ?? 0), 0);
    if (READS.has(operation)) meter.reads += units;
    else meter.writes += units;
    return response;
  });
  return meter;
}
