import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import { TABLE_DESIGN, type IndexName } from '../../shared/platform/table/table-design.ts';
import { TABLE_NAME } from '../../shared/platform/config/common-settings.ts';
import type { ProductFunction } from './product-function.ts';
import { StackPart } from './stack-part.ts';

/** The item operations a function may be granted; never Scan, never `dynamodb:*`. */
export type TableAction = 'GetItem' | 'BatchGetItem' | 'PutItem' | 'UpdateItem' | 'Query' | 'BatchWriteItem';

/** What one function may do on the table. */
export interface TableAccess {
  /** The item operations its code makes, without the `dynamodb:` prefix. */
  readonly actions: readonly TableAction[];
  /** The indexes its code queries. @default none */
  readonly indexes?: readonly IndexName[];
}

/**
 * The product's single table, built from TABLE_DESIGN (the local stack builds the same one):
 * on-demand, point-in-time recovery, deletion protection, retained when the stack is deleted.
 */
export class FeedbackTable extends StackPart {
  readonly table: dynamodb.TableV2;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const key = (name: string) => ({ name, type: dynamodb.AttributeType.STRING });
    this.table = new dynamodb.TableV2(this, 'Table', {
      partitionKey: key(TABLE_DESIGN.partitionKey),
      sortKey: key(TABLE_DESIGN.sortKey),
      billing: dynamodb.Billing.onDemand(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      timeToLiveAttribute: TABLE_DESIGN.timeToLiveAttribute,
      // Domain events are published from the stream (FeedbackIntegrations).
      dynamoStream: dynamodb.StreamViewType.NEW_AND_OLD_IMAGES,
      globalSecondaryIndexes: Object.entries(TABLE_DESIGN.indexes).map(([indexName, index]) => ({
        indexName,
        partitionKey: key(index.partitionKey),
        sortKey: key(index.sortKey),
      })),
    });
  }

  /**
   * Gives `fn` the table: its name (TABLE_NAME) and exactly the operations and indexes in
   * `access`, so each function holds only what its code uses.
   */
  connect(fn: ProductFunction, access: TableAccess): void {
    if (access.actions.length === 0) throw new Error(`${fn.folder}: a table connection needs at least one action`);
    fn.setEnv(TABLE_NAME, this.table.tableName);
    fn.role.addToPolicy(
      new iam.PolicyStatement({
        actions: access.actions.map((action) => `dynamodb:${action}`),
        resources: [this.table.tableArn, ...(access.indexes ?? []).map((index) => `${this.table.tableArn}/index/${index}`)],
      }),
    );
  }
}
