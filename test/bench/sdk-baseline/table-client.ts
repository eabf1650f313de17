import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, BatchWriteCommand, DeleteCommand, DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { DocumentClient } from '../../../shared/storage/document-client.ts';
import type { AwsConnection } from '../../../shared/aws/connect.ts';
import type { Table } from '../../../shared/storage/table-client.ts';

export { isConditionFailure, setEveryField } from '../../../shared/storage/table-client.ts';

/**
 * The product's table client as a typical CDK user writes it: the AWS SDK v3 document
 * client. The benchmark builds each handler with this in place of the lean client, to show
 * what the lean client saves. Not used by the product.
 */
export function openTable(name: string, connection: AwsConnection = {}): Table {
  const doc = DynamoDBDocumentClient.from(new DynamoDBClient(connection.endpoint ? { endpoint: connection.endpoint } : {}), { marshallOptions: { removeUndefinedValues: true } });
  // The document client's command types and the project's interface agree on every field the
  // product uses; the compiler cannot see that through the SDK's middleware generics.
  const send = (command: object) => (doc.send as (c: object) => Promise<never>)(command);
  const db: DocumentClient = {
    get: (input) => send(new GetCommand(input)),
    put: (input) => send(new PutCommand(input)),
    update: (input) => send(new UpdateCommand(input)),
    delete: (input) => send(new DeleteCommand(input)),
    query: (input) => send(new QueryCommand(input)),
    scan: (input) => send(new ScanCommand(input)),
    batchGet: (input) => send(new BatchGetCommand(input)),
    batchWrite: (input) => send(new BatchWriteCommand(input as never)),
    intercept: () => {
      throw new Error('the SDK baseline takes no interceptors');
    },
  };
  return { name, db };
}
