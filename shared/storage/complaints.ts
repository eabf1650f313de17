import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { TInvitation } from './invitations.ts';
import { isConditionFailure, type Table } from './table-client.ts';
import type { ComplaintReason } from '../questionnaire/complaint-rules.ts';

export interface TComplaintOpening {
  readonly invitation: TInvitation;
  readonly reasons: ComplaintReason[];
  readonly anonymous: boolean;
  readonly at: string;
}

/**
 * Opens the complaint for a response, once: the key is the response's, so a resubmission
 * or a retried request finds the complaint already open and changes nothing. The
 * complaints flow escalates what this creates.
 * @returns whether this call opened it.
 */
export async function openComplaint(table: Table, complaint: TComplaintOpening): Promise<boolean> {
  const { invitation } = complaint;
  try {
    await table.db.send(
      new PutCommand({
        TableName: table.name,
        Item: {
          pk: `COMPLAINT#${invitation.questionnaireId}#${invitation.waveId}#${invitation.linkId}`,
          sk: 'COMPLAINT',
          kind: 'complaint',
          state: 'open',
          questionnaireId: invitation.questionnaireId,
          waveId: invitation.waveId,
          linkId: invitation.linkId,
          reasons: complaint.reasons,
          customer: complaint.anonymous ? null : { email: invitation.email, name: invitation.name },
          staffEmail: invitation.staffEmail ?? null,
          departmentId: invitation.departmentId ?? null,
          createdAt: complaint.at,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}
