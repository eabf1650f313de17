import { CloudFormationClient, ListStackResourcesCommand, type StackResourceSummary } from '@aws-sdk/client-cloudformation';
import { GetFunctionConfigurationCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { GetAccountSendingEnabledCommand, GetIdentityVerificationAttributesCommand, GetSendQuotaCommand, SESClient } from '@aws-sdk/client-ses';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { loadDeploymentConfig } from '../../shared/deployment/load-config.ts';
import { loadQuestionnaires } from '../../shared/questionnaires/load-questionnaires.ts';
import { awsClientConfig, CALL_BUDGETS } from '../../shared/platform/aws-clients.ts';
import { BUSINESS_NAME, BUSINESS_TIME_ZONE, LINK_SECRET_ARN, LINK_VALIDITY_DAYS, PUBLIC_BASE_URL, SENDER_ADDRESS, SES_CONFIGURATION_SET } from '../../shared/platform/config/common-settings.ts';
import { FREQUENCY_CAP_DAYS, INTERACTION_DELAY_DAYS, RECURRING_PERIOD_DAYS, REMINDER_AFTER_DAYS } from '../../shared/invitations/invitation-settings.ts';
import { readLinkSecret } from '../../shared/platform/tokens/link-secret.ts';
import { sqsQueue } from '../../shared/platform/queue/sqs-queue.ts';
import type { TSendRequest } from '../../shared/invitations/invitation-store.ts';
import { runScheduledJob } from '../run-job.ts';
import { targetTable, type DeployedTarget } from '../target.ts';
import { StepFailure } from './check-steps.ts';
import { describeSchedules, expectedSchedules } from './expected-schedules.ts';
import type { CheckEnvironment } from './journey.ts';

const RUNBOOK = 'docs/feedback-check.md';
/** SES gives an account in the sandbox a 24-hour quota of 200; production access raises it. */
const SANDBOX_DAILY_QUOTA = 200;

/**
 * The journey against a deployed stack, through the AWS SDK with the caller's credentials:
 * the stack's outputs and resources (CloudFormation), the functions' settings (Lambda), the
 * sender identity and sandbox (SES), the send queue and dead-letter queues (SQS), the link
 * secret (Secrets Manager), the table (DynamoDB). Asynchronous steps get minutes, not seconds.
 */
export async function stackEnvironment(target: DeployedTarget): Promise<CheckEnvironment> {
  const config = loadDeploymentConfig();
  const connection = { region: target.region, credentials: defaultProvider() };
  const clientConfig = awsClientConfig(connection, CALL_BUDGETS.admin);
  const lambda = new LambdaClient(clientConfig);
  const ses = new SESClient(clientConfig);
  const sqs = new SQSClient(clientConfig);
  const settingsOf = async (functionName: string) => (await lambda.send(new GetFunctionConfigurationCommand({ FunctionName: functionName }))).Environment?.Variables ?? {};
  let resources: Promise<StackResourceSummary[]> | undefined;
  const stackResources = () => (resources ??= listStackResources(new CloudFormationClient(clientConfig), target.stackName));
  const queue = sqsQueue<TSendRequest>(target.outputs.sendQueueUrl, { connection });

  return {
    name: `stack ${target.stackName} (${target.region})`,
    table: targetTable(target),
    config,
    questionnaires: loadQuestionnaires(),
    apiUrl: target.outputs.apiUrl,
    patience: { sendMs: 120_000, mailEventsMs: 240_000, complaintMs: 120_000 },
    async describeDeployment() {
      const [planner, complaints] = await Promise.all([settingsOf(target.outputs.plannerFunctionName), settingsOf(target.outputs.complaintsFunctionName)]);
      const expected: Array<[Record<string, string>, string, string]> = [
        [planner, BUSINESS_TIME_ZONE.name, config.timeZone],
        [planner, RECURRING_PERIOD_DAYS.name, String(config.planning.recurringPeriodDays)],
        [planner, FREQUENCY_CAP_DAYS.name, String(config.planning.frequencyCapDays)],
        [planner, INTERACTION_DELAY_DAYS.name, String(config.planning.interactionDelayDays)],
        [planner, REMINDER_AFTER_DAYS.name, String(config.reminders.afterDays)],
        [planner, LINK_VALIDITY_DAYS.name, String(config.linkValidityDays)],
        [complaints, SENDER_ADDRESS.name, config.senderAddress],
        [complaints, BUSINESS_NAME.name, config.businessName],
        [complaints, SES_CONFIGURATION_SET.name, target.outputs.configurationSetName],
        [complaints, PUBLIC_BASE_URL.name, target.outputs.apiUrl],
      ];
      const drift = expected.filter(([deployed, name, value]) => deployed[name] !== value).map(([deployed, name, value]) => `${name} is ${deployed[name] ?? 'unset'}, config says ${value}`);
      if (drift.length > 0) throw new StepFailure(`the deployed stack runs another config: ${drift.join('; ')}`, `run \`npx cdk deploy\` with this config, or check with the config that was deployed (${RUNBOOK}#stack)`);
      return `${Object.keys(target.outputs).length} outputs read; the functions run this checkout's config (${config.timeZone}, sender ${config.senderAddress})`;
    },
    async senderIdentity() {
      const domain = config.senderAddress.split('@')[1]!;
      const [{ VerificationAttributes = {} }, { Enabled }, quota] = await Promise.all([
        ses.send(new GetIdentityVerificationAttributesCommand({ Identities: [config.senderAddress, domain] })),
        ses.send(new GetAccountSendingEnabledCommand({})),
        ses.send(new GetSendQuotaCommand({})),
      ]);
      const verified = [config.senderAddress, domain].find((identity) => VerificationAttributes[identity]?.VerificationStatus === 'Success');
      if (!verified) {
        const states = [config.senderAddress, domain].map((identity) => `${identity}: ${VerificationAttributes[identity]?.VerificationStatus ?? 'not an identity'}`);
        throw new StepFailure(`the sender is not a verified SES identity in ${target.region} (${states.join(', ')})`, `verify the address or its domain in the SES console of ${target.region} (${RUNBOOK}#sender)`);
      }
      if (Enabled === false) throw new StepFailure(`sending is paused for the account in ${target.region}`, `read the SES console's reputation page, fix the cause, and ask AWS to resume sending (${RUNBOOK}#sender)`);
      if ((quota.Max24HourSend ?? 0) <= SANDBOX_DAILY_QUOTA) {
        throw new StepFailure(
          `${verified} is verified, but the account is in the SES sandbox (${quota.Max24HourSend} emails a day): it can mail only verified addresses and the mailbox simulator, so customers and managers get nothing`,
          `request production access in the SES console of ${target.region} (${RUNBOOK}#sender)`,
        );
      }
      return `${verified} verified; out of the sandbox (${quota.Max24HourSend} emails a day, ${quota.MaxSendRate}/s; the config assumes ${config.sesSendRatePerSecond}/s)`;
    },
    queueInvitations: (requests) => queue.send(requests),
    async linkSecret() {
      const arn = (await settingsOf(target.outputs.complaintsFunctionName))[LINK_SECRET_ARN.name];
      if (!arn) throw new StepFailure('the complaints function names no link secret', `redeploy (${RUNBOOK}#answer)`);
      return readLinkSecret(new SecretsManagerClient(clientConfig), arn);
    },
    runJob: (job, options) => runScheduledJob(target, job, options),
    async schedules() {
      const expected = expectedSchedules(config, new Date());
      const deployed = (await stackResources()).filter((r) => r.ResourceType === 'AWS::Scheduler::Schedule');
      // The stack names each schedule's resource after its job (`Schedule-<job>` in infra/constructs/job-schedules.ts), plus CDK's hash.
      const problems = expected.flatMap(({ job }) => {
        const found = deployed.find((r) => new RegExp(`^Schedule${job}[0-9A-F]{8}$`).test(r.LogicalResourceId ?? ''));
        if (!found) return [`${job}: no schedule`];
        return /_COMPLETE$/.test(found.ResourceStatus ?? '') && !/DELETE/.test(found.ResourceStatus ?? '') ? [] : [`${job}: ${found.ResourceStatus}`];
      });
      if (problems.length > 0) throw new StepFailure(`schedules missing or not in service: ${problems.join(', ')}`, `redeploy with this config (${RUNBOOK}#schedules)`);
      // Whether each is enabled, and its own next run, need EventBridge Scheduler's GetSchedule: its SDK client is not a dependency yet.
      return `${expected.length} schedules in service (enabled state not read: needs @aws-sdk/client-scheduler); expected next runs: ${describeSchedules(expected)}`;
    },
    async deadLetters() {
      const queues = (await stackResources()).filter((r) => r.ResourceType === 'AWS::SQS::Queue' && /DeadLetter|AsyncInvokeFailure/.test(r.LogicalResourceId ?? ''));
      const depths = await Promise.all(
        queues.map(async (r) => {
          const { Attributes = {} } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: r.PhysicalResourceId, AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'] }));
          return { name: r.LogicalResourceId ?? '', depth: Number(Attributes.ApproximateNumberOfMessages ?? 0) + Number(Attributes.ApproximateNumberOfMessagesNotVisible ?? 0) };
        }),
      );
      const full = depths.filter((q) => q.depth > 0);
      if (full.length > 0) throw new StepFailure(`not empty: ${full.map((q) => `${q.name} (${q.depth})`).join(', ')}`, `each queue's alarm in the README's Operations table says what to fix, then redrive it (${RUNBOOK}#dead-letters)`);
      return `${depths.length} dead-letter queue(s) empty`;
    },
    async close() {
      for (const client of [lambda, ses, sqs]) client.destroy();
    },
  };
}

async function listStackResources(client: CloudFormationClient, stackName: string): Promise<StackResourceSummary[]> {
  const resources: StackResourceSummary[] = [];
  let NextToken: string | undefined;
  do {
    const page = await client.send(new ListStackResourcesCommand({ StackName: stackName, ...(NextToken ? { NextToken } : {}) }));
    resources.push(...(page.StackResourceSummaries ?? []));
    NextToken = page.NextToken;
  } while (NextToken);
  return resources;
}
