import type { Table } from '../../shared/storage/table-client.ts';

interface Capacity {
  CapacityUnits?: number;
  ReadCapacityUnits?: number;
  WriteCapacityUnits?: number;
  Table?: { ReadCapacityUnits?: number; WriteCapacityUnits?: number; CapacityUnits?: number };
  GlobalSecondaryIndexes?: Record<string, { ReadCapacityUnits?: number; WriteCapacityUnits?: number; CapacityUnits?: number }>;
}

const READS = new Set(['GetItemCommand', 'QueryCommand', 'ScanCommand', 'BatchGetItemCommand']);

/**
 * Counts DynamoDB capacity units on a table's client: every request asks for
 * `ReturnConsumedCapacity: INDEXES`, and the units reported (table and indexes) are added up
 * as reads or writes by operation.
 */
export function meterCapacity(table: Table) {
  const meter = { reads: 0, writes: 0, calls: 0, reset() { this.reads = 0; this.writes = 0; this.calls = 0; } };
  table.db.middlewareStack.add(
    (next, context) => async (args) => {
      const input = (args as { input: Record<string, unknown> }).input;
      input['ReturnConsumedCapacity'] = 'INDEXES';
      const result = await next(args);
      meter.calls++;
      const output = (result as { output: { ConsumedCapacity?: Capacity | Capacity[] } }).output;
      const consumed = output.ConsumedCapacity;
      const units = (Array.isArray(consumed) ? consumed : consumed ? [consumed] : []).reduce((sum, c) => sum + (c.CapacityUnits ?? 0), 0);
      if (READS.has(String(context.commandName))) meter.reads += units;
      else meter.writes += units;
      return result;
    },
    { step: 'initialize', name: 'meterCapacity' },
  );
  return meter;
}
