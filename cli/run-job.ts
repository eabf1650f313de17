import type { PlannerResult } from '../functions/planner/planner.ts';
import type { SweepSummary } from '../shared/complaints/sweep-complaints.ts';
import { shiftMonth, type DigestOutcome } from '../shared/digest/send-digests.ts';
import { lastCompletePeriod } from '../shared/digest/period.ts';
import { JOB_FUNCTION, type ScheduledJob } from '../shared/deployment/schedules.ts';
import { invokeJob, withLocalPipeline, type JobRequest } from './jobs.ts';
import type { Target } from './target.ts';

/** Every job a schedule runs, in the order `feedback run --help` lists them. */
export const SCHEDULED_JOBS = Object.keys(JOB_FUNCTION) as ScheduledJob[];

/** What a scheduled job answers, deployed or local. */
export type JobResult =
  | Extract<PlannerResult, { job: 'planWave' }>
  | Extract<PlannerResult, { job: 'sendReminders' }>
  | ({ job: 'sweepComplaints' } & SweepSummary)
  | { job: 'sendDigests' | 'sendStaffDigests'; period: string; outcomes: DigestOutcome[] };

/** The options a job takes besides its name: the time to run as of, and the digests' period or month. */
export interface JobOptions {
  readonly at?: Date;
  readonly period?: string;
  readonly month?: string;
  readonly resend?: boolean;
  /** The business time zone, in which `at` picks the digests' period or month. */
  readonly timeZone?: string;
  /** Locally, whether to wait until the queues it fed are delivered (as `feedback send` does). @default true */
  readonly drain?: boolean;
}

/**
 * Runs one scheduled job on demand, as its schedule would. Deployed: invokes the function
 * JOB_FUNCTION names with the schedule's input (plus the options). Locally: calls the same
 * handler in-process against the running local stack and, unless told not to, delivers the
 * queues it fed before answering.
 */
export async function runScheduledJob(target: Target, job: ScheduledJob, options: JobOptions = {}): Promise<JobResult> {
  const request = jobRequest(job, options);
  if (target.kind === 'deployed') return { job, ...((await invokeJob(target, request)) as object) } as JobResult;
  return withLocalPipeline(target, options.at, async (pipeline) => {
    const { job: _job, at: _at, ...digestOptions } = request as Record<string, unknown>;
    // Each local job answers what its function answers when deployed.
    const result = (job === 'sendDigests' || job === 'sendStaffDigests' ? await pipeline.jobs[job](options.at, digestOptions) : await pipeline.jobs[job](options.at)) as object;
    if (options.drain ?? true) await pipeline.drained();
    return { job, ...result } as JobResult;
  });
}

function jobRequest(job: ScheduledJob, options: JobOptions): JobRequest {
  const at = options.at ? { at: options.at.toISOString() } : {};
  const resend = options.resend ? { resend: true } : {};
  switch (job) {
    // The digest function has no `at`: the period (or month) it would pick at that time is sent instead.
    case 'sendDigests': {
      const period = options.period ?? (options.at && options.timeZone ? lastCompletePeriod(options.at, options.timeZone) : undefined);
      return { job, ...(period ? { period } : {}), ...resend };
    }
    case 'sendStaffDigests': {
      const month = options.month ?? (options.at && options.timeZone ? shiftMonth(localMonth(options.at, options.timeZone), -1) : undefined);
      return { job, ...(month ? { month } : {}), ...resend };
    }
    default:
      return { job, ...at };
  }
}

function localMonth(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' }).format(at).slice(0, 7);
}

/** One line per figure of a job's answer, for a person at a terminal. */
export function describeJobResult(result: JobResult): string[] {
  switch (result.job) {
    case 'planWave':
      return result.waves.map((s) => `${s.questionnaireId}, wave ${s.waveId}${s.benchmark ? ' (benchmark)' : ''}: ${s.queued} queued of ${s.considered} considered, ${s.alreadyInvited} already invited.`);
    case 'sendReminders':
      return result.reminders.map((r) => `${r.questionnaireId}: ${r.queued} reminder(s) of ${r.considered} invitation(s) in open waves ${r.waves.join(', ') || '(none)'}.`);
    case 'sweepComplaints':
      return [`Complaints swept: ${result.checked} checked, ${result.escalated} escalated to the head of service, ${result.resent} notification(s) queued again.`];
    default:
      return [
        `${result.job === 'sendDigests' ? 'Digest' : 'Staff digest'} for ${result.period}:`,
        ...result.outcomes.map((o) => `  ${o.scope} → ${o.recipient}: ${o.outcome === 'no-responses' ? 'skipped (no responses)' : o.outcome}`),
      ];
  }
}
