import { CreateTableCommand, DescribeTableCommand, DynamoDBClient, UpdateTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import { awsClientConfig, CALL_BUDGETS } from '../shared/platform/aws-clients.ts';
import { KEY_ATTRIBUTE_TYPE, TABLE_DESIGN } from '../shared/platform/table/table-design.ts';

/**
 * Creates the product's table in DynamoDB Local from the same design the CDK stack uses.
 * Does nothing if it already exists.
 */
export async function ensureTable(endpoint: string, tableName: string): Promise<'created' | 'existed'> {
  const client = new DynamoDBClient(awsClientConfig({ endpoint }, CALL_BUDGETS.admin));
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return 'existed';
  } catch (error) {
    if ((error as Error).name !== 'ResourceNotFoundException') throw error;
  }
  const indexes = Object.entries(TABLE_DESIGN.indexes);
  const attributes = new Set<string>([TABLE_DESIGN.partitionKey, TABLE_DESIGN.sortKey, ...indexes.flatMap(([, i]) => [i.partitionKey, i.sortKey])]);
  try {
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [...attributes].map((AttributeName) => ({ AttributeName, AttributeType: KEY_ATTRIBUTE_TYPE })),
        KeySchema: [
          { AttributeName: TABLE_DESIGN.partitionKey, KeyType: 'HASH' },
          { AttributeName: TABLE_DESIGN.sortKey, KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: indexes.map(([IndexName, index]) => ({
          IndexName,
          KeySchema: [
            { AttributeName: index.partitionKey, KeyType: 'HASH' },
            { AttributeName: index.sortKey, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        })),
      }),
    );
  } catch (error) {
    if ((error as Error).name === 'ResourceInUseException') return 'existed';
    throw error;
  }
  await client.send(new UpdateTimeToLiveCommand({ TableName: tableName, TimeToLiveSpecification: { AttributeName: TABLE_DESIGN.timeToLiveAttribute, Enabled: true } }));
  return 'created';
}
