import type { PlannerResult, TPlannerRequest } from '../functions/planner/planner.ts';
import type { LineWriter } from './frame.ts';
import { invokeJob, withLocalPipeline } from './jobs.ts';
import type { DeployedTarget, LocalTarget, Target } from './target.ts';

type PlannerJob = PlannerResult['job'];
type PlannerAnswer<J extends PlannerJob> = Extract<PlannerResult, { job: J }>;

/**
 * Runs a planner job (`send`, `remind`). Locally: in-process against the local stack,
 * delivering the queue to the inbox before returning. Deployed: invokes the planner
 * function; the sender then delivers from SQS within the SES send rate.
 */
export async function runPlannerJob<J extends PlannerJob>(target: Target, job: J, at: Date | undefined, out: LineWriter): Promise<PlannerAnswer<J>> {
  const result = target.kind === 'deployed' ? await invokePlanner(target, job, at, out) : await planLocally(target, job, at, out);
  if (!answersFor(result, job)) throw new Error('the planner answered for another job');
  return result;
}

async function invokePlanner(target: DeployedTarget, job: PlannerJob, at: Date | undefined, out: LineWriter): Promise<PlannerResult> {
  const request: TPlannerRequest = { job, ...(at ? { at: at.toISOString() } : {}) };
  // The function answers with its PlannerResult, as JSON.
  const result = (await invokeJob(target, request)) as PlannerResult;
  out('Queued; the sender delivers within the SES send rate.');
  return result;
}

function planLocally(target: LocalTarget, job: PlannerJob, at: Date | undefined, out: LineWriter): Promise<PlannerResult> {
  return withLocalPipeline(target, at, async (pipeline) => {
    const result: PlannerResult = job === 'planWave' ? await pipeline.jobs.planWave(at) : await pipeline.jobs.sendReminders(at);
    const queued = result.job === 'planWave' ? result.waves : result.reminders;
    const total = queued.reduce((sum, summary) => sum + summary.queued, 0);
    if (total > 0) out(`Sending ${total} email(s)…`);
    // Deliver before returning, so the emails are in the inbox when the command ends.
    await pipeline.drained();
    const undelivered = pipeline.sendQueue.deadLetters.length;
    if (undelivered > 0) out(`${undelivered} email(s) could not be sent after retries.`);
    return result;
  });
}

function answersFor<J extends PlannerJob>(result: PlannerResult, job: J): result is PlannerAnswer<J> {
  return result.job === job;
}
