import { Cron } from 'croner';
import type { TDeploymentConfig } from '../../shared/deployment/deployment-config.ts';
import { scheduleDefinitions, type ScheduledJob } from '../../shared/deployment/schedules.ts';
import { parseScheduleExpression, toUnixCron } from '../../shared/platform/schedule/schedule-expression.ts';

export interface ExpectedSchedule {
  readonly job: ScheduledJob;
  readonly expression: string;
  /** When it runs next, in the business time zone, as a person reads it. */
  readonly next: string;
}

/**
 * The schedules the config defines, each with its next run after `from` written in the
 * business time zone: what the deployed schedules (or the local clock) should show.
 */
export function expectedSchedules(config: TDeploymentConfig, from: Date): ExpectedSchedule[] {
  return scheduleDefinitions(config).map((definition) => {
    const parsed = parseScheduleExpression(definition.expression);
    if (parsed.kind === 'rate') return { job: definition.job, expression: definition.expression, next: `every ${Math.round(parsed.everyMs / 60_000)} min` };
    const next = new Cron(toUnixCron(parsed), { timezone: definition.timeZone, paused: true }).nextRun(from);
    return { job: definition.job, expression: definition.expression, next: next ? localTime(next, definition.timeZone) : 'never' };
  });
}

function localTime(at: Date, timeZone: string): string {
  const text = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
  return `${text} ${timeZone}`;
}

/** The schedules in one line each: `planWave cron(0 9 ? * MON *) → next Mon 7 Dec, 09:00 Europe/London`. */
export function describeSchedules(schedules: readonly ExpectedSchedule[]): string {
  return schedules.map((s) => `${s.job} ${s.next.startsWith('every') ? s.next : `next ${s.next}`}`).join('; ');
}
