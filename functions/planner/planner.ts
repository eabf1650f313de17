import * as z from '../../shared/platform/validation/zod.ts';
import type { TQuestionnaire } from '../../shared/questionnaires/questionnaire-schema.ts';
import type { Table } from '../../shared/platform/table/table-client.ts';
import type { MessageQueue } from '../../shared/platform/queue/message-queue.ts';
import type { TSendRequest } from '../../shared/invitations/invitation-store.ts';
import type { Logger } from '../../shared/platform/observability/logger.ts';
import type { PlanningRules } from '../../shared/invitations/eligibility.ts';
import { planWave, type PlanSummary } from '../../shared/invitations/plan-wave.ts';
import { planReminders, type ReminderSummary } from '../../shared/invitations/plan-reminders.ts';

/**
 * What EventBridge Scheduler sends (the schedule's input), or what the CLI sends when an
 * admin runs a job by hand. Unknown fields are allowed: AWS envelopes may add to it.
 */
export const ZPlannerRequest = z.looseObject({
  job: z.enum(['planWave', 'sendReminders']),
  /** Run as of this time instead of now (the CLI's `--at`). */
  at: z.optional(z.iso.datetime()),
});
export type TPlannerRequest = z.input<typeof ZPlannerRequest>;

export type PlannerResult = { job: 'planWave'; waves: PlanSummary[] } | { job: 'sendReminders'; reminders: ReminderSummary[] };

export interface PlannerDependencies {
  readonly table: Table;
  readonly queue: MessageQueue<TSendRequest>;
  readonly questionnaires: readonly TQuestionnaire[];
  readonly rules: PlanningRules;
  readonly timeZone: string;
  /** Days after the invitation that the one reminder goes out. */
  readonly reminderAfterDays: number;
  /** How long a wave's links stay valid; older waves get no reminders. */
  readonly linkValidityDays: number;
  readonly now: () => Date;
  readonly log: Logger;
}

/** Plans waves or reminders for every questionnaire, customer and staff alike. */
export function createPlannerHandler(deps: PlannerDependencies) {
  return async (event: unknown): Promise<PlannerResult> => {
    const request = ZPlannerRequest.parse(event);
    const now = request.at ? new Date(request.at) : deps.now();
    if (request.job === 'sendReminders') {
      const reminders: ReminderSummary[] = [];
      for (const questionnaire of deps.questionnaires) {
        const summary = await planReminders({
          table: deps.table,
          queue: deps.queue,
          questionnaire,
          afterDays: deps.reminderAfterDays,
          openForDays: deps.linkValidityDays,
          now,
        });
        deps.log.info('reminders planned', { questionnaireId: questionnaire.id, considered: summary.considered, queued: summary.queued });
        reminders.push(summary);
      }
      return { job: 'sendReminders', reminders };
    }
    const waves: PlanSummary[] = [];
    for (const questionnaire of deps.questionnaires) {
      const summary = await planWave({ table: deps.table, queue: deps.queue, questionnaire, rules: deps.rules, timeZone: deps.timeZone, now });
      deps.log.info('wave planned', {
        questionnaireId: questionnaire.id,
        waveId: summary.waveId,
        benchmark: summary.benchmark,
        considered: summary.considered,
        queued: summary.queued,
        alreadyInvited: summary.alreadyInvited,
      });
      waves.push(summary);
    }
    return { job: 'planWave', waves };
  };
}
