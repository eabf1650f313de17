import { createAwsJsonClient, DYNAMODB } from '../aws/aws-json-client.ts';
import { credentialsFromEnvironment, EMULATOR_CREDENTIALS, regionFromEnvironment, type CredentialsProvider } from '../aws/credentials.ts';
import { createDocumentClient, type DocumentClient } from './document-client.ts';

/** The document client and table every storage operation takes. */
export interface Table {
  readonly db: DocumentClient;
  readonly name: string;
}

export interface TableConnection {
  /** DynamoDB Local's URL; the Region's DynamoDB when absent. */
  readonly endpoint?: string | undefined;
  /** @default the Lambda environment's `AWS_REGION` */
  readonly region?: string;
  /** @default the Lambda environment's credentials */
  readonly credentials?: CredentialsProvider;
}

/**
 * One client per module scope (reused across invocations, with its connections). DynamoDB
 * Local ignores signatures, so it gets placeholder credentials and Region.
 */
export function openTable(name: string, connection: TableConnection = {}): Table {
  const local = connection.endpoint !== undefined;
  const client = createAwsJsonClient({
    service: DYNAMODB,
    endpoint: connection.endpoint,
    region: connection.region ?? (local ? 'local' : regionFromEnvironment()),
    credentials: connection.credentials ?? (local ? EMULATOR_CREDENTIALS : credentialsFromEnvironment()),
  });
  return { name, db: createDocumentClient(client) };
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
