import { rmSync, mkdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import { loadDeploymentConfig } from '../shared/deployment/load-config.ts';
import { loadQuestionnaires } from '../shared/questionnaires/load-questionnaires.ts';
import { InvalidInputError } from '../shared/platform/config/zod-issues.ts';
import { scheduleDefinitions } from '../shared/deployment/schedules.ts';
import { createLogger } from '../shared/platform/observability/logger.ts';
import { setMetricsSink } from '../shared/platform/observability/metrics.ts';
import { readableLogLine } from './readable-log.ts';
import { localSettings } from './local-settings.ts';
import { JavaMissingError, startDynamoDbLocal, type RunningDynamoDb } from './dynamodb-local.ts';
import { startSesInbox, type RunningInbox } from './ses-inbox.ts';
import { ensureTable } from './create-table.ts';
import { seedDemoData, seedDemoHistory } from './demo-data.ts';
import { periodLabel } from '../shared/digest/period.ts';
import { createLocalPipeline } from './local-pipeline.ts';
import { startLocalClock, type RunningClock } from './local-clock.ts';
import { localLinkSecret } from './local-secret.ts';
import { readRunFile, removeRunFile, writeRunFile } from './run-file.ts';
import { requireFreePort } from './port-check.ts';
import { startWebhookReceiver } from './webhook-receiver.tsx';
import { startLocalIntegrations } from './local-integrations.ts';
import { join } from 'node:path';
import { DEFAULT_DASHBOARD_LINK_DAYS, signDashboardToken } from '../shared/dashboard/dashboard-scope.ts';
import { ROUTES, routeUrl } from '../shared/platform/web/routes.ts';

const HELP = `npm start [-- --fresh]

Runs the whole feedback pipeline on this machine: DynamoDB Local, the SES emulator's
inbox, the HTTP API and the schedules, with demo data on first start.

Options:
  --fresh   discard the data under .data/ and start again from the demo data
  --help    show this help

Environment:
  FEEDBACK_API_PORT       HTTP API port (default 3000)
  FEEDBACK_INBOX_PORT     inbox / SES emulator port (default 8005)
  FEEDBACK_DYNAMODB_PORT  DynamoDB Local port (default 8000)
  FEEDBACK_RECEIVER_PORT  webhook receiver page port (default 8006)
  FEEDBACK_DATA_DIR       where data is kept (default .data)
`;

type Settings = ReturnType<typeof localSettings>;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { fresh: { type: 'boolean', default: false }, help: { type: 'boolean', default: false } } });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const settings = localSettings();
  const config = loadDeploymentConfig();
  const questionnaires = loadQuestionnaires();
  await preflight(settings);
  if (values.fresh) rmSync(settings.dataDir, { recursive: true, force: true });
  mkdirSync(settings.dataDir, { recursive: true });

  // Locally, logs are for a person at a terminal: one short line each; metrics have nowhere to go.
  const log = createLogger({ service: 'local', write: (line) => process.stdout.write(`${readableLogLine(line)}\n`) });
  setMetricsSink(() => undefined);
  // The SDK's notice that its releases after January 2027 need Node 22: the lockfile pins today's.
  process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';
  const shutdown = new Shutdown(settings);
  try {
    progress('Starting DynamoDB Local…');
    const dynamodb: RunningDynamoDb = await startDynamoDbLocal({ port: settings.dynamodbPort, dataDir: settings.dynamodbDir });
    shutdown.add(() => dynamodb.stop());
    const tableState = await ensureTable(dynamodb.endpoint, settings.tableName);
    progress('Starting the inbox (SES emulator)…');
    const inbox: RunningInbox = await startSesInbox(settings.inboxPort);
    shutdown.add(() => inbox.stop());

    const apiUrl = `http://localhost:${settings.apiPort}`;
    const pipeline = createLocalPipeline({
      config,
      questionnaires,
      tableName: settings.tableName,
      dynamodbEndpoint: dynamodb.endpoint,
      sesEndpoint: inbox.url,
      publicBaseUrl: apiUrl,
      linkSecret: () => localLinkSecret(settings.secretFile),
      mailDir: settings.mailDir,
      log,
    });
    shutdown.add(() => pipeline.close());
    if (tableState === 'created') await seedDemo(pipeline.table, questionnaires, config.timeZone, config.complaintHandling.headOfServiceEmail);
    // Events and deliveries start after the demo data, so the receiver shows only what happens from now on.
    const receiver = await startWebhookReceiver(settings.receiverPort, (id) => localLinkSecret(join(settings.webhookSecretDir, id)));
    shutdown.add(() => receiver.stop());
    const integrations = startLocalIntegrations({ config, table: pipeline.table, dynamodbEndpoint: dynamodb.endpoint, receiverUrl: receiver.url, secretDir: settings.webhookSecretDir, publicBaseUrl: apiUrl, linkSecret: localLinkSecret(settings.secretFile), log });
    shutdown.add(() => integrations.close());

    // Bound to loopback only: locally the admin routes have no IAM in front of them.
    const server = serve({ fetch: pipeline.app.fetch, port: settings.apiPort, hostname: '127.0.0.1' });
    shutdown.add(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const clock: RunningClock = startLocalClock(scheduleDefinitions(config), async (job) => {
      await pipeline.jobs[job]().catch((error: unknown) => log.error(`scheduled job ${job} failed`, error));
    });
    shutdown.add(() => clock.stop());

    // A head-of-service link, so the demo history is on a dashboard from the first minute.
    const dashboardUrl = routeUrl(apiUrl, ROUTES.dashboard, { token: signDashboardToken({ kind: 'company' }, localLinkSecret(settings.secretFile), { now: new Date() }) });
    writeRunFile(settings.runFile, { pid: process.pid, apiUrl, inboxUrl: inbox.url, receiverUrl: receiver.url, dashboardUrl, dynamodbEndpoint: dynamodb.endpoint, tableName: settings.tableName, startedAt: new Date().toISOString() });
    printReady(settings, { apiUrl, dashboardUrl, inboxUrl: inbox.url, receiverUrl: receiver.url, dynamodbEndpoint: dynamodb.endpoint, timeZone: config.timeZone, nextRuns: clock.nextRuns });
  } catch (error) {
    await shutdown.run();
    throw error;
  }
}

/** Refuses to start beside a running local stack, or on a port that is taken (named by the variable that moves it). */
async function preflight(settings: Settings): Promise<void> {
  const running = readRunFile(settings.runFile);
  if (running) {
    throw new UserFacingError(`A local stack is already running (pid ${running.pid}): API ${running.apiUrl}, Inbox ${running.inboxUrl}. Stop it with Ctrl-C first.`);
  }
  await requireFreePort(settings.apiPort, 'FEEDBACK_API_PORT');
  await requireFreePort(settings.inboxPort, 'FEEDBACK_INBOX_PORT');
  await requireFreePort(settings.dynamodbPort, 'FEEDBACK_DYNAMODB_PORT');
  await requireFreePort(settings.receiverPort, 'FEEDBACK_RECEIVER_PORT');
}

/** Stops what was started, last first, on Ctrl-C or a failed start; DynamoDB Local's Java process included. */
class Shutdown {
  private readonly stops: Array<() => Promise<void> | void> = [];
  private stopping = false;

  constructor(private readonly settings: Settings) {
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
      process.on(signal, () => {
        // Ctrl-C in a terminal signals the whole process group: say it once.
        if (this.stopping) return;
        process.stdout.write('\nStopping the local stack…\n');
        void this.run().then(() => process.exit(0));
      });
    }
  }

  add(stop: () => Promise<void> | void): void {
    this.stops.push(stop);
  }

  async run(): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    for (const stop of this.stops.reverse()) await Promise.resolve(stop()).catch(() => undefined);
    if (readRunFile(this.settings.runFile)?.pid === process.pid) removeRunFile(this.settings.runFile);
  }
}

/** What the start is doing while it is slow (seeding takes a while): on stderr, so stdout keeps the URLs. */
function progress(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** A new table gets the demo data: departments, staff, contacts, and weeks of answers for the digest's trends. */
async function seedDemo(table: Parameters<typeof seedDemoData>[0], questionnaires: ReturnType<typeof loadQuestionnaires>, timeZone: string, headOfServiceEmail: string): Promise<void> {
  progress('Adding demo data: departments, staff and contacts…');
  const seeded = await seedDemoData(table);
  const customerQuestionnaire = questionnaires.find((q) => q.audience === 'customers');
  const history = customerQuestionnaire
    ? await seedDemoHistory(table, customerQuestionnaire, {
        now: new Date(),
        timeZone,
        headOfServiceEmail,
        onWeek: (period, week, weeks) => progress(`Adding demo history: week ${week} of ${weeks} (${periodLabel(period)})…`),
      })
    : [];
  process.stdout.write(`Demo data: ${seeded.departments} departments, ${seeded.staff} staff, ${seeded.contacts} contacts, ${history.length} weeks of history (${history.join(', ')}).\n`);
}

function printReady(settings: Settings, stack: { apiUrl: string; dashboardUrl: string; inboxUrl: string; receiverUrl: string; dynamodbEndpoint: string; timeZone: string; nextRuns: RunningClock['nextRuns'] }): void {
  const local = new Intl.DateTimeFormat('en-GB', { timeZone: stack.timeZone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
  const schedules = stack.nextRuns.map((run) => `  ${run.job}: next ${run.next ? local.format(run.next) : 'never'} (${stack.timeZone})`).join('\n');
  process.stdout.write(
    [
      '',
      'Feedback pipeline running locally.',
      `API: ${stack.apiUrl}`,
      `Inbox: ${stack.inboxUrl}`,
      `Dashboard (head of service, valid ${DEFAULT_DASHBOARD_LINK_DAYS} days): ${stack.dashboardUrl}`,
      `Webhook receiver: ${stack.receiverUrl} (what webhooks and chat channels get)`,
      `DynamoDB Local: ${stack.dynamodbEndpoint} (table ${settings.tableName}, data in ${settings.dynamodbDir})`,
      `Raw mail (.eml): ${settings.mailDir}`,
      'Schedules:',
      schedules,
      '',
      'Send a wave now with: npx feedback send',
      'A department’s dashboard: npx feedback dashboard-link --scope department:repairs',
      'Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );
}

class UserFacingError extends Error {}

main().catch((error: unknown) => {
  if (error instanceof InvalidInputError || error instanceof JavaMissingError || error instanceof UserFacingError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`The local stack could not start: ${(error as Error).message}\n`);
  }
  process.exit(1);
});
