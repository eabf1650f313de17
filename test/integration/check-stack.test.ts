import { afterEach, describe, expect, inject, it } from 'vitest';
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { runCheck, type CheckReport } from '../../cli/check/run-check.ts';
import type { CheckProgress } from '../../cli/check/check-steps.ts';
import { resolveTarget } from '../../cli/target.ts';
import { OUTPUTS } from '../../infra/feedback-stack-outputs.ts';
import { BUSINESS_NAME, BUSINESS_TIME_ZONE, LINK_SECRET_ARN, LINK_VALIDITY_DAYS, PUBLIC_BASE_URL, SENDER_ADDRESS, SES_CONFIGURATION_SET } from '../../shared/platform/config/common-settings.ts';
import { FREQUENCY_CAP_DAYS, INTERACTION_DELAY_DAYS, RECURRING_PERIOD_DAYS, REMINDER_AFTER_DAYS } from '../../shared/invitations/invitation-settings.ts';
import type { TSendRequest } from '../../shared/invitations/invitation-store.ts';
import { scheduleDefinitions } from '../../shared/deployment/schedules.ts';
import { demoConfig } from '../support/factories.ts';
import { describeStacksXml, startFakeAws, type CaughtRequest, type FakeAnswer } from '../support/fake-aws.ts';
import { usePipeline } from '../support/use-pipeline.ts';

/**
 * `feedback check --stack` with no AWS account: the SDK's requests are caught by a fake
 * endpoint (named through the SDK's own AWS_ENDPOINT_URL_<SERVICE> variables) that answers as
 * CloudFormation, Lambda, SES, SQS and Secrets Manager would, and hands the work on to a local
 * pipeline: queued invitations to its sender, the sweep to its complaints handler. DynamoDB is
 * DynamoDB Local, and the API is the pipeline's app served over HTTP.
 */
const SECRET = 'stack-link-secret-'.padEnd(48, 'x');
const pipelines = usePipeline({ linkSecret: SECRET });
let stops: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

interface FakeStack {
  planner?: Partial<Record<string, string>>;
  quota?: number;
  verified?: boolean;
  deadLetters?: number;
  missingSchedule?: string;
}

const xml = (action: string, result: string): FakeAnswer => ({ contentType: 'text/xml', body: `<${action}Response><${action}Result>${result}</${action}Result><ResponseMetadata><RequestId>fake</RequestId></ResponseMetadata></${action}Response>` });
const resource = (logical: string, physical: string, type: string) =>
  `<member><LogicalResourceId>${logical}</LogicalResourceId><PhysicalResourceId>${physical}</PhysicalResourceId><ResourceType>${type}</ResourceType><ResourceStatus>CREATE_COMPLETE</ResourceStatus><LastUpdatedTimestamp>2026-11-01T00:00:00Z</LastUpdatedTimestamp></member>`;

async function checkFakeStack(stack: FakeStack = {}): Promise<{ report: CheckReport; caught: CaughtRequest[] }> {
  const pipeline = await pipelines.start();
  const server = serve({ fetch: pipeline.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  stops.push(() => new Promise((resolve) => server.close(() => resolve())));
  const apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // SQS sends each request to its queue's URL, so the queues live on the fake endpoint; filled in once it listens.
  let sqsUrl = '';
  const outputs = (): Record<string, string> => ({
    ...Object.fromEntries(Object.entries(OUTPUTS).map(([key, name]) => [name, `fake-${key}`])),
    ApiUrl: apiUrl,
    TableName: pipeline.table.name,
    ConfigurationSetName: 'feedback',
    SendQueueUrl: `${sqsUrl}/SendQueue`,
  });
  const environments: Record<string, Record<string, string>> = {
    'fake-plannerFunctionName': {
      [BUSINESS_TIME_ZONE.name]: demoConfig.timeZone,
      [RECURRING_PERIOD_DAYS.name]: String(demoConfig.planning.recurringPeriodDays),
      [FREQUENCY_CAP_DAYS.name]: String(demoConfig.planning.frequencyCapDays),
      [INTERACTION_DELAY_DAYS.name]: String(demoConfig.planning.interactionDelayDays),
      [REMINDER_AFTER_DAYS.name]: String(demoConfig.reminders.afterDays),
      [LINK_VALIDITY_DAYS.name]: String(demoConfig.linkValidityDays),
      ...(stack.planner as Record<string, string>),
    },
    'fake-complaintsFunctionName': {
      [SENDER_ADDRESS.name]: demoConfig.senderAddress,
      [BUSINESS_NAME.name]: demoConfig.businessName,
      [SES_CONFIGURATION_SET.name]: 'feedback',
      [PUBLIC_BASE_URL.name]: apiUrl,
      [LINK_SECRET_ARN.name]: 'arn:aws:secretsmanager:eu-west-2:111122223333:secret:link',
    },
  };
  const schedules = scheduleDefinitions(demoConfig)
    .filter((d) => d.job !== stack.missingSchedule)
    .map((d, i) => resource(`Schedule${d.job}0C5E77E${i}`, `schedule-${i}`, 'AWS::Scheduler::Schedule'))
    .join('');
  const queues = () => ['SendDeadLetterQueue', 'SchedulerDeadLetterQueue', 'AsyncInvokeFailureQueue'].map((name) => resource(name, `${sqsUrl}/${name}`, 'AWS::SQS::Queue')).join('');
  const fake = await startFakeAws(['cloudformation', 'lambda', 'ses', 'sqs', 'secrets-manager'], async (request) => {
    const body = () => JSON.parse(request.body) as Record<string, unknown>;
    switch (request.operation) {
      case 'DescribeStacks':
        return describeStacksXml('Feedback', outputs());
      case 'ListStackResources':
        return xml('ListStackResources', `<StackResourceSummaries>${schedules}${queues()}</StackResourceSummaries>`);
      case 'GetIdentityVerificationAttributes':
        return xml('GetIdentityVerificationAttributes', `<VerificationAttributes><entry><key>${demoConfig.senderAddress}</key><value><VerificationStatus>${stack.verified === false ? 'Pending' : 'Success'}</VerificationStatus></value></entry></VerificationAttributes>`);
      case 'GetAccountSendingEnabled':
        return xml('GetAccountSendingEnabled', '<Enabled>true</Enabled>');
      case 'GetSendQuota':
        return xml('GetSendQuota', `<Max24HourSend>${stack.quota ?? 50000}</Max24HourSend><MaxSendRate>14</MaxSendRate><SentLast24Hours>3</SentLast24Hours>`);
      case 'SendMessageBatch':
        await pipeline.sendQueue.send((body()['Entries'] as Array<{ MessageBody: string }>).map((entry) => JSON.parse(entry.MessageBody) as TSendRequest));
        return { body: JSON.stringify({ Successful: [], Failed: [] }) };
      case 'GetQueueAttributes': {
        const depth = String(body()['QueueUrl']).endsWith('SendDeadLetterQueue') ? (stack.deadLetters ?? 0) : 0;
        return { body: JSON.stringify({ Attributes: { ApproximateNumberOfMessages: String(depth), ApproximateNumberOfMessagesNotVisible: '0' } }) };
      }
      case 'GetSecretValue':
        return { body: JSON.stringify({ ARN: body()['SecretId'], Name: 'link', SecretString: SECRET }) };
    }
    const fn = /^\/2015-03-31\/functions\/([^/]+)\/(configuration|invocations)$/.exec(decodeURIComponent(request.path));
    if (fn?.[2] === 'configuration') return { body: JSON.stringify({ FunctionName: fn[1], Environment: { Variables: environments[fn[1]!] ?? {} } }) };
    if (fn?.[2] === 'invocations' && fn[1] === 'fake-complaintsFunctionName') return { body: JSON.stringify(await pipeline.jobs.sweepComplaints()) };
    return undefined;
    // DynamoDB Local keeps tables per access key and Region: the fake credentials are the test tables' own.
  }, { region: 'local', accessKeyId: 'local' });
  sqsUrl = `${fake.url}/sqs/000000000000`;
  process.env['AWS_ENDPOINT_URL_DYNAMODB'] = inject('dynamodbEndpoint');
  stops.push(async () => {
    delete process.env['AWS_ENDPOINT_URL_DYNAMODB'];
    await fake.stop();
  });
  const silent: CheckProgress = { started: () => undefined, waiting: () => undefined, ended: () => undefined };
  const report = await runCheck(await resolveTarget({ stack: 'Feedback' }), {}, silent);
  return { report, caught: fake.caught };
}

const statuses = (report: CheckReport) => Object.fromEntries(report.steps.map((step) => [step.id, step.status]));

describe('feedback check --stack, on the AWS SDK', () => {
  it('passes every step on a healthy stack: it reads the outputs and settings, checks SES, queues on SQS, answers through the API and invokes the sweep', async () => {
    const { report, caught } = await checkFakeStack();
    expect(report.steps.filter((step) => step.status !== 'passed')).toEqual([]);
    expect(report.target).toBe('stack Feedback (local)');
    const operations = new Set(caught.map((r) => `${r.service} ${r.operation.startsWith('/') ? r.operation.split('/').pop() : r.operation}`));
    expect([...operations].sort()).toEqual([
      'cloudformation DescribeStacks',
      'cloudformation ListStackResources',
      'lambda configuration',
      'lambda invocations',
      'secrets-manager GetSecretValue',
      'ses GetAccountSendingEnabled',
      'ses GetIdentityVerificationAttributes',
      'ses GetSendQuota',
      'sqs GetQueueAttributes',
      'sqs SendMessageBatch',
    ]);
    expect(report.steps.find((step) => step.id === 'schedules')!.detail).toMatch(/^5 schedules in service .*; expected next runs: planWave next Mon \d+ \w+, 09:00 Europe\/London;/);
    expect(report.steps.find((step) => step.id === 'sender')!.detail).toBe(`${demoConfig.senderAddress} verified; out of the sandbox (50000 emails a day, 14/s; the config assumes ${demoConfig.sesSendRatePerSecond}/s)`);
  }, 60_000);

  it('an account in the SES sandbox fails the sender step, saying who can be mailed and what to do', async () => {
    const { report } = await checkFakeStack({ quota: 200 });
    const sender = report.steps.find((step) => step.id === 'sender')!;
    expect(sender).toMatchObject({ status: 'failed', fix: expect.stringContaining('request production access') });
    expect(sender.detail).toContain('it can mail only verified addresses and the mailbox simulator');
    expect(report.passed).toBe(false);
  }, 60_000);

  it('a stack deployed with another config fails the first step, naming the setting; the steps that need the stack are skipped', async () => {
    const { report } = await checkFakeStack({ planner: { [BUSINESS_TIME_ZONE.name]: 'America/New_York' } });
    expect(report.steps[0]).toMatchObject({ id: 'stack', status: 'failed', detail: `the deployed stack runs another config: ${BUSINESS_TIME_ZONE.name} is America/New_York, config says ${demoConfig.timeZone}` });
    expect(statuses(report)).toMatchObject({ invitation: 'skipped', answer: 'skipped', sweep: 'skipped', cleanup: 'passed' });
  }, 60_000);

  it('an unverified sender, a missing schedule or a dead-letter queue with messages fails its step and names it', async () => {
    const { report } = await checkFakeStack({ verified: false, deadLetters: 3, missingSchedule: 'sweepComplaints' });
    expect(report.steps.find((step) => step.id === 'schedules')).toMatchObject({ status: 'failed', detail: 'schedules missing or not in service: sweepComplaints: no schedule' });
    expect(report.steps.find((step) => step.id === 'sender')).toMatchObject({ status: 'failed', detail: expect.stringContaining(`${demoConfig.senderAddress}: Pending`) });
    expect(report.steps.find((step) => step.id === 'dead-letters')).toMatchObject({ status: 'failed', detail: 'not empty: SendDeadLetterQueue (3)' });
  }, 60_000);
});
