import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** The document client and table every storage operation takes. */
export interface Table {
  readonly db: DynamoDBDocumentClient;
  readonly name: string;
}

/**
 * One client per module scope (reused across invocations). `endpoint` points at DynamoDB
 * Local; there the SDK still wants a Region and credentials, which the emulator ignores.
 */
export function openTable(name: string, endpoint?: string): Table {
  const client = new DynamoDBClient(
    endpoint
      ? { endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {},
  );
  return {
    name,
    db: DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } }),
  };
}

/** True for the error DynamoDB returns when a condition expression is not met. */
export function isConditionFailure(error: unknown): boolean {
  return error instanceof Error && error.name === 'ConditionalCheckFailedException';
}
