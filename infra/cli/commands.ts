import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { loadDeploymentConfig, loadQuestionnaires } from '../../shared/config/load-config.ts';
import { createLogger } from '../../shared/observability/logger.ts';
import type { PlanSummary } from '../../shared/planning/plan-wave.ts';
import { createLocalPipeline } from '../local/local-pipeline.ts';
import { localLinkSecret } from '../local/local-secret.ts';
import { resolveTarget, type Target } from './target.ts';

export interface CommandContext {
  readonly out: (line: string) => void;
}

export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  readonly options: Record<string, { type: 'string' | 'boolean'; description: string }>;
  readonly run: (values: Record<string, string | boolean | undefined>, positionals: string[], ctx: CommandContext) => Promise<number>;
}

const TARGET_OPTIONS = {
  stack: { type: 'string', description: 'run against this deployed stack (reads its CloudFormation outputs) instead of the local stack' },
  region: { type: 'string', description: 'AWS Region of --stack (default: the SDK default chain)' },
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
      const at = values['at'] ? new Date(String(values['at'])) : undefined;
      if (at && Number.isNaN(at.getTime())) {
        ctx.out(`--at: "${String(values['at'])}" is not an ISO 8601 time such as 2026-11-30T09:00:00Z`);
        return 2;
      }
      const target = await resolveTarget(targetOptions(values));
      const summaries = target.kind === 'local' ? await sendLocally(target, at, ctx) : await invokePlanner(target, at);
      for (const s of summaries) {
        ctx.out(
          `Wave ${s.waveId}${s.benchmark ? ' (benchmark)' : ''}: ${s.considered} contacts considered, ${s.queued} queued, ` +
            `${s.alreadyInvited} already invited; skipped ${s.skipped.unsubscribed} unsubscribed, ${s.skipped.suppressed} suppressed, ` +
            `${s.skipped['frequency-cap']} within the frequency cap, ${s.skipped['not-due']} not yet due.`,
        );
      }
      if (target.kind === 'deployed') ctx.out('Invitations are queued; the sender delivers them within the SES send rate.');
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

/** Runs the planner in-process against the local stack and delivers its queue to the inbox. */
async function sendLocally(target: Extract<Target, { kind: 'local' }>, at: Date | undefined, ctx: CommandContext): Promise<PlanSummary[]> {
  const pipeline = createLocalPipeline({
    config: loadDeploymentConfig(),
    questionnaires: loadQuestionnaires(),
    tableName: target.run.tableName,
    dynamodbEndpoint: target.run.dynamodbEndpoint,
    sesEndpoint: target.run.inboxUrl,
    publicBaseUrl: target.run.apiUrl,
    linkSecret: localLinkSecret(target.settings.secretFile),
    mailDir: target.settings.mailDir,
    log: createLogger({ stack: 'local', via: 'cli' }, () => undefined),
    ...(at ? { now: () => at } : {}),
  });
  const summaries = await pipeline.jobs.planWave(at);
  const total = summaries.reduce((sum, s) => sum + s.queued, 0);
  if (total > 0) ctx.out(`Sending ${total} invitation(s)…`);
  await pipeline.sendQueue.drained();
  pipeline.sendQueue.close();
  if (pipeline.sendQueue.deadLetters.length > 0) {
    ctx.out(`${pipeline.sendQueue.deadLetters.length} invitation(s) could not be sent after retries.`);
  }
  return summaries;
}

async function invokePlanner(target: Extract<Target, { kind: 'deployed' }>, at: Date | undefined): Promise<PlanSummary[]> {
  const client = new LambdaClient(target.region ? { region: target.region } : {});
  const response = await client.send(
    new InvokeCommand({
      FunctionName: target.outputs.plannerFunctionName,
      Payload: Buffer.from(JSON.stringify({ job: 'planWave', ...(at ? { at: at.toISOString() } : {}) })),
    }),
  );
  const body = Buffer.from(response.Payload ?? []).toString('utf8');
  if (response.FunctionError) throw new Error(`The planner failed: ${body.slice(0, 500)}`);
  return JSON.parse(body) as PlanSummary[];
}
