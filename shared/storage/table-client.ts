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

/** `SET #a = :a, #b = :b …` for every field, with its names and values, for upserts that keep other attributes. */
export function setEveryField(fields: Record<string, unknown>): {
  UpdateExpression: string;
  ExpressionAttributeNames: Record<string, string>;
  ExpressionAttributeValues: Record<string, unknown>;
} {
  const entries = Object.entries(fields).filter(([, value]) => value !== undefined);
  return {
    UpdateExpression: `SET ${entries.map(([field]) => `#${field} = :${field}`).join(', ')}`,
    ExpressionAttributeNames: Object.fromEntries(entries.map(([field]) => [`#${field}`, field])),
    ExpressionAttributeValues: Object.fromEntries(entries.map(([field, value]) => [`:${field}`, value])),
  };
}
