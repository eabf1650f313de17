import type { Table } from '../platform/table/table-client.ts';
import type { TQuestionnaire } from '../questionnaires/questionnaire-schema.ts';
import { invitationsOf } from '../invitations/invitation-store.ts';
import { getResponse, type TResponse } from '../answering/response-store.ts';
import { getComplaint, type TComplaint } from './complaint-store.ts';
import { getDepartment, getStaffMember } from '../people/directory-store.ts';

export interface EarlierContact {
  questionnaireId: string;
  waveId: string;
  answeredAt?: string;
  headlineScore?: number;
  complaintState?: TComplaint['state'];
}

/** Everything a manager needs to act on a complaint, gathered from the table. */
export interface ComplaintContext {
  complaint: TComplaint;
  questionnaire: TQuestionnaire | undefined;
  response: TResponse | undefined;
  staffName?: string;
  departmentName?: string;
  /** Who manages the complaint's department now (its dashboard link goes to them). */
  departmentManagerEmail?: string;
  ownerName?: string;
  /** The customer's earlier responses and complaints, newest first (none when anonymous). */
  earlier: EarlierContact[];
}

/** How many earlier contacts an escalation shows. */
const EARLIER_LIMIT = 5;

export async function loadComplaintContext(table: Table, questionnaires: readonly TQuestionnaire[], complaint: TComplaint): Promise<ComplaintContext> {
  const [response, staff, department, owner, earlier] = await Promise.all([
    getResponse(table, { questionnaireId: complaint.questionnaireId, waveId: complaint.waveId, linkId: complaint.id, ...(complaint.keyedByResponse ? { responseId: complaint.id } : {}) }),
    complaint.staffEmail ? getStaffMember(table, complaint.staffEmail) : undefined,
    complaint.departmentId ? getDepartment(table, complaint.departmentId) : undefined,
    getStaffMember(table, complaint.ownerEmail),
    complaint.customer ? earlierContacts(table, complaint.customer.email, complaint.id) : Promise.resolve([]),
  ]);
  return {
    complaint,
    questionnaire: questionnaires.find((q) => q.id === complaint.questionnaireId),
    response,
    ...(staff ? { staffName: staff.name } : {}),
    ...(department ? { departmentName: department.name, departmentManagerEmail: department.managerEmail } : {}),
    ...(owner ? { ownerName: owner.name } : {}),
    earlier,
  };
}

async function earlierContacts(table: Table, email: string, excludeLinkId: string): Promise<EarlierContact[]> {
  const invitations = (await invitationsOf(table, email))
    .filter((invitation) => invitation.linkId !== excludeLinkId && invitation.status === 'sent')
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .slice(0, EARLIER_LIMIT);
  return Promise.all(
    invitations.map(async (invitation): Promise<EarlierContact> => {
      const [response, complaint] = await Promise.all([getResponse(table, invitation), getComplaint(table, invitation.linkId)]);
      return {
        questionnaireId: invitation.questionnaireId,
        waveId: invitation.waveId,
        ...(response?.answeredAt ? { answeredAt: response.answeredAt } : {}),
        ...(response?.headlineScore !== undefined ? { headlineScore: response.headlineScore } : {}),
        ...(complaint ? { complaintState: complaint.state } : {}),
      };
    }),
  );
}
