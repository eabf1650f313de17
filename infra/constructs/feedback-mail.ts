import { Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as ses from 'aws-cdk-lib/aws-ses';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Construct } from 'constructs';
import { SENDER_ADDRESS, SES_CONFIGURATION_SET } from '../../shared/platform/config/common-settings.ts';
import { DeadLetterQueue } from './dead-letter-queue.ts';
import type { ProductFunction } from './product-function.ts';
import { StackPart } from './stack-part.ts';

export interface FeedbackMailProps {
  /** The verified SES identity mail comes from; sending is allowed as it and as its domain. */
  readonly senderAddress: string;
  /** Receives the SES bounces and complaints (to suppress those addresses). */
  readonly eventsHandler: lambda.IFunction;
}

/**
 * Sending through SES: a configuration set with reputation metrics, whose bounces and
 * complaints go through an SNS topic to the events handler (dead-lettered when it fails).
 */
export class FeedbackMail extends StackPart {
  readonly configurationSet: ses.ConfigurationSet;
  readonly eventsTopic: sns.Topic;
  readonly eventsDeadLetterQueue: DeadLetterQueue;
  readonly senderAddress: string;

  constructor(scope: Construct, id: string, props: FeedbackMailProps) {
    super(scope, id);
    if (!/^[^@\s]+@[^@\s]+$/.test(props.senderAddress)) throw new Error(`${id}: senderAddress must be an email address, not ${props.senderAddress}`);
    this.senderAddress = props.senderAddress;
    this.eventsTopic = new sns.Topic(this, 'MailEventsTopic', { displayName: `${Stack.of(this).stackName} SES bounces and complaints`, enforceSSL: true });
    Validations.of(this.eventsTopic).acknowledge({
      id: 'AwsSolutions-SNS2',
      reason: 'SES cannot publish to a topic encrypted with the AWS-managed SNS key; messages hold only bounce and complaint metadata and live seconds.',
    });
    this.configurationSet = new ses.ConfigurationSet(this, 'ConfigurationSet', { reputationMetrics: true, sendingEnabled: true });
    this.configurationSet.addEventDestination('BouncesAndComplaints', {
      destination: ses.EventDestination.snsTopic(this.eventsTopic),
      events: [ses.EmailSendingEvent.BOUNCE, ses.EmailSendingEvent.COMPLAINT],
    });
    this.eventsDeadLetterQueue = new DeadLetterQueue(this, 'MailEventsDeadLetterQueue');
    this.eventsTopic.addSubscription(new subscriptions.LambdaSubscription(props.eventsHandler, { deadLetterQueue: this.eventsDeadLetterQueue }));
  }

  /**
   * Lets `fn` send mail as the sender, through the configuration set only: both in its settings
   * (SENDER_ADDRESS, SES_CONFIGURATION_SET) and in its role. The product builds the MIME message,
   * so SendRawEmail is the one action granted, on the sender's identities and the configuration set.
   */
  connectSender(fn: ProductFunction): void {
    fn.setEnv(SENDER_ADDRESS, this.senderAddress);
    fn.setEnv(SES_CONFIGURATION_SET, this.configurationSet.configurationSetName);
    const stack = Stack.of(this);
    fn.role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['ses:SendRawEmail'],
        resources: [
          stack.formatArn({ service: 'ses', resource: 'identity', resourceName: this.senderAddress }),
          stack.formatArn({ service: 'ses', resource: 'identity', resourceName: this.senderAddress.split('@')[1]! }),
          stack.formatArn({ service: 'ses', resource: 'configuration-set', resourceName: this.configurationSet.configurationSetName }),
        ],
      }),
    );
  }
}
