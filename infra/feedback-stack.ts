import { brandSettingFrom } from '../shared/deployment/branding-setting.ts';
import { CfnOutput, Duration, Stack, Tags, Token, type CfnElement, type StackProps } from 'aws-cdk-lib';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { TDeploymentConfig } from '../shared/deployment/deployment-config.ts';
import { scheduleDefinitions } from '../shared/deployment/schedules.ts';
import { ROUTES } from '../shared/platform/web/routes.ts';
import { PUBLIC_BASE_URL } from '../shared/platform/config/common-settings.ts';
import { COMPLAINT_QUEUE_URL } from '../shared/complaints/complaint-settings.ts';
import { SEND_QUEUE_URL } from '../shared/invitations/invitation-settings.ts';
import { MAILER_INSTANCES } from '../shared/deployment/mail-shares.ts';
import { DeadLetterQueue, FailedRunDestination } from './constructs/dead-letter-queue.ts';
import { FeedbackHttpApi } from './constructs/feedback-http-api.ts';
import { FeedbackMail } from './constructs/feedback-mail.ts';
import { FeedbackTable } from './constructs/feedback-table.ts';
import { FeedbackIntegrations } from './constructs/feedback-integrations.ts';
import { JobSchedules } from './constructs/job-schedules.ts';
import { LinkSigningSecret } from './constructs/link-signing-secret.ts';
import { PipelineAlarms } from './constructs/pipeline-alarms.ts';
import { logicalIdWithoutParts } from './constructs/stack-part.ts';
import { WorkQueue } from './constructs/work-queue.ts';
import { createFunctions, setConfigSettings } from './feedback-functions.ts';
import { OUTPUTS } from './feedback-stack-outputs.ts';
import { refuseUnsupportedRegion } from './supported-regions.ts';

export interface FeedbackStackProps extends StackProps {
  /** The validated deployment config (`config/feedback.config.json`). */
  readonly config: TDeploymentConfig;
  /** The questionnaire folder bundled into the functions. @default config/questionnaires */
  readonly questionnaireDir?: string;
}

export class FeedbackStack extends Stack {
  constructor(scope: Construct, id: string, props: FeedbackStackProps) {
    super(scope, id, props);
    const { config } = props;
    // An environment-agnostic synth (no Region known) cannot be checked; `cdk deploy` with a profile can.
    if (!Token.isUnresolved(this.region)) refuseUnsupportedRegion(this.region, config.additionalRegions);
    Tags.of(this).add('Application', 'feedback-pipeline');
    Tags.of(this).add('FeedbackStack', this.stackName);
    for (const [key, value] of Object.entries(config.tags)) Tags.of(this).add(key, value);
    const logRetention = config.logRetentionDays as logs.RetentionDays;

    const table = new FeedbackTable(this, 'Table');
    const linkSecret = new LinkSigningSecret(this, 'LinkSecret');
    // Planner → sender; and complaint notifications (escalations, reassignments, the customer's reply).
    const sendQueue = new WorkQueue(this, 'Send', { urlSetting: SEND_QUEUE_URL });
    const complaintQueue = new WorkQueue(this, 'Complaint', { urlSetting: COMPLAINT_QUEUE_URL });
    const functions = createFunctions(this, { logRetention, questionnaireDir: props.questionnaireDir, brandLogoFile: brandSettingFrom(config.branding).logoFile });
    const { 'http-api': httpApi, planner, sender, complaints, digest, 'mail-events': mailEvents } = functions;
    const api = new FeedbackHttpApi(this, 'Api', { handler: httpApi.function, routes: ROUTES, logRetention, customDomain: config.customDomain });
    const mail = new FeedbackMail(this, 'Mail', { senderAddress: config.senderAddress, eventsHandler: mailEvents.function });

    // Least privilege: each function gets only the item operations and indexes its code uses.
    table.connect(httpApi, { actions: ['GetItem', 'BatchGetItem', 'PutItem', 'UpdateItem', 'Query'], indexes: ['byLinkId', 'byList'] });
    table.connect(complaints, { actions: ['GetItem', 'UpdateItem', 'Query'], indexes: ['byList'] });
    table.connect(digest, { actions: ['GetItem', 'PutItem', 'Query', 'BatchWriteItem'], indexes: ['byList'] });
    table.connect(planner, { actions: ['GetItem', 'BatchGetItem', 'PutItem', 'UpdateItem', 'Query'], indexes: ['byList'] });
    table.connect(sender, { actions: ['GetItem', 'UpdateItem'] });
    table.connect(mailEvents, { actions: ['PutItem'] });
    for (const fn of [httpApi, sender, complaints, digest]) linkSecret.connect(fn);
    for (const fn of [httpApi, complaints]) complaintQueue.connectProducer(fn);
    complaintQueue.feed(complaints, { maxConcurrency: MAILER_INSTANCES.complaints });
    sendQueue.connectProducer(planner);
    for (const fn of [digest, sender, complaints]) mail.connectSender(fn);
    sendQueue.feed(sender, { maxConcurrency: MAILER_INSTANCES.invitations });
    for (const fn of [sender, complaints, digest]) fn.setEnv(PUBLIC_BASE_URL, api.url);
    setConfigSettings(functions, config);

    const schedules = new JobSchedules(this, 'Schedules', { definitions: scheduleDefinitions(config), functions });
    // Scheduler and SNS invoke these asynchronously: a run that fails its retries lands in a queue
    // with an alarm, instead of being dropped silently after Lambda's six hours.
    const integrations = new FeedbackIntegrations(this, 'Integrations', { table, webhooks: config.webhooks, chat: config.chat, businessName: config.businessName, publicBaseUrl: api.url, linkSecret, logRetention, questionnaireDir: props.questionnaireDir });
    const asyncFailures = new DeadLetterQueue(this, 'AsyncInvokeFailureQueue');
    for (const fn of [planner, complaints, digest, mailEvents]) {
      fn.function.configureAsyncInvoke({ retryAttempts: 2, maxEventAge: Duration.hours(1), onFailure: new FailedRunDestination(asyncFailures) });
    }
    const alarms = new PipelineAlarms(this, 'Alarms', {
      email: config.alarmEmail,
      deadLetterQueues: [sendQueue.deadLetterQueue, schedules.deadLetterQueue, mail.eventsDeadLetterQueue, complaintQueue.deadLetterQueue, asyncFailures, integrations.publishFailures, integrations.deliveryQueue.deadLetterQueue],
      functions: [...Object.values(functions), integrations.publisher, integrations.deliverer],
      configurationSet: mail.configurationSet,
      api: api.api,
      mailers: [sender, complaints],
      // Invitations drain at the SES rate (10,000 take about 12 minutes at 14/s); complaints are due within minutes.
      queueAges: [
        { queue: sendQueue.queue, maxAge: Duration.hours(1) },
        { queue: complaintQueue.queue, maxAge: Duration.minutes(10) },
      ],
    });

    const outputs: Record<keyof typeof OUTPUTS, string> = {
      apiUrl: api.url,
      tableName: table.table.tableName,
      sendQueueUrl: sendQueue.queue.queueUrl,
      plannerFunctionName: planner.function.functionName,
      digestFunctionName: digest.function.functionName,
      complaintsFunctionName: complaints.function.functionName,
      configurationSetName: mail.configurationSet.configurationSetName,
      alarmTopicArn: alarms.topic.topicArn,
      linkSecretArn: linkSecret.secret.secretArn,
      eventBusName: integrations.bus.eventBusName,
      eventBusArn: integrations.bus.eventBusArn,
    };
    for (const [key, value] of Object.entries(outputs)) new CfnOutput(this, OUTPUTS[key as keyof typeof OUTPUTS], { value });
  }

  /** Resources in the stack's parts keep the logical IDs they would have outside them (see StackPart). */
  protected override allocateLogicalId(element: CfnElement): string {
    return logicalIdWithoutParts(element);
  }
}
