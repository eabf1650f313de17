import { Readable } from 'node:stream';
import type { Table } from '../../shared/platform/table/table-client.ts';

/**
 * `throttle` and `server-error` answer in DynamoDB's place; `lost-answer` lets the request
 * reach DynamoDB Local and then loses its answer, as a timeout after the request went out does.
 */
export type Fault = 'throttle' | 'server-error' | 'lost-answer' | undefined;

/**
 * Injects DynamoDB faults into a table's SDK client, with a middleware inside the SDK's retry
 * loop (after signing, before the answer is parsed), so they are parsed and retried exactly
 * as real ones would be. DynamoDB Local never throttles, fails or loses an answer by itself:
 * this is the one place the tests fake an AWS behaviour.
 * `operation` is the DynamoDB API name (`PutItem`, `UpdateItem`…), `input` the request as sent
 * (attribute values marshalled), `attempt` 1 for a call's first try and more for the SDK's retries.
 */
export function injectDynamoFaults(table: Table, decide: (operation: string, call: number, input: Record<string, unknown>, attempt: number) => Fault) {
  const stats = { calls: 0, injected: 0 };
  table.db.middlewareStack.add(
    (next, context) => async (args) => {
      stats.calls++;
      const operation = String(context.commandName).replace(/Command$/, '');
      const request = args.request as { headers: Record<string, string> };
      const attempt = Number(/attempt=(\d+)/.exec(request.headers['amz-sdk-request'] ?? '')?.[1] ?? 1);
      const fault = decide(operation, stats.calls, args.input as Record<string, unknown>, attempt);
      if (!fault) return next(args);
      stats.injected++;
      if (fault === 'lost-answer') {
        await next(args);
        throw Object.assign(new Error('the answer was lost (injected)'), { name: 'TimeoutError', code: 'ETIMEDOUT' });
      }
      const [statusCode, type, message] =
        fault === 'throttle'
          ? [400, 'ProvisionedThroughputExceededException', 'Rate of requests exceeds the allowed throughput (injected).']
          : [500, 'InternalServerError', 'Internal server error (injected).'];
      const body = JSON.stringify({ __type: `com.amazonaws.dynamodb.v20120810#${type}`, message });
      return { response: { statusCode, headers: { 'content-type': 'application/x-amz-json-1.0' }, body: Readable.from([Buffer.from(body)]) }, output: {} as never };
    },
    { step: 'deserialize', name: 'injectDynamoFaults', priority: 'low' },
  );
  return stats;
}
