import type { Table } from '../shared/platform/table/table-client.ts';

const READS = new Set(['GetItem', 'Query', 'Scan', 'BatchGetItem']);

interface Consumed {
  CapacityUnits?: number;
}

/**
 * Counts DynamoDB capacity units on a table's SDK client: a middleware asks every request for
 * `ReturnConsumedCapacity: INDEXES` and adds up the units reported (table and indexes) as
 * reads or writes by operation.
 */
export function meterCapacity(table: Table) {
  const meter = { reads: 0, writes: 0, calls: 0, reset() { this.reads = 0; this.writes = 0; this.calls = 0; } };
  table.db.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as Record<string, unknown>;
      input['ReturnConsumedCapacity'] = 'INDEXES';
      const result = await next(args);
      meter.calls++;
      const consumed = (result.output as { ConsumedCapacity?: Consumed | Consumed[] }).ConsumedCapacity;
      const units = (Array.isArray(consumed) ? consumed : consumed ? [consumed] : []).reduce((sum, c) => sum + (c.CapacityUnits ?? 0), 0);
      if (READS.has(String(context.commandName).replace(/Command$/, ''))) meter.reads += units;
      else meter.writes += units;
      return result;
    },
    { step: 'initialize', name: 'meterCapacity' },
  );
  return meter;
}
