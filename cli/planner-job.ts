import type { PlannerResult, TPlannerRequest } from '../functions/planner/planner.ts';
import { setMetricsSink } from '../shared/platform/observability/metrics.ts';
import type { LineWriter } from './frame.ts';
import { invokeJob, withLocalPipeline } from './jobs.ts';
import type { DeployedTarget, LocalTarget, Target } from './target.ts';

type PlannerJob = PlannerResult['job'];
type PlannerAnswer<J extends PlannerJob> = Extract<PlannerResult, { job: J }>;

/** Emails of the run that did not go: refused by SES or interrupted, or still failing when the queue gave up. */
export interface Undelivered {
  failed: number;
  deadLettered: number;
}

/** How often a local send reports how far it has got. */
const PROGRESS_EVERY_MS = 2000;

/**
 * Runs a planner job (`send`, `remind`). Locally: in-process against the local stack,
 * delivering the queue to the inbox before returning, and counting what was not delivered.
 * Deployed: invokes the planner function; the sender then delivers from SQS within the SES
 * send rate (its failures show in the stack's SendFailures metric and alarm).
 */
export async function runPlannerJob<J extends PlannerJob>(target: Target, job: J, at: Date | undefined, progress: LineWriter): Promise<PlannerAnswer<J> & { undelivered?: Undelivered }> {
  const { result, undelivered } = target.kind === 'deployed' ? { result: await invokePlanner(target, job, at, progress), undelivered: undefined } : await planLocally(target, job, at, progress);
  if (!answersFor(result, job)) throw new Error('the planner answered for another job');
  return { ...result, ...(undelivered ? { undelivered } : {}) };
}

/** The error a command ends with when some of its emails did not go: it exits 1, saying so. */
export function undeliveredMessage(undelivered: Undelivered | undefined, what: string): string | undefined {
  if (!undelivered) return undefined;
  const total = undelivered.failed + undelivered.deadLettered;
  if (total === 0) return undefined;
  const parts = [
    ...(undelivered.failed ? [`${undelivered.failed} refused by SES or interrupted (recorded as failed on the invitation)`] : []),
    ...(undelivered.deadLettered ? [`${undelivered.deadLettered} still failing after 5 attempts (in the dead-letter queue)`] : []),
  ];
  return `${total} ${what}${total === 1 ? '' : 's'} could not be sent: ${parts.join('; ')}. The local stack’s terminal shows why.`;
}

async function invokePlanner(target: DeployedTarget, job: PlannerJob, at: Date | undefined, progress: LineWriter): Promise<PlannerResult> {
  const request: TPlannerRequest = { job, ...(at ? { at: at.toISOString() } : {}) };
  progress(`Invoking ${job} on ${target.stackName}…`);
  // The function answers with its PlannerResult, as JSON.
  const result = (await invokeJob(target, request)) as PlannerResult;
  progress('Queued; the sender delivers within the SES send rate.');
  return result;
}

function planLocally(target: LocalTarget, job: PlannerJob, at: Date | undefined, progress: LineWriter): Promise<{ result: PlannerResult; undelivered: Undelivered }> {
  return withLocalPipeline(target, at, async (pipeline) => {
    // The sender counts what it could not send as metrics: tally them for this run.
    const undelivered: Undelivered = { failed: 0, deadLettered: 0 };
    const previousSink = setMetricsSink((line) => {
      const point = JSON.parse(line) as Record<string, unknown>;
      if (typeof point['SendFailures'] === 'number') undelivered.failed += point['SendFailures'];
    });
    let ticker: NodeJS.Timeout | undefined;
    try {
      progress(job === 'planWave' ? 'Planning the wave…' : 'Finding who to remind…');
      const result: PlannerResult = job === 'planWave' ? await pipeline.jobs.planWave(at) : await pipeline.jobs.sendReminders(at);
      const queued = result.job === 'planWave' ? result.waves : result.reminders;
      const total = queued.reduce((sum, summary) => sum + summary.queued, 0);
      if (total > 0) {
        progress(`Sending ${total} email${total === 1 ? '' : 's'}…`);
        let reported = -1;
        ticker = setInterval(() => {
          const handled = total - pipeline.sendQueue.depth;
          if (handled !== reported) progress(`  ${(reported = handled)} of ${total} handled`);
        }, PROGRESS_EVERY_MS);
      }
      // Deliver before returning, so the emails are in the inbox when the command ends.
      await pipeline.drained();
      // The last count too: the ticker may not have run since the queue emptied.
      if (total > 0) progress(`  ${total} of ${total} handled`);
      undelivered.deadLettered = pipeline.sendQueue.deadLetters.length;
      return { result, undelivered };
    } finally {
      clearInterval(ticker);
      setMetricsSink(previousSink);
    }
  });
}

function answersFor<J extends PlannerJob>(result: PlannerResult, job: J): result is PlannerAnswer<J> {
  return result.job === job;
}
