import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { MessageQueue } from '../../../shared/queue/message-queue.ts';

/** The product's SQS queue written with the AWS SDK v3 (benchmark baseline only). */
export function sqsQueue<T>(queueUrl: string, client = new SQSClient({})): MessageQueue<T> {
  return {
    async send(messages) {
      for (let start = 0; start < messages.length; start += 10) {
        const entries = messages.slice(start, start + 10).map((message, i) => ({ Id: String(i), MessageBody: JSON.stringify(message) }));
        const { Failed = [] } = await client.send(new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: entries }));
        if (Failed.length > 0) throw new Error(`SQS refused ${Failed.length} message(s)`);
      }
    },
  };
}
