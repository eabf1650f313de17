import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { TInvitation } from './invitations.ts';
import type { Table } from './table-client.ts';

/**
 * Responses are keyed by the invitation (questionnaire, wave, link id), so a second
 * submission of the same invitation replaces the first and is counted once. The key holds
 * no email: for an anonymous questionnaire the respondent is not stored at all.
 */
function responseKey(invitation: Pick<TInvitation, 'questionnaireId' | 'waveId' | 'linkId'>) {
  return { pk: `RESPONSE#${invitation.questionnaireId}#${invitation.waveId}`, sk: `LINK#${invitation.linkId}` };
}

export async function recordHeadlineAnswer(
  table: Table,
  invitation: TInvitation,
  answer: { score: number; anonymous: boolean; at: string },
): Promise<void> {
  await table.db.send(
    new UpdateCommand({
      TableName: table.name,
      Key: responseKey(invitation),
      UpdateExpression:
        'SET kind = :kind, questionnaireId = :q, waveId = :w, headlineScore = :score, answeredAt = :at, ' +
        'firstAnsweredAt = if_not_exists(firstAnsweredAt, :at), respondent = :respondent',
      ExpressionAttributeValues: {
        ':kind': 'response',
        ':q': invitation.questionnaireId,
        ':w': invitation.waveId,
        ':score': answer.score,
        ':at': answer.at,
        ':respondent': answer.anonymous ? 'anonymous' : invitation.email,
      },
    }),
  );
}

export async function getHeadlineAnswer(table: Table, invitation: TInvitation): Promise<number | undefined> {
  const { Item } = await table.db.send(new GetCommand({ TableName: table.name, Key: responseKey(invitation), ConsistentRead: true }));
  return typeof Item?.['headlineScore'] === 'number' ? Item['headlineScore'] : undefined;
}

export async function hasResponse(table: Table, invitation: Pick<TInvitation, 'questionnaireId' | 'waveId' | 'linkId'>): Promise<boolean> {
  const { Item } = await table.db.send(new GetCommand({ TableName: table.name, Key: responseKey(invitation), ProjectionExpression: 'pk' }));
  return Item !== undefined;
}
