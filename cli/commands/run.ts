import { loadDeploymentConfig } from '../../shared/deployment/load-config.ts';
import type { ScheduledJob } from '../../shared/deployment/schedules.ts';
import { periodOption, timeOption } from '../arguments.ts';
import { defineCommand, EXIT, UsageError } from '../frame.ts';
import { describeJobResult, runScheduledJob, SCHEDULED_JOBS } from '../run-job.ts';

const USAGE = `feedback run JOB [--at ISO-TIME] [--period 2026-W47] [--month 2026-11] [--resend] [--stack NAME] [--region REGION]`;

export const runCommand = defineCommand({
  name: 'run',
  summary: 'run any scheduled job now, as its schedule would (to catch up after an outage)',
  usage: USAGE,
  details: [
    `JOB is one of: ${SCHEDULED_JOBS.join(', ')}.`,
    'Every job is safe to repeat: waves, reminders, escalations and digests are each recorded once.',
    'Locally it runs in this process against `npm start` and delivers what it queued before it ends;',
    'with --stack it invokes the job’s function, whose queues then deliver.',
  ].join('\n'),
  options: {
    at: { type: 'string', description: 'run as if it were this time (ISO 8601); for the digests, picks the period or month they would report then' },
    period: { type: 'string', description: 'sendDigests: the ISO week to report, e.g. 2026-W47' },
    month: { type: 'string', description: 'sendStaffDigests: the month to report, e.g. 2026-11' },
    resend: { type: 'boolean', description: 'the digests: send again even if already sent for the period' },
  },
  runsOnStack: true,
  async run({ options, positionals, out, target }) {
    const job = SCHEDULED_JOBS.find((name) => name === positionals[0]);
    if (!job || positionals.length !== 1) {
      throw new UsageError(`${positionals[0] ? `Unknown job "${positionals[0]}". ` : ''}Usage: ${USAGE}\nJobs: ${SCHEDULED_JOBS.join(', ')}`);
    }
    const at = timeOption(options.at);
    const period = options.period === undefined ? undefined : periodOption(options.period);
    const month = options.month === undefined ? undefined : monthOption(options.month);
    refuseOptionsOf(job, { period, month, resend: options.resend });
    const result = await runScheduledJob(await target(), job, {
      ...(at ? { at } : {}),
      ...(period ? { period } : {}),
      ...(month ? { month } : {}),
      ...(options.resend ? { resend: true } : {}),
      timeZone: loadDeploymentConfig().timeZone,
    });
    for (const line of describeJobResult(result)) out(line);
    return EXIT.done;
  },
});

function monthOption(value: string): string {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(value)) throw new UsageError(`--month: "${value}" is not a month like 2026-11`);
  return value;
}

/** An option another job takes is a mistake worth saying, not something to ignore silently. */
function refuseOptionsOf(job: ScheduledJob, given: { period?: string; month?: string; resend?: boolean }): void {
  const allowed: Record<string, readonly ScheduledJob[]> = { period: ['sendDigests'], month: ['sendStaffDigests'], resend: ['sendDigests', 'sendStaffDigests'] };
  for (const [option, value] of Object.entries(given)) {
    if (value !== undefined && value !== false && !allowed[option]!.includes(job)) throw new UsageError(`--${option} is for ${allowed[option]!.join(' and ')}, not ${job}`);
  }
}
