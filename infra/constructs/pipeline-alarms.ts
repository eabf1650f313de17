import { Duration, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cwActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as ses from 'aws-cdk-lib/aws-ses';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import type { ProductFunction } from './product-function.ts';
import { StackPart } from './stack-part.ts';
import { METRIC_NAMESPACE, type MetricName } from '../../shared/platform/observability/metrics.ts';

export interface PipelineAlarmsProps {
  /** Where alarms are emailed. @default no subscription */
  readonly email?: string;
  /** Any message waiting in one of these raises an alarm, named after the queue's id. */
  readonly deadLetterQueues: readonly sqs.IQueue[];
  /** Any error in one of these raises an alarm, named after the function's id. */
  readonly functions: readonly ProductFunction[];
  /** The configuration set whose sending the SES reputation alarms are about. */
  readonly configurationSet: ses.IConfigurationSet;
  /**
   * The HTTP API: its own 5xx count alarms (the app answers errors with a 500 page, so the
   * function's Errors metric stays 0).
   */
  readonly api: apigw.IHttpApi;
  /** The functions that send mail: their `SendFailures` and `SendingBlocked` metrics alarm. */
  readonly mailers: readonly ProductFunction[];
  /** Work queues, each with how old its oldest message may grow before someone should look. */
  readonly queueAges: ReadonlyArray<{ readonly queue: sqs.IQueue; readonly maxAge: Duration }>;
}

/**
 * Operational alarms, published to one SNS topic: dead-letter depth, function errors, and the
 * account's SES bounce and complaint rates.
 */
export class PipelineAlarms extends StackPart {
  readonly topic: sns.Topic;
  readonly alarms: cloudwatch.Alarm[] = [];
  private readonly action: cwActions.SnsAction;

  constructor(scope: Construct, id: string, props: PipelineAlarmsProps) {
    super(scope, id);
    this.topic = new sns.Topic(this, 'AlarmTopic', { displayName: `${Stack.of(this).stackName} alarms`, enforceSSL: true });
    if (props.email) this.topic.addSubscription(new subscriptions.EmailSubscription(props.email));
    Validations.of(this.topic).acknowledge({
      id: 'AwsSolutions-SNS2',
      reason: 'Alarm notifications carry only alarm names and states, no customer data; CloudWatch cannot publish to a topic under the AWS-managed SNS key.',
    });
    this.action = new cwActions.SnsAction(this.topic);

    for (const queue of props.deadLetterQueues) {
      this.alarm(`${queue.node.id}Depth`, queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) }), 1, `Messages are waiting in ${queue.node.id}`);
    }
    for (const fn of props.functions) {
      this.alarm(`${fn.node.id}Errors`, fn.function.metricErrors({ period: Duration.minutes(5) }), 1, `${fn.node.id} reported errors`);
    }
    // The product's own metrics (EMF lines): dimension `service` is the function's name.
    const product = (fn: ProductFunction, metricName: MetricName) =>
      new cloudwatch.Metric({ namespace: METRIC_NAMESPACE, metricName, dimensionsMap: { service: fn.function.functionName }, statistic: 'Sum', period: Duration.minutes(5) });
    for (const fn of props.mailers) {
      this.alarm(`${fn.node.id}SendFailures`, product(fn, 'SendFailures'), 1, `${fn.node.id}: SES refused a message for good, or its outcome is unknown`);
      this.alarm(`${fn.node.id}SendingBlocked`, product(fn, 'SendingBlocked'), 1, `${fn.node.id}: SES refuses the sender or the account (unverified identity, sandbox, sending paused); mail waits in the queue`);
    }
    this.alarm('HttpApi5xx', props.api.metricServerError({ period: Duration.minutes(5), statistic: 'Sum' }), 5, 'The HTTP API answered 5 or more server errors in 5 minutes');
    for (const { queue, maxAge } of props.queueAges) {
      const metric = queue.metricApproximateAgeOfOldestMessage({ period: Duration.minutes(5), statistic: 'Maximum' });
      this.alarm(`${queue.node.id}Age`, metric, maxAge.toSeconds(), `A message has waited over ${maxAge.toHumanString()} in ${queue.node.path}`);
    }
    // SES reviews an account at a 5 % bounce rate and 0.1 % complaint rate; alarm at those marks.
    const reputation = (metricName: string) => new cloudwatch.Metric({ namespace: 'AWS/SES', metricName, statistic: 'Maximum', period: Duration.hours(1) });
    this.alarm('SesBounceRate', reputation('Reputation.BounceRate'), 0.05, `SES bounce rate reached 5 % (configuration set ${props.configurationSet.configurationSetName})`);
    this.alarm('SesComplaintRate', reputation('Reputation.ComplaintRate'), 0.001, 'SES complaint rate reached 0.1 %');
    // The topic policy `enforceSSL` writes holds only its TLS deny; without an Allow, CloudWatch
    // cannot publish and every alarm would stay silent. Only this account's alarms may.
    this.topic.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowThisStacksAlarms',
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [this.topic.topicArn],
        conditions: {
          StringEquals: { 'aws:SourceAccount': Stack.of(this).account },
          ArnLike: { 'aws:SourceArn': this.alarms.map((alarm) => alarm.alarmArn) },
        },
      }),
    );
  }

  private alarm(id: string, metric: cloudwatch.IMetric, threshold: number, description: string): void {
    const alarm = new cloudwatch.Alarm(this, id, {
      // Named from the stack, so a notification says which stack, and the README's runbook can name each one.
      alarmName: `${Stack.of(this).stackName}-${id}`,
      metric,
      threshold,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      alarmDescription: description,
    });
    alarm.addAlarmAction(this.action);
    this.alarms.push(alarm);
  }
}
