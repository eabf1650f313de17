import { Duration, Stack, Validations } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as logs from 'aws-cdk-lib/aws-logs';
import * as pipes from 'aws-cdk-lib/aws-pipes';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { BUSINESS_NAME, PUBLIC_BASE_URL } from '../../shared/platform/config/common-settings.ts';
import { EVENT_SOURCE } from '../../shared/integrations/domain-events.ts';
import { chatRule, webhookRule, type DestinationRule, type TDestination } from '../../shared/integrations/destinations.ts';
import type { TChatChannelConfig, TWebhookConfig } from '../../shared/integrations/integration-config.ts';
import { DELIVERY_QUEUE_URL, DESTINATIONS } from '../../shared/integrations/integration-settings.ts';
import { DELIVERY_ATTEMPTS } from '../../shared/integrations/retry-schedule.ts';
import { SETTINGS as PUBLISHER_SETTINGS } from '../../functions/event-publisher/settings.ts';
import { SETTINGS as DELIVERER_SETTINGS } from '../../functions/webhook-deliverer/settings.ts';
import { DeadLetterQueue } from './dead-letter-queue.ts';
import type { FeedbackTable } from './feedback-table.ts';
import type { LinkSigningSecret } from './link-signing-secret.ts';
import { ProductFunction } from './product-function.ts';
import { StackPart } from './stack-part.ts';
import { WorkQueue } from './work-queue.ts';

export interface FeedbackIntegrationsProps {
  /** The table whose stream (new and old images) the events are published from. */
  readonly table: FeedbackTable;
  readonly webhooks: readonly TWebhookConfig[];
  readonly chat: readonly TChatChannelConfig[];
  readonly businessName: string;
  /** The base of the complaint links in chat messages: the HTTP API's URL. */
  readonly publicBaseUrl: string;
  readonly linkSecret: LinkSigningSecret;
  readonly logRetention: logs.RetentionDays;
  /** The questionnaires to ship to the deliverer (chat messages name values by label). @default config/questionnaires */
  readonly questionnaireDir?: string | undefined;
}

/**
 * Domain events and their deliveries. The table's stream feeds an EventBridge pipe whose
 * enrichment, the publisher function, turns changes into domain events; the pipe puts them on
 * the stack's own bus (users add their own rules to it). One rule per webhook or chat channel
 * queues (event, destination) pairs for the deliverer, which posts them, backing off for a day
 * before the dead-letter queue.
 */
export class FeedbackIntegrations extends StackPart {
  readonly bus: events.EventBus;
  readonly publisher: ProductFunction;
  readonly deliverer: ProductFunction;
  readonly deliveryQueue: WorkQueue;
  /** Batches the pipe could not publish after its retries (their stream positions, to replay within 24 h). */
  readonly publishFailures: DeadLetterQueue;

  constructor(scope: Construct, id: string, props: FeedbackIntegrationsProps) {
    super(scope, id);
    const stream = props.table.table.tableStreamArn;
    if (!stream) throw new Error('the table needs its stream (new and old images) for the event publisher');
    this.bus = new events.EventBus(this, 'EventBus', { description: 'Domain events of the feedback pipeline' });

    this.publisher = new ProductFunction(this, 'EventPublisherFunction', {
      folder: 'event-publisher',
      description: 'Turns table changes into domain events for the event bus',
      settings: PUBLISHER_SETTINGS,
      callBudget: 'queue',
      timeout: Duration.minutes(1),
      logRetention: props.logRetention,
    });
    props.table.connect(this.publisher, { actions: ['GetItem'] });
    this.publishFailures = new DeadLetterQueue(this, 'EventPublishDeadLetterQueue');
    this.pipe(stream);

    this.deliveryQueue = new WorkQueue(this, 'WebhookDelivery', { urlSetting: DELIVERY_QUEUE_URL, maxReceiveCount: DELIVERY_ATTEMPTS });
    this.deliverer = new ProductFunction(this, 'WebhookDelivererFunction', {
      folder: 'webhook-deliverer',
      description: 'Posts domain events to webhooks and chat channels',
      settings: DELIVERER_SETTINGS,
      bundleQuestionnaires: true,
      ...(props.questionnaireDir ? { questionnaireDir: props.questionnaireDir } : {}),
      callBudget: 'queue',
      timeout: Duration.minutes(1),
      logRetention: props.logRetention,
    });
    this.deliveryQueue.feed(this.deliverer, { maxConcurrency: 2, setsBackoff: true });
    this.deliverer.setEnv(DELIVERY_QUEUE_URL, this.deliveryQueue.queue.queueUrl);
    props.table.connect(this.deliverer, { actions: ['GetItem', 'PutItem', 'Query'] });
    props.linkSecret.connect(this.deliverer);
    this.deliverer.setEnv(PUBLIC_BASE_URL, props.publicBaseUrl);
    this.deliverer.setEnv(BUSINESS_NAME, props.businessName);

    const stackName = Stack.of(this).stackName;
    const destinations: TDestination[] = [];
    for (const webhook of props.webhooks) {
      const secret = this.secret(`Webhook-${webhook.id}`, `${stackName}/webhooks/${webhook.id}`, `Signs the deliveries to webhook ${webhook.id}`, 'Receivers hold a copy to verify signatures; rotating it would break them. To rotate, add the webhook under a new id and retire the old one.');
      destinations.push({ id: webhook.id, kind: 'webhook', url: webhook.url, secret: secret.secretArn });
      this.route(webhookRule(webhook));
    }
    for (const channel of props.chat) {
      const secret = this.secret(`Chat-${channel.id}`, `${stackName}/chat/${channel.id}`, `The incoming-webhook URL of ${channel.format} channel ${channel.id}: replace the placeholder with it`, 'It holds a chat channel URL that the chat platform issues; an admin replaces it there when needed.');
      destinations.push({ id: channel.id, kind: channel.format, secret: secret.secretArn, ...(channel.departmentId ? { departmentId: channel.departmentId } : {}) });
      this.route(chatRule(channel));
    }
    this.deliverer.setEnv(DESTINATIONS, JSON.stringify(destinations));
  }

  /** The pipe: stream → publisher (enrichment) → bus; batches retried, then bisected, then recorded in the dead-letter queue. */
  private pipe(stream: string): void {
    const role = new iam.Role(this, 'EventPipeRole', { assumedBy: new iam.ServicePrincipal('pipes.amazonaws.com'), description: 'Reads the table stream and publishes domain events' });
    role.addToPolicy(new iam.PolicyStatement({ actions: ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams'], resources: [stream] }));
    role.addToPolicy(new iam.PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [this.publisher.function.functionArn] }));
    this.bus.grantPutEventsTo(role);
    // The pipe only sends failed batches here.
    role.addToPolicy(new iam.PolicyStatement({ actions: ['sqs:SendMessage'], resources: [this.publishFailures.queueArn] }));
    new pipes.CfnPipe(this, 'EventPipe', {
      roleArn: role.roleArn,
      description: 'Table changes to domain events',
      source: stream,
      sourceParameters: {
        dynamoDbStreamParameters: {
          // From the oldest record kept (24 h): a pipe created or recreated late still publishes what was written.
          startingPosition: 'TRIM_HORIZON',
          batchSize: 10,
          maximumBatchingWindowInSeconds: 1,
          maximumRetryAttempts: 10,
          onPartialBatchItemFailure: 'AUTOMATIC_BISECT',
          deadLetterConfig: { arn: this.publishFailures.queueArn },
        },
      },
      enrichment: this.publisher.function.functionArn,
      target: this.bus.eventBusArn,
      targetParameters: {
        // Each event's own type becomes its detail-type, and when it happened its time; the whole event is the detail.
        eventBridgeEventBusParameters: { source: EVENT_SOURCE, detailType: '$.type', time: '$.occurredAt' },
      },
    });
  }

  private secret(id: string, name: string, description: string, whyNoRotation: string): secretsmanager.Secret {
    const secret = new secretsmanager.Secret(this, id, { secretName: name, description, generateSecretString: { passwordLength: 48, excludePunctuation: true } });
    this.deliverer.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: [secret.secretArn] }));
    Validations.of(secret).acknowledge({ id: 'AwsSolutions-SMG4', reason: whyNoRotation });
    return secret;
  }

  /** One rule per destination: its event types (and department), each match queued with the destination's id. */
  private route(rule: DestinationRule): void {
    const pascal = rule.id.split('-').map((word) => word[0]!.toUpperCase() + word.slice(1)).join('');
    new events.Rule(this, `${pascal}DeliveryRule`, {
      eventBus: this.bus,
      description: `Queues the events destination ${rule.id} wants`,
      eventPattern: {
        source: [EVENT_SOURCE],
        detailType: [...rule.eventTypes],
        ...(rule.departmentId ? { detail: { departmentId: [rule.departmentId] } } : {}),
      },
      targets: [
        new targets.SqsQueue(this.deliveryQueue.queue, {
          message: events.RuleTargetInput.fromObject({ destination: rule.id, event: events.EventField.fromPath('$') }),
          deadLetterQueue: this.deliveryQueue.deadLetterQueue,
          retryAttempts: 185,
          maxEventAge: Duration.hours(24),
        }),
      ],
    });
  }
}
