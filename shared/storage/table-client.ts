import { DYNAMODB } from '../aws/aws-json-client.ts';
import { connectAws, type AwsConnection } from '../aws/connect.ts';
import { createDocumentClient, type DocumentClient } from './document-client.ts';

/** The document client and table every storage operation takes. */
export interface Table {
  readonly db: DocumentClient;
  readonly name: string;
}

/** One client per module scope (reused across invocations, with its connections); `endpoint` is DynamoDB Local's. */
export function openTable(name: string, connection: AwsConnection = {}): Table {
  return { name, db: createDocumentClient(connectAws(DYNAMODB, connection)) };
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
