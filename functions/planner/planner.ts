import { z } from 'zod';
import type { TQuestionnaire } from '../../shared/questionnaire/questionnaire-schema.ts';
import type { Table } from '../../shared/storage/table-client.ts';
import type { MessageQueue } from '../../shared/queue/message-queue.ts';
import type { TSendRequest } from '../../shared/storage/invitations.ts';
import type { Logger } from '../../shared/observability/logger.ts';
import type { PlanningRules } from '../../shared/planning/eligibility.ts';
import { planWave, type PlanSummary } from '../../shared/planning/plan-wave.ts';

/**
 * What EventBridge Scheduler sends (the schedule's input), or what the CLI sends when an
 * admin runs the job by hand. Unknown fields are allowed: the payload is ours, but AWS
 * envelopes may add to it.
 */
export const ZPlanRequest = z.looseObject({
  job: z.literal('planWave'),
  /** Plan as of this time instead of now (the CLI's `--at`). */
  at: z.iso.datetime().optional(),
});

export interface PlannerDependencies {
  readonly table: Table;
  readonly queue: MessageQueue<TSendRequest>;
  readonly questionnaires: readonly TQuestionnaire[];
  readonly rules: PlanningRules;
  readonly timeZone: string;
  readonly now: () => Date;
  readonly log: Logger;
}

/** Plans one wave per customer questionnaire. */
export function createPlannerHandler(deps: PlannerDependencies) {
  return async (event: unknown): Promise<PlanSummary[]> => {
    const request = ZPlanRequest.parse(event);
    const now = request.at ? new Date(request.at) : deps.now();
    const summaries: PlanSummary[] = [];
    for (const questionnaire of deps.questionnaires.filter((q) => q.audience === 'customers')) {
      const summary = await planWave({ table: deps.table, queue: deps.queue, questionnaire, rules: deps.rules, timeZone: deps.timeZone, now });
      deps.log.info('wave planned', {
        questionnaireId: questionnaire.id,
        waveId: summary.waveId,
        benchmark: summary.benchmark,
        considered: summary.considered,
        queued: summary.queued,
        alreadyInvited: summary.alreadyInvited,
      });
      summaries.push(summary);
    }
    return summaries;
  };
}
