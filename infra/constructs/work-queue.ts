import { Duration } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import type { Setting } from '../../shared/platform/config/settings.ts';
import { DeadLetterQueue } from './dead-letter-queue.ts';
import type { ProductFunction } from './product-function.ts';
import { StackPart, uniqueIdWithoutParts } from './stack-part.ts';

export interface WorkQueueProps {
  /** The setting that carries the queue's URL to the functions that send to it. */
  readonly urlSetting: Setting;
  /**
   * How long a received message stays hidden from other consumers. Lambda recommends six times
   * the consumer's timeout; {@link WorkQueue.feed} refuses a consumer that needs more.
   * @default Duration.minutes(6)
   */
  readonly visibilityTimeout?: Duration;
  /** How many receives a message gets before it moves to the dead-letter queue (1–1000). @default 5 */
  readonly maxReceiveCount?: number;
}

/** How a function consumes a work queue. */
export interface FeedOptions {
  /** The most batches handled at once (2–1000): bounds the load on what the consumer calls. */
  readonly maxConcurrency: number;
  /** The consumer hides a failed message for a backoff of its own (ChangeMessageVisibility). @default false */
  readonly setsBackoff?: boolean;
}

/**
 * A queue of work between functions, encrypted and TLS only, with a dead-letter queue for
 * messages that keep failing. Its children are named after its id: `<id>Queue`, `<id>DeadLetterQueue`.
 */
export class WorkQueue extends StackPart {
  readonly queue: sqs.Queue;
  readonly deadLetterQueue: DeadLetterQueue;
  private readonly urlSetting: Setting;
  private readonly visibilityTimeout: Duration;

  constructor(scope: Construct, id: string, props: WorkQueueProps) {
    super(scope, id);
    const maxReceiveCount = props.maxReceiveCount ?? 5;
    if (!Number.isInteger(maxReceiveCount) || maxReceiveCount < 1 || maxReceiveCount > 1000) {
      throw new Error(`${id}: maxReceiveCount must be a whole number from 1 to 1000, not ${maxReceiveCount}`);
    }
    this.urlSetting = props.urlSetting;
    this.visibilityTimeout = props.visibilityTimeout ?? Duration.minutes(6);
    this.deadLetterQueue = new DeadLetterQueue(this, `${id}DeadLetterQueue`);
    this.queue = new sqs.Queue(this, `${id}Queue`, {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: this.visibilityTimeout,
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount },
    });
  }

  /** Lets `fn` send work: the queue's URL (the queue's setting) and permission to send to it. */
  connectProducer(fn: ProductFunction): void {
    fn.setEnv(this.urlSetting, this.queue.queueUrl);
    // SendMessage covers SendMessageBatch, the only call producers make.
    fn.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['sqs:SendMessage'], resources: [this.queue.queueArn] }));
  }

  /** Feeds `fn` from the queue in batches of 10, with partial batch responses, and lets it consume. */
  feed(fn: ProductFunction, options: FeedOptions): void {
    const timeout = fn.function.timeout ?? Duration.seconds(3);
    if (timeout.toSeconds() * 6 > this.visibilityTimeout.toSeconds()) {
      throw new Error(`${fn.folder}: a ${timeout.toHumanString()} timeout needs a visibility timeout of at least six times that on ${this.queue.node.id}`);
    }
    // Named as SqsEventSource names it, but with stack parts left out like every logical ID
    // here: a renamed mapping fails the deploy, as Lambda refuses a second one per queue and function.
    fn.function.addEventSourceMapping(`SqsEventSource:${uniqueIdWithoutParts(this.queue)}`, {
      eventSourceArn: this.queue.queueArn,
      batchSize: 10,
      reportBatchItemFailures: true,
      maxConcurrency: options.maxConcurrency,
    });
    // What the event source mapping itself calls; the function never calls SQS for its input.
    fn.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes'], resources: [this.queue.queueArn] }));
    if (options.setsBackoff) fn.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['sqs:ChangeMessageVisibility'], resources: [this.queue.queueArn] }));
  }
}
