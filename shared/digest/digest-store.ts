import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { batchGet, keyId } from '../platform/table/batch-get.ts';
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

/**
 * Single rollups by period and segment (a scope's trend), read by key: what each costs
 * follows its own size, never the period's other segments or its responses. Missing ones
 * come back undefined, in the order asked.
 */
export async function readRollupsAt(table: Table, questionnaireId: string, wanted: ReadonlyArray<{ period: string; segment: string }>): Promise<Array<Rollup | undefined>> {
  const keyed = wanted.map((w) => keys.rollup(questionnaireId, w.period, w.segment));
  const found = await batchGet(table, keyed);
  return keyed.map((key) => found.get(keyId(key))?.['rollup'] as Rollup | undefined);
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

/** Whether the segment's digest for `period` was sent (whatever was sent since or before). */
export async function digestSentFor(table: Table, questionnaireId: string, segment: Segment, period: string): Promise<DigestSent | undefined> {
  const { Item } = await table.db.send(new GetCommand({ TableName: table.name, Key: keys.digestSent(questionnaireId, segment, period) }));
  if (Item) return { period: String(Item['period']), sentAt: String(Item['sentAt']) };
  const legacy = (await table.db.send(new GetCommand({ TableName: table.name, Key: keys.lastDigestSent(questionnaireId, segment) }))).Item;
  return legacy?.['period'] === period ? { period, sentAt: String(legacy['sentAt']) } : undefined;
}

/** The digest sent for the latest period before `period`, if any: what "the previous digest" means to its reader. */
export async function previousDigest(table: Table, questionnaireId: string, segment: Segment, period: string): Promise<DigestSent | undefined> {
  const { pk, skPrefix } = keys.digestsSentOf(questionnaireId, segment);
  const { Items = [] } = await table.db.send(
    new QueryCommand({
      TableName: table.name,
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :first AND :before',
      ExpressionAttributeValues: { ':pk': pk, ':first': skPrefix, ':before': keys.digestSent(questionnaireId, segment, period).sk },
      ScanIndexForward: false,
      Limit: 2,
    }),
  );
  const item = Items.find((i) => i['period'] !== period);
  return item ? { period: String(item['period']), sentAt: String(item['sentAt']) } : undefined;
}

/** Records that a segment's digest for a period went out, so that period is never sent twice, in whatever order periods run. */
export async function recordDigestSent(table: Table, questionnaireId: string, segment: Segment, sent: DigestSent & { recipient: string }): Promise<void> {
  await table.db.send(new PutCommand({ TableName: table.name, Item: { ...keys.digestSent(questionnaireId, segment, sent.period), kind: 'digest-sent', ...sent } }));
}
