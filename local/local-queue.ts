import { randomUUID } from 'node:crypto';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type { MessageQueue } from '../shared/platform/queue/message-queue.ts';

export interface LocalQueueOptions {
  /** Records per consumer call, like the event source's batch size. @default 10 */
  readonly batchSize?: number;
  /** How long a failed message stays invisible before redelivery. @default 30 s */
  readonly visibilityTimeoutMs?: number;
  /** Receives before a message moves to the dead-letter list, like the redrive policy. @default 5 */
  readonly maxReceiveCount?: number;
  readonly name?: string;
}

interface Entry {
  readonly id: string;
  readonly body: string;
  receiveCount: number;
  visibleAt: number;
  readonly sentAt: number;
}

type Consumer = (event: SQSEvent) => Promise<SQSBatchResponse | void>;

/**
 * An in-process queue with the SQS semantics the product relies on: batches, partial
 * batch failures (only the failed records come back), redelivery after a visibility
 * timeout, and a dead-letter list after `maxReceiveCount` receives. It calls the same
 * consumer handler Lambda does, with an SQS-shaped event.
 */
export class LocalQueue<T> implements MessageQueue<T> {
  readonly deadLetters: Array<{ body: T; receiveCount: number }> = [];
  private readonly entries: Entry[] = [];
  private consuming = false;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  private idleWaiters: Array<() => void> = [];
  private readonly batchSize: number;
  private readonly visibilityTimeoutMs: number;
  private readonly maxReceiveCount: number;
  private readonly arn: string;

  constructor(
    /** The handler the queue feeds: the same one Lambda runs. */
    readonly consumer: Consumer,
    options: LocalQueueOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 10;
    this.visibilityTimeoutMs = options.visibilityTimeoutMs ?? 30_000;
    this.maxReceiveCount = options.maxReceiveCount ?? 5;
    this.arn = `arn:aws:sqs:local:000000000000:${options.name ?? 'local-queue'}`;
  }

  async send(messages: readonly T[]): Promise<void> {
    const now = Date.now();
    for (const message of messages) {
      this.entries.push({ id: randomUUID(), body: JSON.stringify(message), receiveCount: 0, visibleAt: now, sentAt: now });
    }
    this.schedule(0);
  }

  /** Messages waiting or in flight. */
  get depth(): number {
    return this.entries.length;
  }

  /** Resolves once every message has been consumed or dead-lettered. */
  drained(): Promise<void> {
    if (this.entries.length === 0 && !this.consuming) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /**
   * Stops consuming: no delivery or redelivery is scheduled from now on (messages stay
   * queued), even by a batch still being delivered, so a closed queue never keeps the
   * process alive.
   */
  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
  }

  private schedule(delayMs: number): void {
    if (this.closed) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.consume(), Math.max(0, delayMs));
  }

  private async consume(): Promise<void> {
    if (this.consuming) return;
    this.consuming = true;
    try {
      for (;;) {
        const now = Date.now();
        const batch = this.entries.filter((entry) => entry.visibleAt <= now).slice(0, this.batchSize);
        if (batch.length === 0 || this.closed) break;
        for (const entry of batch) {
          entry.receiveCount++;
          entry.visibleAt = now + this.visibilityTimeoutMs;
        }
        const failed = await this.deliver(batch);
        for (const entry of batch) {
          if (!failed.has(entry.id)) this.remove(entry);
          else if (entry.receiveCount >= this.maxReceiveCount) {
            this.remove(entry);
            this.deadLetters.push({ body: JSON.parse(entry.body) as T, receiveCount: entry.receiveCount });
          }
        }
      }
    } finally {
      this.consuming = false;
    }
    if (this.entries.length > 0) {
      this.schedule(Math.min(...this.entries.map((entry) => entry.visibleAt)) - Date.now());
    } else {
      for (const resolve of this.idleWaiters.splice(0)) resolve();
    }
  }

  /** Calls the consumer; returns the ids that failed (all of them if it threw). */
  private async deliver(batch: Entry[]): Promise<Set<string>> {
    try {
      const response = await this.consumer({ Records: batch.map((entry) => this.toRecord(entry)) });
      return new Set((response?.batchItemFailures ?? []).map((failure) => failure.itemIdentifier));
    } catch {
      return new Set(batch.map((entry) => entry.id));
    }
  }

  private remove(entry: Entry): void {
    this.entries.splice(this.entries.indexOf(entry), 1);
  }

  private toRecord(entry: Entry): SQSRecord {
    return {
      messageId: entry.id,
      receiptHandle: `${entry.id}#${entry.receiveCount}`,
      body: entry.body,
      attributes: {
        ApproximateReceiveCount: String(entry.receiveCount),
        SentTimestamp: String(entry.sentAt),
        SenderId: 'local',
        ApproximateFirstReceiveTimestamp: String(entry.sentAt),
      },
      messageAttributes: {},
      md5OfBody: '',
      eventSource: 'aws:sqs',
      eventSourceARN: this.arn,
      awsRegion: 'local',
    };
  }
}
