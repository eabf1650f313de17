import { BatchGetCommand, BatchWriteCommand, DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { isConditionFailure } from '../../shared/platform/table/table-client.ts';
import { freshTable } from '../support/test-table.ts';

describe('the document client against DynamoDB Local', () => {
  it('stores and reads back every kind of value, dropping undefined attributes', async () => {
    const table = await freshTable();
    const item = {
      pk: 'T#1',
      sk: 'ITEM',
      text: 'naïve — “quoted” <b>&amp;</b> 🎉',
      count: 42,
      ratio: 0.125,
      negative: -7,
      yes: true,
      nothing: null,
      list: [1, 'two', { three: [3] }],
      map: { nested: { deeper: 'yes' }, empty: {} },
      tags: new Set(['a', 'b']),
      scores: new Set([1, 2, 3]),
      bytes: Buffer.from([0, 1, 2, 250, 255]),
      gone: undefined,
    };
    await table.db.send(new PutCommand({ TableName: table.name, Item: item }));
    const { Item } = await table.db.send(new GetCommand({ TableName: table.name, Key: { pk: 'T#1', sk: 'ITEM' }, ConsistentRead: true }));
    const { gone: _gone, bytes, ...rest } = item;
    expect(Item).toMatchObject(rest);
    expect(Item).not.toHaveProperty('gone');
    expect(Buffer.from(Item!['bytes'] as Uint8Array)).toEqual(bytes);
  });

  it('reports a failed condition as ConditionalCheckFailedException and changes nothing', async () => {
    const table = await freshTable();
    const key = { pk: 'T#2', sk: 'ITEM' };
    await table.db.send(new PutCommand({ TableName: table.name, Item: { ...key, version: 1 }, ConditionExpression: 'attribute_not_exists(pk)' }));
    const failure = await table.db.send(new PutCommand({ TableName: table.name, Item: { ...key, version: 2 }, ConditionExpression: 'attribute_not_exists(pk)' })).catch((e: unknown) => e);
    expect(isConditionFailure(failure)).toBe(true);
    const updated = await table.db.send(new UpdateCommand({
      TableName: table.name,
      Key: key,
      UpdateExpression: 'SET version = version + :one, #list = list_append(if_not_exists(#list, :empty), :entry)',
      ExpressionAttributeNames: { '#list': 'history' },
      ExpressionAttributeValues: { ':one': 1, ':empty': [], ':entry': [{ at: 'now' }] },
      ReturnValues: 'ALL_NEW',
    }));
    expect(updated.Attributes).toEqual({ ...key, version: 2, history: [{ at: 'now' }] });
  });

  it('pages a query with its cursor, and writes and reads in batches', async () => {
    const table = await freshTable();
    const items = Array.from({ length: 60 }, (_, i) => ({ pk: 'T#3', sk: `ITEM#${String(i).padStart(3, '0')}`, i }));
    for (let start = 0; start < items.length; start += 25) {
      const { UnprocessedItems } = await table.db.send(new BatchWriteCommand({ RequestItems: { [table.name]: items.slice(start, start + 25).map((Item) => ({ PutRequest: { Item } })) } }));
      expect(UnprocessedItems?.[table.name] ?? []).toEqual([]);
    }
    const seen: number[] = [];
    let cursor: Record<string, unknown> | undefined;
    let pages = 0;
    do {
      const page = await table.db.send(new QueryCommand({ TableName: table.name, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': 'T#3' }, Limit: 25, ExclusiveStartKey: cursor }));
      seen.push(...(page.Items ?? []).map((item) => item['i'] as number));
      cursor = page.LastEvaluatedKey;
      pages++;
    } while (cursor);
    expect(seen).toEqual(items.map((item) => item.i));
    expect(pages).toBeGreaterThanOrEqual(3);

    const { Responses } = await table.db.send(new BatchGetCommand({ RequestItems: { [table.name]: { Keys: [{ pk: 'T#3', sk: 'ITEM#007' }, { pk: 'T#3', sk: 'ITEM#059' }, { pk: 'T#3', sk: 'NONE' }] } } }));
    expect((Responses?.[table.name] ?? []).map((item) => item['i']).sort()).toEqual([59, 7]);

    const { Attributes } = await table.db.send(new DeleteCommand({ TableName: table.name, Key: { pk: 'T#3', sk: 'ITEM#007' }, ReturnValues: 'ALL_OLD' }));
    expect(Attributes).toEqual({ pk: 'T#3', sk: 'ITEM#007', i: 7 });
  });
});
