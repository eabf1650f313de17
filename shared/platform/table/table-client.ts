import { randomBytes } from 'node:crypto';
import { DynamoDBClient, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand, UpdateCommand, type PutCommandInput, type UpdateCommandInput } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { awsClientConfig, CALL_BUDGETS, type AwsConnection, type CallBudget } from '../aws-clients.ts';

/** The document client and table every storage operation takes. */
export interface Table {
  readonly db: DynamoDBDocumentClient;
  readonly name: string;
}

/**
 * One client per module scope (reused across invocations, with its connections). Values are
 * plain JavaScript; attributes set to `undefined` are left out rather than refused.
 */
export function openTable(name: string, connection: AwsConnection = {}, budget: CallBudget = CALL_BUDGETS.admin): Table {
  const client = new DynamoDBClient(awsClientConfig(connection, budget));
  return { name, db: DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } }) };
}

/** True for the error DynamoDB returns when a condition expression is not met. */
export function isConditionFailure(error: unknown): boolean {
  return error instanceof Error && error.name === 'ConditionalCheckFailedException';
}

type Item = Record<string, unknown>;
type ConditionalPut = PutCommandInput & { ConditionExpression: string };
type ConditionalUpdate = UpdateCommandInput & { ConditionExpression: string };

/** The outcome of a conditional write: whether it applied, and the item after it when asked for (`ReturnValues: 'ALL_NEW'`). */
export type WriteOutcome = { written: false } | { written: true; item: Item | undefined };

/**
 * The attribute that names the last conditional write of an item. Eight random characters:
 * a few bytes per item buy an unambiguous answer to "did my own earlier attempt land?".
 */
export const WRITE_TOKEN_ATTRIBUTE = 'wt';

/**
 * Runs one conditional put or update; `written: false` when its condition does not hold.
 *
 * The SDK retries a call whose answer was lost (a timeout or a reset after the request went
 * out). If the first attempt landed, its retry fails the condition, and a plain catch would
 * read "someone else did it" — a lost state change and a lost notification. So every
 * conditional write carries a fresh token and refuses to apply twice; when the condition
 * fails after more than one attempt, DynamoDB returns the item as it stands
 * (`ReturnValuesOnConditionCheckFailure`, no extra read or permission), and finding our own
 * token there means the first attempt did the work. (Not finding it proves nothing more than
 * the plain condition failure did: someone may have written since.)
 */
export async function conditionalWrite(table: Table, write: ConditionalPut | ConditionalUpdate): Promise<WriteOutcome> {
  const token = randomBytes(6).toString('base64url');
  const names = { ...write.ExpressionAttributeNames, '#wt': WRITE_TOKEN_ATTRIBUTE };
  const values = { ...write.ExpressionAttributeValues, ':wt': token };
  const condition = `(${write.ConditionExpression}) AND (attribute_not_exists(#wt) OR #wt <> :wt)`;
  const common = { TableName: table.name, ConditionExpression: condition, ExpressionAttributeNames: names, ExpressionAttributeValues: values, ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const };
  try {
    const out =
      'Item' in write && write.Item
        ? await table.db.send(new PutCommand({ ...write, ...common, Item: { ...write.Item, [WRITE_TOKEN_ATTRIBUTE]: token } }))
        : await table.db.send(new UpdateCommand({ ...(write as ConditionalUpdate), ...common, UpdateExpression: withTokenSet((write as ConditionalUpdate).UpdateExpression!) }));
    return { written: true, item: out.Attributes };
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    const failure = error as { $metadata?: { attempts?: number }; Item?: Record<string, AttributeValue> };
    if ((failure.$metadata?.attempts ?? 1) <= 1 || !failure.Item) return { written: false };
    const item = unmarshall(failure.Item);
    return item[WRITE_TOKEN_ATTRIBUTE] === token ? { written: true, item } : { written: false };
  }
}

/** Like {@link conditionalWrite}, answering only whether it applied. */
export async function writeIf(table: Table, write: ConditionalPut | ConditionalUpdate): Promise<boolean> {
  return (await conditionalWrite(table, write)).written;
}

// An update expression has at most one SET clause: the token joins it, or opens one.
function withTokenSet(expression: string): string {
  return /\bSET\s/i.test(expression) ? expression.replace(/\bSET\s+/i, 'SET #wt = :wt, ') : `${expression} SET #wt = :wt`;
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
