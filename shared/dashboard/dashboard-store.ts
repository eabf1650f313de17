import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../platform/table/keys.ts';
import { writeIf, type Table } from '../platform/table/table-client.ts';
import type { DashboardScope } from './dashboard-scope.ts';

/**
 * When the scope's dashboard links were last revoked (epoch milliseconds): links issued
 * before it no longer open. One small GetItem per page.
 */
export async function revokedBefore(table: Table, scope: DashboardScope): Promise<number | undefined> {
  const { Item } = await table.db.send(new GetCommand({ TableName: table.name, Key: keys.dashboardRevocation(scope) }));
  return typeof Item?.['revokedBeforeMs'] === 'number' ? Item['revokedBeforeMs'] : undefined;
}

/**
 * Revokes every dashboard link for `scope` issued before `at`. The marker only moves forward:
 * a revocation run from a machine whose clock is behind never brings back links a later one
 * revoked. Whether this call moved it.
 */
export async function revokeDashboardLinks(table: Table, scope: DashboardScope, at: Date): Promise<boolean> {
  return writeIf(table, {
    TableName: table.name,
    Item: { ...keys.dashboardRevocation(scope), kind: 'dashboard-revocation', revokedBeforeMs: at.getTime(), revokedAt: at.toISOString() },
    ConditionExpression: 'attribute_not_exists(pk) OR revokedBeforeMs < :at',
    ExpressionAttributeValues: { ':at': at.getTime() },
  });
}
