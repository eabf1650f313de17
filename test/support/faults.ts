import type { Table } from '../../shared/storage/table-client.ts';

export type Fault = 'throttle' | 'server-error' | undefined;

/**
 * Injects DynamoDB faults into a table's client as HTTP answers, inside the client's retry
 * loop, so they are parsed and retried exactly as real ones would be. DynamoDB Local never
 * throttles or fails by itself: this is the one place the tests fake an AWS behaviour.
 * `operation` is the DynamoDB API name (`PutItem`, `UpdateItem`…), `input` the wire request,
 * `attempt` 1 for a request's first try and more for the client's retries.
 */
export function injectDynamoFaults(table: Table, decide: (operation: string, call: number, input: Record<string, unknown>, attempt: number) => Fault) {
  const stats = { calls: 0, injected: 0 };
  table.db.intercept((next) => async (operation, input, attempt) => {
    stats.calls++;
    const fault = decide(operation, stats.calls, input, attempt);
    if (!fault) return next(operation, input, attempt);
    stats.injected++;
    const [status, type, message] =
      fault === 'throttle'
        ? [400, 'ProvisionedThroughputExceededException', 'Rate of requests exceeds the allowed throughput (injected).']
        : [500, 'InternalServerError', 'Internal server error (injected).'];
    return { status, headers: { 'content-type': 'application/x-amz-json-1.0' }, body: JSON.stringify({ __type: `com.amazonaws.dynamodb.v20120810#${type}`, message }) };
  });
  return stats;
}
