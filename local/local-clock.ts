import { Cron } from 'croner';
import { parseScheduleExpression, toUnixCron } from '../shared/platform/schedule/schedule-expression.ts';
import type { ScheduleDefinition, ScheduledJob } from '../shared/deployment/schedules.ts';

export interface RunningClock {
  /** The next time each schedule fires, for the start-up banner. */
  readonly nextRuns: Array<{ job: ScheduledJob; next: Date | undefined }>;
  stop(): void;
}

/**
 * Runs the same schedule definitions the stack gives EventBridge Scheduler, on this
 * machine's clock and in the business's time zone. A job that is still running when its
 * next time comes is not started twice.
 */
export function startLocalClock(
  definitions: readonly ScheduleDefinition[],
  run: (job: ScheduledJob) => Promise<void>,
): RunningClock {
  const stops: Array<() => void> = [];
  const nextRuns: RunningClock['nextRuns'] = [];
  for (const definition of definitions) {
    const parsed = parseScheduleExpression(definition.expression);
    let running = false;
    const fire = async () => {
      if (running) return;
      running = true;
      try {
        await run(definition.job);
      } finally {
        running = false;
      }
    };
    if (parsed.kind === 'rate') {
      const timer = setInterval(() => void fire(), parsed.everyMs);
      stops.push(() => clearInterval(timer));
      nextRuns.push({ job: definition.job, next: new Date(Date.now() + parsed.everyMs) });
    } else {
      const job = new Cron(toUnixCron(parsed), { timezone: definition.timeZone }, () => void fire());
      stops.push(() => job.stop());
      nextRuns.push({ job: definition.job, next: job.nextRun() ?? undefined });
    }
  }
  return { nextRuns, stop: () => stops.forEach((stop) => stop()) };
}
