import { CfnElement, CfnOutput, Duration, RemovalPolicy, Stack, TimeZone, Validations, type StackProps } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpIamAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cwActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as targets from 'aws-cdk-lib/aws-scheduler-targets';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as ses from 'aws-cdk-lib/aws-ses';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import type { TDeploymentConfig } from '../shared/deployment/deployment-config.ts';
import { TABLE_DESIGN, type IndexName } from '../shared/platform/table/table-design.ts';
import { ROUTES } from '../shared/platform/web/routes.ts';
import { scheduleDefinitions, type ScheduledJob } from '../shared/deployment/schedules.ts';
import { SENDER_MAX_CONCURRENCY } from '../shared/invitations/send-rate.ts';
import { ProductFunction } from './constructs/product-function.ts';
import { OUTPUTS } from './feedback-stack-outputs.ts';
import { complaintHandlingFrom } from '../shared/complaints/handling-config.ts';
import { BUSINESS_NAME, BUSINESS_TIME_ZONE, LINK_SECRET_ARN, LINK_VALIDITY_DAYS, PUBLIC_BASE_URL, SENDER_ADDRESS, SES_CONFIGURATION_SET, TABLE_NAME } from '../shared/platform/config/common-settings.ts';
import { COMPLAINT_HANDLING, COMPLAINT_QUEUE_URL, COMPLAINT_RULES } from '../shared/complaints/complaint-settings.ts';
import { FREQUENCY_CAP_DAYS, INTERACTION_DELAY_DAYS, RECURRING_PERIOD_DAYS, REMINDER_AFTER_DAYS, SEND_QUEUE_URL, SES_SEND_RATE } from '../shared/invitations/invitation-settings.ts';
import { RESPONSE_RETENTION_DAYS } from '../shared/answering/answering-settings.ts';
import { SETTINGS as HTTP_API_SETTINGS } from '../functions/http-api/settings.ts';
import { SETTINGS as PLANNER_SETTINGS } from '../functions/planner/settings.ts';
import { SETTINGS as SENDER_SETTINGS } from '../functions/sender/settings.ts';
import { SETTINGS as COMPLAINTS_SETTINGS } from '../functions/complaints/settings.ts';
import { SETTINGS as DIGEST_SETTINGS } from '../functions/digest/settings.ts';
import { SETTINGS as MAIL_EVENTS_SETTINGS } from '../functions/mail-events/settings.ts';

export interface FeedbackStackProps extends StackProps {
  /** The validated deployment config (`config/feedback.config.json`). */
  readonly config: TDeploymentConfig;
  /** The questionnaire folder bundled into the functions. @default config/questionnaires */
  readonly questionnaireDir?: string;
}


type TableAction = 'GetItem' | 'BatchGetItem' | 'PutItem' | 'UpdateItem' | 'Query' | 'BatchWriteItem';

/** The public API's sustained and burst request limits (per second, whole stage). */
const API_THROTTLE = { rateLimit: 50, burstLimit: 100 };

export class FeedbackStack extends Stack {
  constructor(scope: Construct, id: string, props: FeedbackStackProps) {
    super(scope, id, props);
    const { config } = props;
    const logRetention = config.logRetentionDays as logs.RetentionDays;

    const table = this.createTable();

    const linkSecret = new secretsmanager.Secret(this, 'LinkSigningSecret', {
      description: 'HMAC key that signs questionnaire and unsubscribe links',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
    });
    Validations.of(linkSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason: 'Rotating the link-signing key would invalidate every questionnaire and unsubscribe link already emailed; links expire on their own instead.',
    });

    const alarmTopic = new sns.Topic(this, 'AlarmTopic', { displayName: 'Feedback pipeline alarms', enforceSSL: true });
    if (config.alarmEmail) alarmTopic.addSubscription(new subscriptions.EmailSubscription(config.alarmEmail));
    Validations.of(alarmTopic).acknowledge({
      id: 'AwsSolutions-SNS2',
      reason: 'Alarm notifications carry only alarm names and states, no customer data; CloudWatch cannot publish to a topic under the AWS-managed SNS key.',
    });

    // Send queue: planner → sender, with a dead-letter queue for messages that keep failing.
    const sendDlq = this.deadLetterQueue('SendDeadLetterQueue');
    const sendQueue = new sqs.Queue(this, 'SendQueue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // Six times the sender's timeout, as Lambda recommends for SQS event sources.
      visibilityTimeout: Duration.minutes(6),
      deadLetterQueue: { queue: sendDlq, maxReceiveCount: 5 },
    });
    const schedulerDlq = this.deadLetterQueue('SchedulerDeadLetterQueue');

    // Complaint queue: notifications (escalations, reassignments, the customer's reply).
    const complaintDlq = this.deadLetterQueue('ComplaintDeadLetterQueue');
    const complaintQueue = new sqs.Queue(this, 'ComplaintQueue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: Duration.minutes(6),
      deadLetterQueue: { queue: complaintDlq, maxReceiveCount: 5 },
    });

    // SES: a configuration set whose bounces and complaints reach the mail-events function.
    const mailEventsTopic = new sns.Topic(this, 'MailEventsTopic', { displayName: 'SES bounces and complaints', enforceSSL: true });
    Validations.of(mailEventsTopic).acknowledge({
      id: 'AwsSolutions-SNS2',
      reason: 'SES cannot publish to a topic encrypted with the AWS-managed SNS key; messages hold only bounce and complaint metadata and live seconds.',
    });
    const configurationSet = new ses.ConfigurationSet(this, 'ConfigurationSet', {
      reputationMetrics: true,
      sendingEnabled: true,
    });
    configurationSet.addEventDestination('BouncesAndComplaints', {
      destination: ses.EventDestination.snsTopic(mailEventsTopic),
      events: [ses.EmailSendingEvent.BOUNCE, ses.EmailSendingEvent.COMPLAINT],
    });

    const apiLogs = new logs.LogGroup(this, 'ApiAccessLogs', { retention: logRetention, removalPolicy: RemovalPolicy.DESTROY });
    const api = new apigw.HttpApi(this, 'HttpApi', {
      description: 'Questionnaire pages, unsubscribe, and IAM-authorised admin routes',
      createDefaultStage: false,
    });
    const stage = api.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: API_THROTTLE,
      accessLogSettings: { destination: new apigw.LogGroupLogDestination(apiLogs) },
    });
    const apiUrl = stage.url;

    // Functions.
    const common = { logRetention, ...(props.questionnaireDir ? { questionnaireDir: props.questionnaireDir } : {}) };
    const httpApi = new ProductFunction(this, 'HttpApiFunction', {
      ...common,
      folder: 'http-api',
      settings: HTTP_API_SETTINGS,
      callBudget: 'interactive',
      description: 'Serves questionnaire pages, answers and unsubscribes',
      bundleQuestionnaires: true,
      timeout: Duration.seconds(10),
    });
    const planner = new ProductFunction(this, 'PlannerFunction', {
      ...common,
      folder: 'planner',
      settings: PLANNER_SETTINGS,
      callBudget: 'batch',
      description: 'Plans a questionnaire wave and queues the invitations',
      bundleQuestionnaires: true,
      timeout: Duration.minutes(15),
      memorySize: 512,
    });
    const sender = new ProductFunction(this, 'SenderFunction', {
      ...common,
      folder: 'sender',
      settings: SENDER_SETTINGS,
      callBudget: 'queue',
      description: 'Sends queued invitations through SES within the send rate',
      bundleQuestionnaires: true,
      timeout: Duration.minutes(1),
    });
    const complaints = new ProductFunction(this, 'ComplaintsFunction', {
      ...common,
      folder: 'complaints',
      settings: COMPLAINTS_SETTINGS,
      callBudget: 'queue',
      description: 'Escalates complaints to managers and sweeps for overdue ones',
      bundleQuestionnaires: true,
      timeout: Duration.minutes(1),
    });
    const digest = new ProductFunction(this, 'DigestFunction', {
      ...common,
      folder: 'digest',
      settings: DIGEST_SETTINGS,
      callBudget: 'batch',
      description: 'Aggregates a period into rollups and emails the managers their digest',
      bundleQuestionnaires: true,
      // One pass over a period's responses: 1M responses fit well inside 15 minutes and 1 GB.
      timeout: Duration.minutes(15),
      memorySize: 1024,
    });
    const mailEvents = new ProductFunction(this, 'MailEventsFunction', {
      ...common,
      folder: 'mail-events',
      settings: MAIL_EVENTS_SETTINGS,
      callBudget: 'queue',
      description: 'Adds bounced and complaining addresses to the suppression list',
      timeout: Duration.minutes(1),
    });

    // Wiring: each grant is made together with the environment variable that uses it.
    const useTable = (fn: ProductFunction, actions: TableAction[], indexes: IndexName[] = []) => {
      fn.setEnv(TABLE_NAME, table.tableName);
      fn.role.addToPolicy(
        new iam.PolicyStatement({
          actions: actions.map((action) => `dynamodb:${action}`),
          resources: [table.tableArn, ...indexes.map((index) => `${table.tableArn}/index/${index}`)],
        }),
      );
    };
    const useLinkSecret = (fn: ProductFunction) => {
      fn.setEnv(LINK_SECRET_ARN, linkSecret.secretArn);
      linkSecret.grantRead(fn.role);
    };
    // Least privilege: each function gets only the item operations and indexes its code uses.
    useTable(httpApi, ['GetItem', 'PutItem', 'UpdateItem', 'Query'], ['byLinkId', 'byList']);
    useTable(complaints, ['GetItem', 'UpdateItem', 'Query'], ['byList']);
    useTable(digest, ['GetItem', 'PutItem', 'Query', 'BatchWriteItem'], ['byList']);
    useTable(planner, ['GetItem', 'BatchGetItem', 'PutItem', 'UpdateItem', 'Query'], ['byList']);
    useTable(sender, ['GetItem', 'UpdateItem']);
    useTable(mailEvents, ['PutItem']);
    useLinkSecret(httpApi);
    useLinkSecret(sender);
    useLinkSecret(complaints);
    for (const fn of [httpApi, sender, complaints, digest]) fn.setEnv(BUSINESS_NAME, config.businessName);
    digest.setEnv(COMPLAINT_HANDLING, JSON.stringify(complaintHandlingFrom(config)));
    httpApi.setEnv(COMPLAINT_RULES, JSON.stringify(config.complaints));
    httpApi.setEnv(RESPONSE_RETENTION_DAYS, String(config.privacy.responseRetentionDays));
    for (const fn of [httpApi, complaints]) {
      fn.setEnv(COMPLAINT_HANDLING, JSON.stringify(complaintHandlingFrom(config)));
      fn.setEnv(COMPLAINT_QUEUE_URL, complaintQueue.queueUrl);
      complaintQueue.grantSendMessages(fn.role);
    }
    complaints.function.addEventSource(new SqsEventSource(complaintQueue, { batchSize: 10, reportBatchItemFailures: true, maxConcurrency: 2 }));

    planner.setEnv(SEND_QUEUE_URL, sendQueue.queueUrl);
    sendQueue.grantSendMessages(planner.role);
    planner.setEnv(BUSINESS_TIME_ZONE, config.timeZone);
    planner.setEnv(RECURRING_PERIOD_DAYS, String(config.planning.recurringPeriodDays));
    planner.setEnv(FREQUENCY_CAP_DAYS, String(config.planning.frequencyCapDays));
    planner.setEnv(INTERACTION_DELAY_DAYS, String(config.planning.interactionDelayDays));
    planner.setEnv(REMINDER_AFTER_DAYS, String(config.reminders.afterDays));
    planner.setEnv(LINK_VALIDITY_DAYS, String(config.linkValidityDays));

    for (const fn of [digest]) {
      fn.setEnv(SENDER_ADDRESS, config.senderAddress);
      fn.setEnv(SES_CONFIGURATION_SET, configurationSet.configurationSetName);
      this.allowSending(fn, config.senderAddress, configurationSet);
    }
    for (const fn of [sender, complaints]) {
      fn.setEnv(SENDER_ADDRESS, config.senderAddress);
      fn.setEnv(PUBLIC_BASE_URL, apiUrl);
      fn.setEnv(SES_CONFIGURATION_SET, configurationSet.configurationSetName);
      this.allowSending(fn, config.senderAddress, configurationSet);
    }
    sender.setEnv(LINK_VALIDITY_DAYS, String(config.linkValidityDays));
    sender.setEnv(SES_SEND_RATE, String(config.sesSendRatePerSecond));
    sender.function.addEventSource(
      new SqsEventSource(sendQueue, { batchSize: 10, reportBatchItemFailures: true, maxConcurrency: SENDER_MAX_CONCURRENCY }),
    );

    const mailEventsDlq = this.deadLetterQueue('MailEventsDeadLetterQueue');
    mailEventsTopic.addSubscription(new subscriptions.LambdaSubscription(mailEvents.function, { deadLetterQueue: mailEventsDlq }));

    // Routes, one per definition; admin routes require SigV4 (IAM) authorisation.
    const integration = new HttpLambdaIntegration('HttpApiIntegration', httpApi.function);
    const iamAuthorizer = new HttpIamAuthorizer();
    for (const [id, route] of Object.entries(ROUTES)) {
      const [created] = api.addRoutes({
        path: route.path,
        methods: [apigw.HttpMethod[route.method]],
        integration,
        ...(route.access === 'iam' ? { authorizer: iamAuthorizer } : {}),
      });
      if (route.access === 'public') {
        Validations.of(created!).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason: `${id} is opened by customers from an email; each request is authorised by the HMAC-signed token in its path, not by an AWS identity.`,
        });
      }
    }
    // Everything else reaches the app too, so an unknown path gets the product's 404 page.
    const [fallback] = api.addRoutes({ path: '/{proxy+}', methods: [apigw.HttpMethod.ANY], integration });
    Validations.of(fallback!).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason: 'Catch-all route that only renders the 404 page; it reads and writes nothing.',
    });

    // Schedules, in the business's time zone, each retried and dead-lettered.
    const jobTargets: Record<ScheduledJob, ProductFunction> = { planWave: planner, sendReminders: planner, sweepComplaints: complaints, sendDigests: digest, sendStaffDigests: digest };
    const schedulerRole = new iam.Role(this, 'SchedulerRole', {
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', { conditions: { StringEquals: { 'aws:SourceAccount': this.account } } }),
      description: 'Lets EventBridge Scheduler invoke the scheduled jobs',
    });
    for (const fn of new Set(Object.values(jobTargets))) {
      Validations.of(schedulerRole).acknowledge({
        id: `AwsSolutions-IAM5[Resource::<${this.getLogicalId(fn.function.node.defaultChild as CfnElement)}.Arn>:*]`,
        reason: 'The scheduler target grant covers the function and its versions (":*"); it names one function only.',
      });
    }
    for (const definition of scheduleDefinitions(config)) {
      new scheduler.Schedule(this, `Schedule-${definition.job}`, {
        description: definition.description,
        schedule: scheduler.ScheduleExpression.expression(definition.expression, TimeZone.of(definition.timeZone)),
        target: new targets.LambdaInvoke(jobTargets[definition.job].function, {
          input: scheduler.ScheduleTargetInput.fromObject({ job: definition.job }),
          role: schedulerRole,
          deadLetterQueue: schedulerDlq,
          retryAttempts: 3,
          maxEventAge: Duration.hours(1),
        }),
      });
    }

    this.createAlarms(alarmTopic, [sendDlq, schedulerDlq, mailEventsDlq, complaintDlq], [httpApi, planner, sender, complaints, digest, mailEvents], configurationSet);

    const outputs: Record<keyof typeof OUTPUTS, string> = {
      apiUrl,
      tableName: table.tableName,
      sendQueueUrl: sendQueue.queueUrl,
      plannerFunctionName: planner.function.functionName,
      digestFunctionName: digest.function.functionName,
      configurationSetName: configurationSet.configurationSetName,
    };
    for (const [key, value] of Object.entries(outputs)) {
      new CfnOutput(this, OUTPUTS[key as keyof typeof OUTPUTS], { value });
    }
  }

  /**
   * Lets a function send mail as the configured identity, through the configuration set only.
   * Mail goes through SES's SendRawEmail (the MIME message is built by the product), so that
   * is the one action granted, on the sender's identities and the configuration set.
   */
  private allowSending(fn: ProductFunction, senderAddress: string, configurationSet: ses.ConfigurationSet): void {
    fn.role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['ses:SendRawEmail'],
        resources: [
          this.formatArn({ service: 'ses', resource: 'identity', resourceName: senderAddress }),
          this.formatArn({ service: 'ses', resource: 'identity', resourceName: senderAddress.split('@')[1]! }),
          this.formatArn({ service: 'ses', resource: 'configuration-set', resourceName: configurationSet.configurationSetName }),
        ],
      }),
    );
  }

  private createTable(): dynamodb.TableV2 {
    const key = (name: string) => ({ name, type: dynamodb.AttributeType.STRING });
    return new dynamodb.TableV2(this, 'Table', {
      partitionKey: key(TABLE_DESIGN.partitionKey),
      sortKey: key(TABLE_DESIGN.sortKey),
      billing: dynamodb.Billing.onDemand(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      timeToLiveAttribute: TABLE_DESIGN.timeToLiveAttribute,
      globalSecondaryIndexes: Object.entries(TABLE_DESIGN.indexes).map(([indexName, index]) => ({
        indexName,
        partitionKey: key(index.partitionKey),
        sortKey: key(index.sortKey),
      })),
    });
  }

  private deadLetterQueue(id: string): sqs.Queue {
    const queue = new sqs.Queue(this, id, {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(queue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This is itself a dead-letter queue; what lands here waits for an operator (an alarm fires on its depth).',
    });
    return queue;
  }

  private createAlarms(topic: sns.Topic, deadLetterQueues: sqs.Queue[], functions: ProductFunction[], configurationSet: ses.ConfigurationSet): void {
    const action = new cwActions.SnsAction(topic);
    const alarm = (id: string, metric: cloudwatch.IMetric, threshold: number, description: string) => {
      const created = new cloudwatch.Alarm(this, id, {
        metric,
        threshold,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        alarmDescription: description,
      });
      created.addAlarmAction(action);
    };
    for (const queue of deadLetterQueues) {
      alarm(`${queue.node.id}Depth`, queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) }), 1, `Messages are waiting in ${queue.node.id}`);
    }
    for (const fn of functions) {
      alarm(`${fn.node.id}Errors`, fn.function.metricErrors({ period: Duration.minutes(5) }), 1, `${fn.node.id} reported errors`);
    }
    // SES reviews an account at a 5 % bounce rate and 0.1 % complaint rate; alarm at those marks.
    const reputation = (metricName: string) =>
      new cloudwatch.Metric({ namespace: 'AWS/SES', metricName, statistic: 'Maximum', period: Duration.hours(1) });
    alarm('SesBounceRate', reputation('Reputation.BounceRate'), 0.05, `SES bounce rate reached 5 % (configuration set ${configurationSet.configurationSetName})`);
    alarm('SesComplaintRate', reputation('Reputation.ComplaintRate'), 0.001, 'SES complaint rate reached 0.1 %');
  }
}
