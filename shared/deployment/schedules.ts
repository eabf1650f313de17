import type { TDeploymentConfig } from './deployment-config.ts';

/**
 * The jobs the product runs on a clock, and the function (its folder under `functions/`) that
 * runs each: the stack points each schedule at it, the CLI invokes it on a deployed stack and
 * the local stack calls its handler.
 */
export const JOB_FUNCTION = {
  planWave: 'planner',
  sendReminders: 'planner',
  sweepComplaints: 'complaints',
  sendDigests: 'digest',
  sendStaffDigests: 'digest',
} as const;

export type ScheduledJob = keyof typeof JOB_FUNCTION;
export type JobFunction = (typeof JOB_FUNCTION)[ScheduledJob];

export interface ScheduleDefinition {
  readonly job: ScheduledJob;
  readonly description: string;
  /** An EventBridge Scheduler expression, read in `timeZone`. */
  readonly expression: string;
  readonly timeZone: string;
}

/**
 * The schedules, derived from the deployment config: EventBridge Scheduler in the stack,
 * the local clock in `npm start`.
 */
export function scheduleDefinitions(config: TDeploymentConfig): ScheduleDefinition[] {
  const definitions: ScheduleDefinition[] = [
    {
      job: 'planWave',
      description: 'Pick the contacts that are due and queue one questionnaire invitation each',
      expression: config.schedules.planWave,
      timeZone: config.timeZone,
    },
  ];
  if (config.reminders.enabled) {
    definitions.push({
      job: 'sendReminders',
      description: `Queue one reminder to each invitee who has not answered after ${config.reminders.afterDays} days`,
      expression: config.schedules.sendReminders,
      timeZone: config.timeZone,
    });
  }
  definitions.push({
    job: 'sweepComplaints',
    description: 'Escalate complaints past their acknowledge or resolve deadline to the next level, once',
    expression: config.schedules.sweepComplaints,
    timeZone: config.timeZone,
  });
  definitions.push({
    job: 'sendDigests',
    description: 'Aggregate the last whole week and email each manager the digest for their scope',
    expression: config.schedules.sendDigests,
    timeZone: config.timeZone,
  });
  definitions.push({
    job: 'sendStaffDigests',
    description: 'Email each staff member their own figures and comments for the month just ended',
    expression: config.schedules.sendStaffDigests,
    timeZone: config.timeZone,
  });
  return definitions;
}
