import type { Table } from '../../shared/storage/table-client.ts';

export type Fault = 'throttle' | 'server-error' | undefined;

/**
 * Injects DynamoDB faults into a table's client, inside the SDK's retry loop, so they are
 * retried exactly as real ones would be. DynamoDB Local never throttles or fails by itself:
 * this is the one place the tests fake an AWS behaviour.
 */
export function injectDynamoFaults(table: Table, decide: (command: string, call: number, input: Record<string, unknown>) => Fault) {
  const stats = { calls: 0, injected: 0 };
  table.db.middlewareStack.add(
    (next, context) => async (args) => {
      stats.calls++;
      const fault = decide(String(context.commandName), stats.calls, (args as { input: Record<string, unknown> }).input);
      if (fault) {
        stats.injected++;
        throw fault === 'throttle'
          ? Object.assign(new Error('Rate of requests exceeds the allowed throughput (injected).'), { name: 'ProvisionedThroughputExceededException', $fault: 'client', $metadata: { httpStatusCode: 400 } })
          : Object.assign(new Error('Internal server error (injected).'), { name: 'InternalServerError', $fault: 'server', $metadata: { httpStatusCode: 500 } });
      }
      return next(args);
    },
    { step: 'finalizeRequest', priority: 'low', name: 'injectFaults' },
  );
  return stats;
}
