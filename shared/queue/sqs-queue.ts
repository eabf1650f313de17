import { SQS, type AwsJsonClient } from '../aws/aws-json-client.ts';
import { connectAws } from '../aws/connect.ts';
import type { MessageQueue } from './message-queue.ts';

/** SQS takes at most 10 messages per batch call. */
const SQS_BATCH_LIMIT = 10;
const MAX_ATTEMPTS = 5;

interface SendMessageBatchResult {
  Failed?: Array<{ Id: string; Code?: string; SenderFault?: boolean }>;
}

/** An SQS queue; entries SQS fails within a batch are retried, then reported as an error. */
export function sqsQueue<T>(queueUrl: string, client: AwsJsonClient = connectAws(SQS)): MessageQueue<T> {
  return {
    async send(messages) {
      for (let start = 0; start < messages.length; start += SQS_BATCH_LIMIT) {
        let entries = messages.slice(start, start + SQS_BATCH_LIMIT).map((message, i) => ({ Id: String(i), MessageBody: JSON.stringify(message) }));
        for (let attempt = 1; entries.length > 0; attempt++) {
          const { Failed = [] } = await client.call<SendMessageBatchResult>('SendMessageBatch', { QueueUrl: queueUrl, Entries: entries });
          if (Failed.length === 0) break;
          if (attempt >= MAX_ATTEMPTS) throw new Error(`SQS refused ${Failed.length} message(s): ${Failed.map((f) => f.Code).join(', ')}`);
          const failedIds = new Set(Failed.map((f) => f.Id));
          entries = entries.filter((entry) => failedIds.has(entry.Id));
          await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt * Math.random()));
        }
      }
    },
  };
}
