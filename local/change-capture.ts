import { DynamoDBClient, GetItemCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { awsClientConfig, CALL_BUDGETS } from '../shared/platform/aws-clients.ts';
import type { Table } from '../shared/platform/table/table-client.ts';

/** A change as a DynamoDB stream record carries it (images marshalled), which is what the publisher reads. */
export interface CapturedChange {
  readonly eventName: 'INSERT' | 'MODIFY' | 'REMOVE';
  readonly dynamodb: { Keys: Record<string, AttributeValue>; OldImage?: Record<string, AttributeValue>; NewImage?: Record<string, AttributeValue> };
}

type Key = Record<string, AttributeValue>;
const WRITES = /^(Put|Update|Delete|BatchWrite|TransactWrite)/;

/**
 * The local stand-in for the table's stream. The SDK has a DynamoDB Streams client, and
 * DynamoDB Local serves streams, but that client is not among the project's dependencies; so
 * locally a middleware on the table's client reads each written item before and after the
 * write (consistent reads on a separate client) and hands the pair on in a stream record's
 * shape. Unlike a stream, what is captured in a process that then dies is lost: acceptable
 * on one machine, and the reason the deployed stack publishes from the real stream.
 */
export function captureChanges(table: Table, endpoint: string, onChange: (change: CapturedChange) => void): void {
  const reader = new DynamoDBClient(awsClientConfig({ endpoint }, CALL_BUDGETS.admin));
  const read = async (key: Key) => (await reader.send(new GetItemCommand({ TableName: table.name, Key: key, ConsistentRead: true }))).Item;
  table.db.middlewareStack.add(
    (next, context) => async (args) => {
      const keys = WRITES.test(context.commandName ?? '') ? writtenKeys(args.input as Record<string, unknown>) : [];
      if (keys.length === 0) return next(args);
      const before = await Promise.all(keys.map(read));
      try {
        return await next(args);
      } finally {
        const after = await Promise.all(keys.map(read));
        keys.forEach((key, i) => {
          const [old, now] = [before[i], after[i]];
          if (JSON.stringify(old) === JSON.stringify(now)) return;
          const eventName = !old ? 'INSERT' : !now ? 'REMOVE' : 'MODIFY';
          onChange({ eventName, dynamodb: { Keys: key, ...(old ? { OldImage: old } : {}), ...(now ? { NewImage: now } : {}) } });
        });
      }
    },
    // After the document client has marshalled the input: keys are attribute values here.
    { step: 'build', name: 'localChangeCapture' },
  );
}

/** The keys (pk, sk) a write command touches, from its marshalled input. */
function writtenKeys(input: Record<string, unknown>): Key[] {
  const keyOf = (item: unknown): Key[] => {
    const { pk, sk } = (item ?? {}) as Key;
    return pk && sk ? [{ pk, sk }] : [];
  };
  if (input['Item']) return keyOf(input['Item']);
  if (input['Key']) return keyOf(input['Key']);
  const batches = Object.values((input['RequestItems'] ?? {}) as Record<string, Array<{ PutRequest?: { Item: unknown }; DeleteRequest?: { Key: unknown } }>>);
  const transact = (input['TransactItems'] ?? []) as Array<{ Put?: { Item: unknown }; Update?: { Key: unknown }; Delete?: { Key: unknown } }>;
  return [
    ...batches.flat().flatMap((request) => keyOf(request.PutRequest?.Item ?? request.DeleteRequest?.Key)),
    ...transact.flatMap((write) => keyOf(write.Put?.Item ?? write.Update?.Key ?? write.Delete?.Key)),
  ];
}
