import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { batchWrite } from '../platform/table/batch-write.ts';
import { keys, type Segment } from '../platform/table/keys.ts';
import { partitionItems } from '../platform/table/list-index.ts';
import type { Table } from '../platform/table/table-client.ts';
import type { Rollup } from './rollup.ts';

/**
 * The period's rollups: one Query however many responses the period had. `usage`, when
 * given, receives the read units consumed (the benchmark and tests check they stay flat).
 */
export async function readRollups(table: Table, questionnaireId: string, period: string, usage?: { readUnits: number }): Promise<Rollup[]> {
  const rollups: Rollup[] = [];
  for await (const item of partitionItems(table, keys.rollupsOf(questionnaireId, period), usage ? { usage } : {})) rollups.push(item['rollup'] as Rollup);
  return rollups;
}

/** Writes a period's rollups and deletes those of segments that no longer have any: a re-run replaces, never adds. */
export async function replaceRollups(table: Table, questionnaireId: string, period: string, rollups: readonly Rollup[]): Promise<void> {
  const keep = new Set(rollups.map((r) => r.segment));
  const stale = (await readRollups(table, questionnaireId, period)).filter((r) => !keep.has(r.segment));
  await batchWrite(table, [
    ...stale.map((r) => ({ DeleteRequest: { Key: keys.rollup(questionnaireId, period, r.segment) } })),
    ...rollups.map((r) => ({ PutRequest: { Item: { ...keys.rollup(questionnaireId, period, r.segment), kind: 'rollup', questionnaireId, period, rollup: r } } })),
  ]);
}

/** Replaces the comments quoted in one rollup (the privacy `forget` removes a person's). */
export async function setRollupComments(table: Table, questionnaireId: string, period: string, segment: string, comments: Rollup['comments']): Promise<void> {
  await table.db.send(
    new UpdateCommand({ TableName: table.name, Key: keys.rollup(questionnaireId, period, segment), UpdateExpression: 'SET #rollup.comments = :kept', ExpressionAttributeNames: { '#rollup': 'rollup' }, ExpressionAttributeValues: { ':kept': comments } }),
  );
}

export interface DigestSent {
  period: string;
  sentAt: string;
}

/** The last digest sent for a questionnaire and segment, if any. */
export async function lastDigest(table: Table, questionnaireId: string, segment: Segment): Promise<DigestSent | undefined> {
  const { Item } = await table.db.send(new GetCommand({ TableName: table.name, Key: keys.digestSent(questionnaireId, segment) }));
  return Item ? { period: String(Item['period']), sentAt: String(Item['sentAt']) } : undefined;
}

/** Records that a segment's digest went out, so the same period is not sent twice. */
export async function recordDigestSent(table: Table, questionnaireId: string, segment: Segment, sent: DigestSent & { recipient: string }): Promise<void> {
  await table.db.send(new PutCommand({ TableName: table.name, Item: { ...keys.digestSent(questionnaireId, segment), kind: 'digest-sent', ...sent } }));
}
