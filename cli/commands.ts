import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { loadDeploymentConfig } from '../shared/deployment/load-config.ts';
import { loadQuestionnaires } from '../shared/questionnaires/load-questionnaires.ts';
import { createLogger } from '../shared/platform/observability/logger.ts';
import type { PlannerResult, TPlannerRequest } from '../functions/planner/planner.ts';
import { createLocalPipeline } from '../local/local-pipeline.ts';
import { localLinkSecret } from '../local/local-secret.ts';
import { resolveTarget, targetTable, type Target } from './target.ts';
import { importContacts, importStaff } from '../shared/people/import-file.ts';
import { existsSync } from 'node:fs';
import * as z from '../shared/platform/validation/zod.ts';
import { exportPerson, forgetPerson } from '../shared/people/person-data.ts';
import { isPeriod, lastCompletePeriod } from '../shared/digest/period.ts';
import type { TDigestRequest } from '../functions/digest/digest.ts';
import type { DigestOutcome } from '../shared/digest/send-digests.ts';
import { buildReport, reportRows, resolveScope, toCsv } from './report.ts';
import { listComplaints, type TComplaint } from '../shared/complaints/complaint-store.ts';
import { isOverdue } from '../shared/complaints/sweep-complaints.ts';

export interface CommandContext {
  readonly out: (line: string) => void;
}

export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  /** More help, shown by `--help` after the summary. */
  readonly details?: string;
  readonly options: Record<string, { type: 'string' | 'boolean'; description: string }>;
  readonly run: (values: Record<string, string | boolean | undefined>, positionals: string[], ctx: CommandContext) => Promise<number>;
}

const ZCliEmail = z.email();

const TARGET_OPTIONS = {
  stack: { type: 'string', description: 'run against this deployed stack (reads its CloudFormation outputs) instead of the local stack' },
  region: { type: 'string', description: 'AWS Region of --stack (default: as the AWS CLI finds it: AWS_REGION or your profile)' },
} as const;

export const COMMANDS: Command[] = [
  {
    name: 'send',
    summary: 'plan this week’s wave and send the invitations that are due',
    usage: 'feedback send [--at ISO-TIME] [--stack NAME] [--region REGION]',
    options: {
      at: { type: 'string', description: 'plan as if it were this time (ISO 8601), e.g. to try the frequency cap' },
      ...TARGET_OPTIONS,
    },
    async run(values, _positionals, ctx) {
      const at = parseAt(values['at'], ctx);
      if (at === null) return 2;
      const result = await runJob(await resolveTarget(targetOptions(values)), { job: 'planWave', at }, ctx);
      if (result.job !== 'planWave') throw new Error('the planner answered for another job');
      for (const s of result.waves) {
        ctx.out(
          `${s.questionnaireId}, wave ${s.waveId}${s.benchmark ? ' (benchmark)' : ''}: ${s.considered} considered, ${s.queued} queued, ` +
            `${s.alreadyInvited} already invited; skipped ${s.skipped.unsubscribed} unsubscribed, ${s.skipped.suppressed} suppressed, ` +
            `${s.skipped['frequency-cap']} within the frequency cap, ${s.skipped['not-due']} not yet due.`,
        );
      }
      return 0;
    },
  },
  {
    name: 'remind',
    summary: 'send the one reminder to everyone invited in an open wave who has not answered',
    usage: 'feedback remind [--at ISO-TIME] [--stack NAME] [--region REGION]',
    options: {
      at: { type: 'string', description: 'run as if it were this time (ISO 8601)' },
      ...TARGET_OPTIONS,
    },
    async run(values, _positionals, ctx) {
      const at = parseAt(values['at'], ctx);
      if (at === null) return 2;
      const result = await runJob(await resolveTarget(targetOptions(values)), { job: 'sendReminders', at }, ctx);
      if (result.job !== 'sendReminders') throw new Error('the planner answered for another job');
      for (const r of result.reminders) {
        ctx.out(`${r.questionnaireId}: ${r.queued} reminder(s) of ${r.considered} invitation(s) in open waves ${r.waves.join(', ') || '(none)'}.`);
      }
      return 0;
    },
  },
  {
    name: 'import',
    summary: 'import contacts (with their latest interaction) or the staff directory from a CSV file',
    usage: 'feedback import contacts|staff FILE.csv [--stack NAME] [--region REGION]',
    details: [
      'contacts columns: email, name, language (default en), staff_email, department, date',
      '  (the interaction: a date like 2026-11-20 or an ISO time; the latest one counts)',
      'staff columns:    email, name, department, role (staff or manager, one manager per department), language',
      '',
      'The file is checked whole first: if any row is bad, nothing is imported and every bad',
      'row is listed with its line number. Importing the same file again changes nothing.',
      'Samples: examples/contacts.csv, examples/staff.csv.',
    ].join('\n'),
    options: { ...TARGET_OPTIONS },
    async run(values, positionals, ctx) {
      const [kind, file, ...extra] = positionals;
      if ((kind !== 'contacts' && kind !== 'staff') || !file || extra.length > 0) {
        ctx.out('Usage: feedback import contacts|staff FILE.csv (see --help for the columns)');
        return 2;
      }
      if (!existsSync(file)) {
        ctx.out(`${file}: no such file`);
        return 2;
      }
      const table = targetTable(await resolveTarget(targetOptions(values)));
      const importer = kind === 'contacts' ? importContacts : importStaff;
      const report = await importer(table, file, {
        now: new Date(),
        onProgress: (written, total) => ctx.out(`  ${written} of ${total} rows written`),
      });
      if (report.problems.length > 0) {
        ctx.out(`${file}: ${report.problems.length} bad row(s) of ${report.rows}; nothing was imported. Fix them and run again:`);
        for (const problem of report.problems.slice(0, 100)) ctx.out(`  line ${problem.line}: ${problem.message}`);
        if (report.problems.length > 100) ctx.out(`  … and ${report.problems.length - 100} more`);
        return 1;
      }
      ctx.out(`Imported ${report.imported} ${kind === 'contacts' ? 'contact' : 'staff'} row(s) from ${file}.`);
      return 0;
    },
  },
  {
    name: 'complaints',
    summary: 'list complaints with their age, state, owner and next deadline',
    usage: 'feedback complaints [--open] [--format table|json] [--stack NAME] [--region REGION]',
    details: 'Without --open, complaints resolved in the last 90 days are listed too. Times are in the business time zone.',
    options: {
      open: { type: 'boolean', description: 'only complaints not yet resolved' },
      format: { type: 'string', description: 'table (default) or json' },
      ...TARGET_OPTIONS,
    },
    async run(values, _positionals, ctx) {
      const format = values['format'] ?? 'table';
      if (format !== 'table' && format !== 'json') {
        ctx.out(`--format: "${String(format)}" is not one of table, json`);
        return 2;
      }
      const table = targetTable(await resolveTarget(targetOptions(values)));
      const now = new Date();
      const complaints = await listComplaints(table, values['open'] ? {} : { closedSince: new Date(now.getTime() - 90 * 86_400_000) });
      if (format === 'json') {
        ctx.out(JSON.stringify(complaints.map((c) => ({ ...c, ageHours: Math.round((now.getTime() - Date.parse(c.createdAt)) / 360_000) / 10, overdue: isOverdue(c, now) })), null, 2));
        return 0;
      }
      ctx.out(complaintTable(complaints, now, loadDeploymentConfig().timeZone));
      return 0;
    },
  },
  {
    name: 'digest',
    summary: 'aggregate a week and email each manager the digest for their scope',
    usage: 'feedback digest [--period 2026-W47] [--resend] [--stack NAME] [--region REGION]',
    details: 'The period defaults to the last whole week. A scope already sent for the period is not sent again unless --resend.',
    options: {
      period: { type: 'string', description: 'the ISO week to report, e.g. 2026-W47' },
      resend: { type: 'boolean', description: 'send again even if this period was already sent' },
      ...TARGET_OPTIONS,
    },
    async run(values, _positionals, ctx) {
      const period = typeof values['period'] === 'string' ? values['period'] : undefined;
      if (period && !isPeriod(period)) {
        ctx.out(`--period: "${period}" is not an ISO week like 2026-W47`);
        return 2;
      }
      const target = await resolveTarget(targetOptions(values));
      const request: TDigestRequest = { job: 'sendDigests', ...(period ? { period } : {}), ...(values['resend'] ? { resend: true } : {}) };
      let result: { period: string; outcomes: DigestOutcome[] };
      if (target.kind === 'deployed') {
        result = JSON.parse(await invokeFunction(target, target.outputs.digestFunctionName, request)) as typeof result;
      } else {
        const pipeline = localPipeline(target);
        result = await pipeline.jobs.sendDigests(undefined, { ...(period ? { period } : {}), ...(values['resend'] ? { resend: true } : {}) });
        pipeline.close();
      }
      ctx.out(`Digest for ${result.period}:`);
      for (const o of result.outcomes) ctx.out(`  ${o.scope} → ${o.recipient}: ${o.outcome === 'no-responses' ? 'skipped (no responses)' : o.outcome}`);
      return 0;
    },
  },
  {
    name: 'report',
    summary: 'print a period’s figures for a scope, or export them',
    usage: 'feedback report [--period 2026-W47] [--scope company|dept:ID|staff:EMAIL] [--questionnaire ID] [--format table|json|csv] [--stack NAME]',
    details: 'Reads the period’s rollups (aggregating it first if it never was). The period defaults to the last whole week.',
    options: {
      period: { type: 'string', description: 'the ISO week, e.g. 2026-W47' },
      scope: { type: 'string', description: 'company (default), dept:<id> or staff:<email>' },
      questionnaire: { type: 'string', description: 'questionnaire id (default: the first customer questionnaire)' },
      format: { type: 'string', description: 'table (default), json or csv' },
      ...TARGET_OPTIONS,
    },
    async run(values, _positionals, ctx) {
      const config = loadDeploymentConfig();
      const period = typeof values['period'] === 'string' ? values['period'] : lastCompletePeriod(new Date(), config.timeZone);
      const format = values['format'] ?? 'table';
      if (!isPeriod(period)) return usage(ctx, `--period: "${period}" is not an ISO week like 2026-W47`);
      if (format !== 'table' && format !== 'json' && format !== 'csv') return usage(ctx, `--format: "${String(format)}" is not one of table, json, csv`);
      const questionnaires = loadQuestionnaires().filter((q) => q.audience === 'customers');
      const questionnaire = typeof values['questionnaire'] === 'string' ? questionnaires.find((q) => q.id === values['questionnaire']) : questionnaires[0];
      if (!questionnaire) return usage(ctx, `--questionnaire: no customer questionnaire "${String(values['questionnaire'])}"`);
      const table = targetTable(await resolveTarget(targetOptions(values)));
      const scope = await resolveScope(table, typeof values['scope'] === 'string' ? values['scope'] : 'company', config.businessName);
      if (typeof scope === 'string') return usage(ctx, scope);
      const report = await buildReport(table, config, questionnaire, period, scope);
      if (!report) {
        ctx.out(`No responses for ${scope.name} in ${period}.`);
        return 0;
      }
      if (format === 'json') ctx.out(JSON.stringify(report, null, 2));
      else if (format === 'csv') ctx.out(toCsv(reportRows(report)));
      else {
        ctx.out(report.headline);
        for (const [section = "", item = "", measure = "", value = ""] of reportRows(report)) ctx.out(`  ${section.padEnd(11)} ${item.padEnd(44).slice(0, 44)} ${measure.padEnd(28)} ${value}`);
      }
      return 0;
    },
  },
  {
    name: 'forget',
    summary: 'remove a customer’s personal data, keeping anonymous scores and their suppression entry',
    usage: 'feedback forget EMAIL [--yes] [--stack NAME] [--region REGION]',
    details: 'Deletes the contact and their invitations, removes their identity and free text from responses, complaints and digest rollups, and keeps the address on the suppression list so they are never mailed again. Asks for --yes.',
    options: { yes: { type: 'boolean', description: 'confirm: this cannot be undone' }, ...TARGET_OPTIONS },
    async run(values, positionals, ctx) {
      const email = ZCliEmail.safeParse(positionals[0]);
      if (!email.success || positionals.length !== 1) return usage(ctx, 'Usage: feedback forget EMAIL --yes');
      if (!values['yes']) return usage(ctx, `This removes ${email.data}'s personal data for good. Run again with --yes to confirm.`);
      const summary = await forgetPerson(targetTable(await resolveTarget(targetOptions(values))), email.data, new Date());
      ctx.out(
        `Forgot ${summary.email}: contact ${summary.contactDeleted ? 'deleted' : 'not found'}, ${summary.invitationsDeleted} invitation(s) deleted, ` +
          `${summary.responsesAnonymised} response(s) and ${summary.complaintsAnonymised} complaint(s) anonymised, ${summary.rollupCommentsRemoved} quoted comment(s) removed; the address stays suppressed.`,
      );
      return 0;
    },
  },
  {
    name: 'export-person',
    summary: 'print everything held about one customer, as JSON',
    usage: 'feedback export-person EMAIL [--stack NAME] [--region REGION]',
    options: { ...TARGET_OPTIONS },
    async run(values, positionals, ctx) {
      const email = ZCliEmail.safeParse(positionals[0]);
      if (!email.success || positionals.length !== 1) return usage(ctx, 'Usage: feedback export-person EMAIL');
      ctx.out(JSON.stringify(await exportPerson(targetTable(await resolveTarget(targetOptions(values))), email.data, new Date()), null, 2));
      return 0;
    },
  },
  {
    name: 'validate',
    summary: 'check config/feedback.config.json and every questionnaire, naming any bad field',
    usage: 'feedback validate',
    options: {},
    async run(_values, _positionals, ctx) {
      const config = loadDeploymentConfig();
      const questionnaires = loadQuestionnaires();
      ctx.out(`Config OK: stack ${config.stackName}, sender ${config.senderAddress}, time zone ${config.timeZone}.`);
      for (const q of questionnaires) {
        ctx.out(`Questionnaire OK: ${q.id} (${q.audience}, ${q.headline.kind}, ${q.values.length} values, ${q.standards.length} standards${q.anonymous ? ', anonymous' : ''})`);
      }
      return 0;
    },
  },
  {
    name: 'status',
    summary: 'show where the pipeline runs: the local stack’s URLs, or a deployed stack’s outputs',
    usage: 'feedback status [--stack NAME] [--region REGION]',
    options: { ...TARGET_OPTIONS },
    async run(values, _positionals, ctx) {
      const target = await resolveTarget(targetOptions(values));
      if (target.kind === 'local') {
        ctx.out(`Local stack (pid ${target.run.pid}, since ${target.run.startedAt})`);
        ctx.out(`API: ${target.run.apiUrl}`);
        ctx.out(`Inbox: ${target.run.inboxUrl}`);
        ctx.out(`DynamoDB Local: ${target.run.dynamodbEndpoint}, table ${target.run.tableName}`);
      } else {
        ctx.out(`Stack ${target.stackName}`);
        for (const [key, value] of Object.entries(target.outputs)) ctx.out(`${key}: ${value}`);
      }
      return 0;
    },
  },
];

function targetOptions(values: Record<string, string | boolean | undefined>) {
  return {
    ...(typeof values['stack'] === 'string' ? { stack: values['stack'] } : {}),
    ...(typeof values['region'] === 'string' ? { region: values['region'] } : {}),
  };
}

function complaintTable(complaints: TComplaint[], now: Date, timeZone: string): string {
  if (complaints.length === 0) return 'No complaints.';
  const time = (iso: string) => new Intl.DateTimeFormat('en-GB', { timeZone, day: '2-digit', month: 'short', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
  const age = (iso: string) => {
    const hours = (now.getTime() - Date.parse(iso)) / 3_600_000;
    return hours < 48 ? `${Math.floor(hours)}h` : `${Math.floor(hours / 24)}d`;
  };
  const rows = complaints.map((c) => [
    c.id.slice(0, 8),
    age(c.createdAt),
    c.state + (c.level > 1 ? ' (escalated)' : ''),
    c.ownerEmail,
    c.state === 'open' ? `ack by ${time(c.acknowledgeBy)}` : c.state === 'acknowledged' ? `resolve by ${time(c.resolveBy)}` : `resolved ${time(c.resolvedAt!)}`,
    isOverdue(c, now) ? 'OVERDUE' : '',
  ]);
  const header = ['ID', 'AGE', 'STATE', 'OWNER', 'DEADLINE', ''];
  const widths = header.map((_, i) => Math.max(header[i]!.length, ...rows.map((r) => r[i]!.length)));
  return [header, ...rows].map((row) => row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd()).join('\n');
}

function usage(ctx: CommandContext, message: string): number {
  ctx.out(message);
  return 2;
}

/** The pipeline wired to the running local stack, for jobs the CLI runs in-process. */
function localPipeline(target: Extract<Target, { kind: 'local' }>, at?: Date) {
  return createLocalPipeline({
    config: loadDeploymentConfig(),
    questionnaires: loadQuestionnaires(),
    tableName: target.run.tableName,
    dynamodbEndpoint: target.run.dynamodbEndpoint,
    sesEndpoint: target.run.inboxUrl,
    publicBaseUrl: target.run.apiUrl,
    linkSecret: localLinkSecret(target.settings.secretFile),
    mailDir: target.settings.mailDir,
    log: createLogger({ keys: { stack: 'local', via: 'cli' }, write: () => undefined }),
    ...(at ? { now: () => at } : {}),
  });
}

async function invokeFunction(target: Extract<Target, { kind: 'deployed' }>, functionName: string, payload: unknown): Promise<string> {
  const client = new LambdaClient({ region: target.region });
  const response = await client.send(new InvokeCommand({ FunctionName: functionName, Payload: Buffer.from(JSON.stringify(payload)) }));
  const body = Buffer.from(response.Payload ?? []).toString('utf8');
  if (response.FunctionError) throw new Error(`${functionName} failed: ${body.slice(0, 500)}`);
  return body;
}

/** `--at`: undefined when absent, null (after saying why) when not an ISO time. */
function parseAt(value: string | boolean | undefined, ctx: CommandContext): Date | undefined | null {
  if (typeof value !== 'string') return undefined;
  const at = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(at.getTime())) {
    ctx.out(`--at: "${value}" is not an ISO 8601 time such as 2026-11-30T09:00:00Z`);
    return null;
  }
  return at;
}

/**
 * Runs a planner job. Locally: in-process against the local stack, delivering the queue to
 * the inbox before returning. Deployed: invokes the planner function; the sender then
 * delivers from SQS within the SES send rate.
 */
type PlannerJob = PlannerResult['job'];

async function runJob(target: Target, request: { job: PlannerJob; at: Date | undefined }, ctx: CommandContext): Promise<PlannerResult> {
  if (target.kind === 'deployed') {
    const result = await invokePlanner(target, request);
    ctx.out('Queued; the sender delivers within the SES send rate.');
    return result;
  }
  const pipeline = localPipeline(target, request.at);
  const result: PlannerResult = request.job === 'planWave' ? await pipeline.jobs.planWave(request.at) : await pipeline.jobs.sendReminders(request.at);
  const queued = result.job === 'planWave' ? result.waves : result.reminders;
  const total = queued.reduce((sum, summary) => sum + summary.queued, 0);
  if (total > 0) ctx.out(`Sending ${total} email(s)…`);
  await pipeline.drained();
  pipeline.close();
  if (pipeline.sendQueue.deadLetters.length > 0) {
    ctx.out(`${pipeline.sendQueue.deadLetters.length} email(s) could not be sent after retries.`);
  }
  return result;
}

async function invokePlanner(target: Extract<Target, { kind: 'deployed' }>, request: { job: PlannerJob; at: Date | undefined }): Promise<PlannerResult> {
  const payload: TPlannerRequest = { job: request.job, ...(request.at ? { at: request.at.toISOString() } : {}) };
  return JSON.parse(await invokeFunction(target, target.outputs.plannerFunctionName, payload)) as PlannerResult;
}
