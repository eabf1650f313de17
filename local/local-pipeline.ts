import type { Hono } from 'hono';
import type { TDeploymentConfig } from '../shared/deployment/deployment-config.ts';
import type { TQuestionnaire } from '../shared/questionnaires/questionnaire-schema.ts';
import type { TSendRequest } from '../shared/invitations/invitation-store.ts';
import { JOB_FUNCTION, type JobFunction, type ScheduledJob } from '../shared/deployment/schedules.ts';
import type { Logger } from '../shared/platform/observability/logger.ts';
import { createApp, type AppEnv } from '../functions/http-api/app.tsx';
import { localAdminAccess } from '../shared/platform/web/admin-access.ts';
import { openTable, type Table } from '../shared/platform/table/table-client.ts';
import { sesMailer, type Mailer } from '../shared/platform/mail/mailer.ts';
import { createPlannerHandler, type PlannerResult } from '../functions/planner/planner.ts';
import { createSenderHandler } from '../functions/sender/sender.ts';
import { LocalQueue } from './local-queue.ts';
import type { SQSBatchResponse } from 'aws-lambda';
import { createComplaintsHandler } from '../functions/complaints/complaints.ts';
import { complaintHandlingFrom } from '../shared/complaints/handling-config.ts';
import type { TComplaintMessage } from '../shared/complaints/complaint-messages.ts';
import type { SweepSummary } from '../shared/complaints/sweep-complaints.ts';
import { createDigestHandler } from '../functions/digest/digest.ts';
import type { DigestOutcome } from '../shared/digest/send-digests.ts';
import { archivingMailer } from './eml-archive.ts';
import { mailboxSimulator } from './mailbox-simulator.ts';
import { brandOf, siteBrandFrom } from '../shared/platform/brand/brand.ts';
import { brandSettingFrom } from '../shared/deployment/branding-setting.ts';
import { DEFAULT_CONFIG_DIR } from '../shared/platform/config/config-files.ts';
import { createMailEventsHandler } from '../functions/mail-events/mail-events.ts';

export interface LocalPipelineOptions {
  readonly config: TDeploymentConfig;
  readonly questionnaires: readonly TQuestionnaire[];
  readonly tableName: string;
  readonly dynamodbEndpoint: string;
  readonly sesEndpoint: string;
  /** The base of links in emails: the local API. */
  readonly publicBaseUrl: string;
  /** The secret's text, or how to read it now (the local stack re-reads its file, so a rotation needs no restart). */
  readonly linkSecret: string | (() => string);
  readonly mailDir: string;
  readonly log: Logger;
  readonly now?: () => Date;
  /** @default 5000 */
  readonly visibilityTimeoutMs?: number;
  /** Where long jobs (the digest) report how far they have got: the CLI's stderr. */
  readonly progress?: (line: string) => void;
  /** Wraps the SES client, for tests that inject faults the emulator cannot produce. */
  readonly wrapMailer?: (mailer: Mailer) => Mailer;
  /**
   * Whether the mail-events consumer (SNS → mail-events function) receives what the mailbox
   * simulator's bounce and complaint addresses cause; off, those events reach nobody, as with
   * a broken subscription. @default true
   */
  readonly mailEvents?: boolean;
}

type DigestRun = { period: string; outcomes: DigestOutcome[] };

export interface LocalPipeline {
  readonly table: Table;
  readonly app: Hono<AppEnv>;
  readonly sendQueue: LocalQueue<TSendRequest>;
  readonly complaintQueue: LocalQueue<TComplaintMessage>;
  /** The scheduled jobs, runnable by hand; `at` runs a job as of that time. */
  readonly jobs: {
    planWave(at?: Date): Promise<Extract<PlannerResult, { job: 'planWave' }>>;
    sendReminders(at?: Date): Promise<Extract<PlannerResult, { job: 'sendReminders' }>>;
    sweepComplaints(at?: Date): Promise<SweepSummary>;
    sendDigests(at?: Date, options?: { period?: string; resend?: boolean }): Promise<DigestRun>;
    sendStaffDigests(at?: Date, options?: { month?: string; resend?: boolean }): Promise<DigestRun>;
  } & Record<ScheduledJob, (at?: Date) => Promise<unknown>>;
  /** The mail events (bounces, complaints) the local mailbox simulator published. */
  readonly mailEventQueue: LocalQueue<Record<string, unknown>>;
  /** Waits until every queue is empty. */
  drained(): Promise<void>;
  close(): void;
}

/** What every locally wired handler shares: the table, the mail path, the clock, the secret. */
interface LocalContext {
  readonly options: LocalPipelineOptions;
  readonly table: Table;
  readonly mailer: Mailer;
  readonly now: () => Date;
  readonly linkSecret: () => Promise<string>;
  readonly handling: ReturnType<typeof complaintHandlingFrom>;
  /** The business's logo, colour and Reply-To, as every mailing function gets them. */
  readonly mail: { brand: ReturnType<typeof brandOf>; replyTo?: string };
}

/**
 * The product wired for one machine: the same handlers as in Lambda, with DynamoDB Local,
 * the SES emulator and an in-process queue in place of the AWS services.
 */
export function createLocalPipeline(options: LocalPipelineOptions): LocalPipeline {
  const table = openTable(options.tableName, { endpoint: options.dynamodbEndpoint });
  const mailEvents = createMailEventsHandler({ table, now: options.now ?? (() => new Date()), log: options.log.child({ function: 'mail-events' }) });
  const simulator = mailboxSimulator(
    (options.wrapMailer ?? ((inner: Mailer) => inner))(archivingMailer(sesMailer({ connection: { endpoint: options.sesEndpoint }, sendsPerSecond: options.config.sesSendRatePerSecond }), options.mailDir)),
    (options.mailEvents ?? true) ? mailEvents : undefined,
    { ...(options.visibilityTimeoutMs ? { visibilityTimeoutMs: options.visibilityTimeoutMs } : {}) },
  );
  const ctx: LocalContext = {
    options,
    table,
    mailer: simulator.mailer,
    now: options.now ?? (() => new Date()),
    linkSecret: async () => (typeof options.linkSecret === 'function' ? options.linkSecret() : options.linkSecret),
    handling: complaintHandlingFrom(options.config),
    mail: mailBranding(options),
  };
  const visibilityTimeoutMs = options.visibilityTimeoutMs ?? 5000;
  const sendQueue = new LocalQueue<TSendRequest>(senderFor(ctx), { name: 'send', visibilityTimeoutMs });
  const planner = plannerFor(ctx, sendQueue);
  let complaintQueue: LocalQueue<TComplaintMessage> | undefined;
  const complaints = complaintsFor(ctx, { send: (messages) => complaintQueue!.send(messages) });
  complaintQueue = new LocalQueue<TComplaintMessage>(async (event) => (await complaints(event)) as SQSBatchResponse, { name: 'complaints', visibilityTimeoutMs });
  const app = createApp({
    table: ctx.table,
    questionnaires: options.questionnaires,
    businessName: options.config.businessName,
    complaintRules: options.config.complaints,
    responseRetentionDays: options.config.privacy.responseRetentionDays,
    complaintHandling: ctx.handling,
    complaintQueue,
    linkSecret: ctx.linkSecret,
    now: ctx.now,
    adminAccess: localAdminAccess,
    site: siteBrandFrom(brandSettingFrom(options.config.branding).setting, options.config.businessName, DEFAULT_CONFIG_DIR),
    logError: (message, error, fields) => options.log.error(message, error, fields),
  });
  // Each job goes to the function JOB_FUNCTION names, as the stack's schedules and the CLI send it.
  const byFunction: Record<JobFunction, (event: Record<string, unknown>, at?: Date) => Promise<unknown>> = {
    planner,
    complaints,
    // The digest runs as of `at` through its clock (a past week is sent as if it were then).
    digest: (event, at) => digestFor(ctx, at)(event),
  };
  const runJob = (job: ScheduledJob, at?: Date, options: Record<string, unknown> = {}) =>
    byFunction[JOB_FUNCTION[job]]({ job, ...(at ? { at: at.toISOString() } : {}), ...options }, at);
  const queues = [sendQueue, complaintQueue, simulator.events];
  return {
    table: ctx.table,
    app,
    sendQueue,
    complaintQueue,
    mailEventQueue: simulator.events,
    drained: async () => {
      // A queue can feed another (a send causes a mail event): wait until all are quiet.
      do {
        for (const queue of queues) await queue.drained();
      } while (queues.some((queue) => queue.depth > 0));
    },
    close: () => queues.forEach((queue) => queue.close()),
    jobs: {
      planWave: async (at) => (await runJob('planWave', at)) as Extract<PlannerResult, { job: 'planWave' }>,
      sendReminders: async (at) => (await runJob('sendReminders', at)) as Extract<PlannerResult, { job: 'sendReminders' }>,
      sweepComplaints: async (at) => (await runJob('sweepComplaints', at)) as SweepSummary,
      sendDigests: async (at?: Date, digestOptions: { period?: string; resend?: boolean } = {}) => (await runJob('sendDigests', at, digestOptions)) as DigestRun,
      sendStaffDigests: async (at?: Date, digestOptions: { month?: string; resend?: boolean } = {}) => (await runJob('sendStaffDigests', at, digestOptions)) as DigestRun,
    },
  };
}

function senderFor({ options, table, mailer, now, linkSecret, mail }: LocalContext) {
  return createSenderHandler({
    ...mail,
    table,
    mailer,
    questionnaires: options.questionnaires,
    businessName: options.config.businessName,
    senderAddress: options.config.senderAddress,
    publicBaseUrl: options.publicBaseUrl,
    linkSecret,
    linkValidityDays: options.config.linkValidityDays,
    timeZone: options.config.timeZone,
    now,
    log: options.log.child({ function: 'sender' }),
  });
}

function plannerFor({ options, table, now }: LocalContext, queue: LocalQueue<TSendRequest>) {
  return createPlannerHandler({
    table,
    queue,
    questionnaires: options.questionnaires,
    rules: options.config.planning,
    timeZone: options.config.timeZone,
    reminderAfterDays: options.config.reminders.afterDays,
    linkValidityDays: options.config.linkValidityDays,
    now,
    log: options.log.child({ function: 'planner' }),
  });
}

function complaintsFor({ options, table, mailer, now, linkSecret, handling, mail }: LocalContext, queue: { send: (messages: TComplaintMessage[]) => Promise<void> }) {
  return createComplaintsHandler({
    ...mail,
    table,
    mailer,
    queue,
    questionnaires: options.questionnaires,
    handling,
    businessName: options.config.businessName,
    senderAddress: options.config.senderAddress,
    publicBaseUrl: options.publicBaseUrl,
    linkSecret,
    now,
    log: options.log.child({ function: 'complaints' }),
  });
}

/** The digest handler as of `at` (a digest for a past week is sent as if it were then). */
function digestFor({ options, table, mailer, now, handling, linkSecret, mail }: LocalContext, at?: Date) {
  return createDigestHandler({
    ...mail,
    table,
    mailer,
    publicBaseUrl: options.publicBaseUrl,
    linkSecret,
    questionnaires: options.questionnaires,
    handling,
    businessName: options.config.businessName,
    senderAddress: options.config.senderAddress,
    now: at ? () => at : now,
    log: options.log.child({ function: 'digest' }),
    ...(options.progress ? { onProgress: options.progress } : {}),
  });
}

/** The emails' branding from the config, with a logo in config/ served by this pipeline's own API. */
function mailBranding(options: LocalPipelineOptions): LocalContext['mail'] {
  const { setting } = brandSettingFrom(options.config.branding);
  return { brand: brandOf(setting, options.config.businessName, options.publicBaseUrl), ...(setting.replyTo ? { replyTo: setting.replyTo } : {}) };
}
