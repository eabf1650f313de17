import type { TQuestionnaire } from '../questionnaires/questionnaire-schema.ts';
import type { Table } from '../platform/table/table-client.ts';
import type { MessageQueue } from '../platform/queue/message-queue.ts';
import { listInvitationsPage, type TInvitation, type TSendRequest } from './invitation-store.ts';
import { isAnswered } from './answered.ts';
import { listOpenWaves } from './wave-store.ts';
import { getRecipient } from '../people/contact-store.ts';
import { isSuppressed } from '../people/suppression-store.ts';
import { LIST_SHARDS } from '../platform/table/table-design.ts';
import { reminderVerdict } from './reminders.ts';
import { valueRotation } from '../questionnaires/value-rotation.ts';

export interface PlanRemindersInput {
  readonly table: Table;
  readonly queue: MessageQueue<TSendRequest>;
  readonly questionnaire: TQuestionnaire;
  readonly afterDays: number;
  /** Waves older than this are closed: their links have expired. */
  readonly openForDays: number;
  readonly now: Date;
}

export interface ReminderSummary {
  questionnaireId: string;
  waves: string[];
  considered: number;
  queued: number;
}

/**
 * Queues the one reminder for each invitation of the questionnaire's open waves whose
 * recipient has not answered. The sender records it with a conditional write, so a rerun
 * or a redelivered message never reminds twice.
 */
export async function planReminders(input: PlanRemindersInput): Promise<ReminderSummary> {
  const { table, questionnaire, now } = input;
  const waves = await listOpenWaves(table, questionnaire.id, new Date(now.getTime() - input.openForDays * 86_400_000).toISOString());
  const summary: ReminderSummary = { questionnaireId: questionnaire.id, waves: waves.map((w) => w.waveId), considered: 0, queued: 0 };
  for (const wave of waves) {
    // A reminder asks the values in turn too (its own rotation: who is reminded is not known at planning).
    const rotation = valueRotation(questionnaire, `${wave.waveId}|reminder`);
    for (let shard = 0; shard < LIST_SHARDS; shard++) {
      let cursor: Record<string, unknown> | undefined;
      do {
        const page = await listInvitationsPage(table, questionnaire.id, wave.waveId, shard, cursor);
        cursor = page.cursor;
        const due = await Promise.all(page.invitations.map(async (invitation) => ((await shouldRemind(input, invitation)) ? invitation : undefined)));
        const requests = due
          .filter((i): i is TInvitation => i !== undefined)
          .map((i): TSendRequest => {
            const valueIds = rotation.next(i.departmentId);
            return { kind: 'reminder', questionnaireId: i.questionnaireId, waveId: i.waveId, email: i.email, ...(valueIds ? { valueIds } : {}) };
          });
        await input.queue.send(requests);
        summary.considered += page.invitations.length;
        summary.queued += requests.length;
      } while (cursor);
    }
  }
  return summary;
}

async function shouldRemind(input: PlanRemindersInput, invitation: TInvitation): Promise<boolean> {
  // Cheap checks first: most invitations are too early, reminded or unsent.
  const early = reminderVerdict(invitation, { answered: false, optedOut: false }, input.now, input.afterDays);
  if (!early.remind) return false;
  const [answered, recipient, suppressed] = await Promise.all([
    isAnswered(input.table, invitation, input.questionnaire),
    getRecipient(input.table, invitation.audience, invitation.email),
    isSuppressed(input.table, invitation.email),
  ]);
  const optedOut = !recipient || recipient.unsubscribedAt !== undefined || suppressed;
  return reminderVerdict(invitation, { answered, optedOut }, input.now, input.afterDays).remind;
}
