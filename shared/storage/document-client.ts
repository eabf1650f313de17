import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { AwsJsonClient, Interceptor } from '../aws/aws-json-client.ts';

/** An item as the product sees it: plain JavaScript values, marshalled at the wire. */
export type Item = Record<string, unknown>;

type ReturnConsumedCapacity = 'INDEXES' | 'TOTAL' | 'NONE';

interface Expressions {
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues?: Item;
}

export interface ConsumedCapacity {
  TableName?: string;
  CapacityUnits?: number;
  ReadCapacityUnits?: number;
  WriteCapacityUnits?: number;
  Table?: { CapacityUnits?: number; ReadCapacityUnits?: number; WriteCapacityUnits?: number };
  GlobalSecondaryIndexes?: Record<string, { CapacityUnits?: number; ReadCapacityUnits?: number; WriteCapacityUnits?: number }>;
}

export interface GetInput extends Pick<Expressions, 'ExpressionAttributeNames'> {
  TableName: string;
  Key: Item;
  ConsistentRead?: boolean;
  ProjectionExpression?: string;
  ReturnConsumedCapacity?: ReturnConsumedCapacity;
}
export interface PutInput extends Expressions {
  TableName: string;
  Item: Item;
  ConditionExpression?: string;
  ReturnValues?: 'NONE' | 'ALL_OLD';
  ReturnConsumedCapacity?: ReturnConsumedCapacity;
}
export interface UpdateInput extends Expressions {
  TableName: string;
  Key: Item;
  UpdateExpression: string;
  ConditionExpression?: string;
  ReturnValues?: 'NONE' | 'ALL_OLD' | 'UPDATED_OLD' | 'ALL_NEW' | 'UPDATED_NEW';
  ReturnConsumedCapacity?: ReturnConsumedCapacity;
}
export interface DeleteInput extends Expressions {
  TableName: string;
  Key: Item;
  ConditionExpression?: string;
  ReturnValues?: 'NONE' | 'ALL_OLD';
  ReturnConsumedCapacity?: ReturnConsumedCapacity;
}
export interface QueryInput extends Expressions {
  TableName: string;
  IndexName?: string;
  KeyConditionExpression: string;
  FilterExpression?: string;
  ProjectionExpression?: string;
  ExclusiveStartKey?: Item | undefined;
  Limit?: number;
  ScanIndexForward?: boolean;
  ConsistentRead?: boolean;
  Select?: 'ALL_ATTRIBUTES' | 'ALL_PROJECTED_ATTRIBUTES' | 'SPECIFIC_ATTRIBUTES' | 'COUNT';
  ReturnConsumedCapacity?: ReturnConsumedCapacity;
}
export interface ScanInput extends Expressions {
  TableName: string;
  IndexName?: string;
  FilterExpression?: string;
  ProjectionExpression?: string;
  ExclusiveStartKey?: Item | undefined;
  Limit?: number;
  ConsistentRead?: boolean;
  ReturnConsumedCapacity?: ReturnConsumedCapacity;
}
export interface BatchGetInput {
  RequestItems: Record<string, { Keys: Item[]; ConsistentRead?: boolean; ProjectionExpression?: string; ExpressionAttributeNames?: Record<string, string> }>;
  ReturnConsumedCapacity?: ReturnConsumedCapacity;
}
export type WriteRequest = { PutRequest: { Item: Item } } | { DeleteRequest: { Key: Item } };
export interface BatchWriteInput {
  RequestItems: Record<string, WriteRequest[]>;
  ReturnConsumedCapacity?: ReturnConsumedCapacity;
}

interface Consumed {
  ConsumedCapacity?: ConsumedCapacity;
}
type Page = { Items?: Item[]; Count?: number; LastEvaluatedKey?: Item } & Consumed;

/**
 * DynamoDB's item operations with plain JavaScript values, as the AWS SDK's document client
 * offers them (same field names), over {@link AwsJsonClient}. Marshalling is the SDK's own
 * small `@aws-sdk/util-dynamodb`.
 */
export interface DocumentClient {
  get(input: GetInput): Promise<{ Item?: Item } & Consumed>;
  put(input: PutInput): Promise<{ Attributes?: Item } & Consumed>;
  update(input: UpdateInput): Promise<{ Attributes?: Item } & Consumed>;
  delete(input: DeleteInput): Promise<{ Attributes?: Item } & Consumed>;
  query(input: QueryInput): Promise<Page>;
  scan(input: ScanInput): Promise<Page>;
  batchGet(input: BatchGetInput): Promise<{ Responses?: Record<string, Item[]>; UnprocessedKeys?: BatchGetInput['RequestItems']; ConsumedCapacity?: ConsumedCapacity[] }>;
  batchWrite(input: BatchWriteInput): Promise<{ UnprocessedItems?: BatchWriteInput['RequestItems']; ConsumedCapacity?: ConsumedCapacity[] }>;
  /** Wraps every HTTP attempt: for tests that meter capacity or inject faults DynamoDB Local cannot produce. */
  intercept(interceptor: Interceptor): void;
}

type Wire = Record<string, unknown>;

export function createDocumentClient(client: AwsJsonClient): DocumentClient {
  const call = (operation: string, input: object) => client.call<Wire>(operation, input as Wire);
  const page = async (operation: string, input: QueryInput | ScanInput): Promise<Page> => {
    const out = await call(operation, { ...input, ...values(input), ExclusiveStartKey: input.ExclusiveStartKey && toWire(input.ExclusiveStartKey) });
    return { ...out, Items: (out['Items'] as Wire[] | undefined)?.map(fromWire), LastEvaluatedKey: fromWireOptional(out['LastEvaluatedKey']) };
  };
  return {
    async get(input) {
      const out = await call('GetItem', { ...input, Key: toWire(input.Key) });
      return { ...out, Item: fromWireOptional(out['Item']) };
    },
    async put(input) {
      const out = await call('PutItem', { ...input, Item: toWire(input.Item), ...values(input) });
      return { ...out, Attributes: fromWireOptional(out['Attributes']) };
    },
    async update(input) {
      const out = await call('UpdateItem', { ...input, Key: toWire(input.Key), ...values(input) });
      return { ...out, Attributes: fromWireOptional(out['Attributes']) };
    },
    async delete(input) {
      const out = await call('DeleteItem', { ...input, Key: toWire(input.Key), ...values(input) });
      return { ...out, Attributes: fromWireOptional(out['Attributes']) };
    },
    query: (input) => page('Query', input),
    scan: (input) => page('Scan', input),
    async batchGet(input) {
      const RequestItems = mapValues(input.RequestItems, (request) => ({ ...request, Keys: request.Keys.map(toWire) }));
      const out = await call('BatchGetItem', { ...input, RequestItems });
      const unprocessed = out['UnprocessedKeys'] as Record<string, { Keys: Wire[] }> | undefined;
      return {
        ...out,
        Responses: mapValues((out['Responses'] ?? {}) as Record<string, Wire[]>, (items) => items.map(fromWire)),
        UnprocessedKeys: unprocessed && mapValues(unprocessed, (request) => ({ ...request, Keys: request.Keys.map(fromWire) })),
      };
    },
    async batchWrite(input) {
      const RequestItems = mapValues(input.RequestItems, (requests) => requests.map((r) => mapWriteRequest(r, toWire)));
      const out = await call('BatchWriteItem', { ...input, RequestItems });
      const unprocessed = out['UnprocessedItems'] as Record<string, WriteRequest[]> | undefined;
      return { ...out, UnprocessedItems: unprocessed && mapValues(unprocessed, (requests) => requests.map((r) => mapWriteRequest(r, fromWire))) };
    },
    intercept: (interceptor) => client.intercept(interceptor),
  };
}

function values(input: Expressions): { ExpressionAttributeValues?: Wire } {
  return input.ExpressionAttributeValues ? { ExpressionAttributeValues: toWire(input.ExpressionAttributeValues) } : {};
}

function mapValues<A, B>(record: Record<string, A>, f: (value: A) => B): Record<string, B> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, f(value)]));
}

function mapWriteRequest(request: WriteRequest, f: (item: Item) => Item): WriteRequest {
  return 'PutRequest' in request ? { PutRequest: { Item: f(request.PutRequest.Item) } } : { DeleteRequest: { Key: f(request.DeleteRequest.Key) } };
}

// Undefined attributes are dropped, as the document client's `removeUndefinedValues` does.
function toWire(item: Item): Wire {
  return convertBinary(marshall(item, { removeUndefinedValues: true }) as Wire, (bytes) => Buffer.from(bytes as Uint8Array).toString('base64'));
}

function fromWire(item: Wire): Item {
  return unmarshall(convertBinary(item, (text) => Buffer.from(text as string, 'base64')) as Parameters<typeof unmarshall>[0]);
}

function fromWireOptional(item: unknown): Item | undefined {
  return item ? fromWire(item as Wire) : undefined;
}

/**
 * The JSON protocol carries binary attributes (B, BS) as base64 text; the marshaller wants
 * bytes. Converted in place, with nothing copied: every map given here was just marshalled or
 * just parsed, and aggregation passes every item of a period through here.
 */
function convertBinary(attributes: Wire, convert: (value: unknown) => unknown): Wire {
  for (const value of Object.values(attributes)) convertAttribute(value as Wire, convert);
  return attributes;
}

function convertAttribute(value: Wire, convert: (value: unknown) => unknown): void {
  if ('B' in value) value['B'] = convert(value['B']);
  else if ('BS' in value) value['BS'] = (value['BS'] as unknown[]).map(convert);
  else if ('M' in value) convertBinary(value['M'] as Wire, convert);
  else if ('L' in value) for (const element of value['L'] as Wire[]) convertAttribute(element, convert);
}
