import type { Table } from '../platform/table/table-client.ts';
import { hasResponse } from '../answering/response-store.ts';
import { isAnonymousInvitation, type TInvitation } from './invitation-store.ts';

/**
 * Whether an invitation has a counted answer, for reminders. An anonymous questionnaire's
 * response cannot be found from its invitation (that is the point), so its invitation's
 * untimed `answered` flag says it; a response stored under the link id, as answers were before
 * response ids, still counts.
 */
export async function isAnswered(table: Table, invitation: TInvitation, questionnaire?: { anonymous: boolean }): Promise<boolean> {
  if ((questionnaire?.anonymous || isAnonymousInvitation(invitation)) && invitation.answered) return true;
  return hasResponse(table, invitation);
}
