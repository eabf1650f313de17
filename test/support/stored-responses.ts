import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { TInvitation } from '../../shared/invitations/invitation-store.ts';
import type { Table } from '../../shared/platform/table/table-client.ts';
import { keys } from '../../shared/platform/table/keys.ts';

// Raw items, read past the product's stores, so that tests see exactly what was written.

/** The stored response to one invitation, as a raw item; undefined before it is answered. */
export async function storedResponseItem(table: Table, invitation: Pick<TInvitation, 'questionnaireId' | 'waveId' | 'linkId'>): Promise<Record<string, unknown> | undefined> {
  const key = keys.response(invitation.questionnaireId, invitation.waveId, invitation.linkId);
  return (await table.db.send(new GetCommand({ TableName: table.name, Key: key, ConsistentRead: true }))).Item;
}

/** Every stored response of a questionnaire's wave, as raw items. */
export async function storedResponseItems(table: Table, questionnaireId: string, waveId: string): Promise<Record<string, unknown>[]> {
  const { Items = [] } = await table.db.send(
    new QueryCommand({ TableName: table.name, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.responsesOf(questionnaireId, waveId).pk }, ConsistentRead: true }),
  );
  return Items;
}
