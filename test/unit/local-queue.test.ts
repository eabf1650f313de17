import { describe, expect, it } from 'vitest';
import type { SQSEvent } from 'aws-lambda';
import { LocalQueue } from '../../local/local-queue.ts';

describe('the local queue keeps SQS semantics', () => {
  it('delivers in batches no larger than the batch size', async () => {
    const sizes: number[] = [];
    const queue = new LocalQueue<number>(async (event) => void sizes.push(event.Records.length), { batchSize: 10 });
    await queue.send(Array.from({ length: 25 }, (_, i) => i));
    await queue.drained();
    expect(sizes).toEqual([10, 10, 5]);
  });

  it('once closed, delivers nothing more, not even the redelivery of a batch that failed while closing', async () => {
    let deliveries = 0;
    let release: () => void = () => undefined;
    const inFlight = new Promise<void>((resolve) => (release = resolve));
    const queue = new LocalQueue<number>(
      async () => {
        deliveries++;
        await inFlight;
        throw new Error('the consumer fails');
      },
      { batchSize: 1, visibilityTimeoutMs: 10 },
    );
    await queue.send([1, 2]);
    await new Promise((resolve) => setTimeout(resolve, 5));
    queue.close();
    release();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(deliveries).toBe(1);
    expect(queue.depth).toBe(2);
  });

  it('redelivers only the failed records of a batch, with a growing receive count', async () => {
    const seen: Array<{ body: number; receiveCount: string | undefined }> = [];
    let failedOnce = false;
    const queue = new LocalQueue<number>(
      async (event: SQSEvent) => {
        const failures = [];
        for (const record of event.Records) {
          seen.push({ body: JSON.parse(record.body) as number, receiveCount: record.attributes.ApproximateReceiveCount });
          if (JSON.parse(record.body) === 2 && !failedOnce) {
            failedOnce = true;
            failures.push({ itemIdentifier: record.messageId });
          }
        }
        return { batchItemFailures: failures };
      },
      { visibilityTimeoutMs: 20 },
    );
    await queue.send([1, 2, 3]);
    await queue.drained();
    expect(seen).toEqual([
      { body: 1, receiveCount: '1' },
      { body: 2, receiveCount: '1' },
      { body: 3, receiveCount: '1' },
      { body: 2, receiveCount: '2' },
    ]);
  });

  it('moves a message that keeps failing to the dead-letter list after the receive limit', async () => {
    let calls = 0;
    const queue = new LocalQueue<{ poison: boolean }>(
      async () => {
        calls++;
        throw new Error('cannot process');
      },
      { visibilityTimeoutMs: 5, maxReceiveCount: 3 },
    );
    await queue.send([{ poison: true }]);
    await queue.drained();
    expect(calls).toBe(3);
    expect(queue.deadLetters).toEqual([{ body: { poison: true }, receiveCount: 3 }]);
    expect(queue.depth).toBe(0);
  });
});
